// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sortkeys.h"
#include "taskfilter.h"

#include <QAbstractProxyModel>
#include <QTimer>

#include <functional>
#include <vector>

class TaskTableModel;

// Filters and sorts a TaskTableModel for the views, built for a million live rows.
//
// It is not a QSortFilterProxyModel: that proxy remaps all its rows once per inserted or
// removed interval and re-sorts once per dataChanged signal, so a filter change that keeps
// scattered rows costs seconds at 100,000 rows and minutes at a million (taskmon-bench has
// the figures). Here every source row stays in one vector in sort order, keyed by a 64-bit
// sort key per row (SortKeys); a filter change is one pass over that vector, and the rows a
// flush changed are taken out, re-keyed and merged back once per flush. Insertions and
// removals that touch a few places are announced as row signals; a re-sort, a filter change
// and the rows a flush moved or let in or out as one layout change, which may change the
// row count and carries the persistent indexes (selection, current row) over.
class TaskFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskFilterModel)

public:
    explicit TaskFilterModel(QObject *parent = nullptr);

    // Must be a TaskTableModel.
    void setSourceModel(QAbstractItemModel *model) override;
    TaskTableModel *tableModel() const { return m_table; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Sorting by a TaskColumn; -1 keeps the source order. Ties fall back to the task id.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    const TaskFilter &filter() const { return m_filter; }

    // Parses and applies a search. A malformed query leaves the current filter as it was
    // and returns the error, which the caller shows; it is never silently ignored.
    TaskQuery::Error setQueryText(const QString &text);
    void setQuery(const TaskQuery &query);
    void setStage(std::optional<Stage> stage);
    void setKind(std::optional<FailureKind> kind);
    void setStatuses(quint64 statusMask);
    void setSourceFilter(std::optional<SystemId> source);
    void setGroup(std::optional<InternedString> group);
    void setProblemsOnly(bool on);
    void clearFacets();

    // The source row of a proxy row, for actions and the details pane.
    int sourceRow(int proxyRow) const
    {
        Q_ASSERT(proxyRow >= 0 && size_t(proxyRow) < m_proxyToSource.size());
        return m_proxyToSource[size_t(proxyRow)];
    }
    // Applies the changes of the last flush now (it happens by itself after every flush).
    void reconcile();

signals:
    void filterChanged();

private:
    // Per source row: Accepted (the filter's verdict) and Pending (changed since the last
    // reconcile), one byte for both.
    enum RowFlag : quint8 { Accepted = 1, Pending = 2 };

    bool rowBefore(int a, int b) const;
    bool isAccepted(int row) const { return m_rowFlags[size_t(row)] & Accepted; }
    bool isPending(int row) const { return m_rowFlags[size_t(row)] & Pending; }
    void setAccepted(int row, bool on) { setFlag(row, Accepted, on); }
    void setPending(int row, bool on) { setFlag(row, Pending, on); }
    void setFlag(int row, RowFlag flag, bool on)
    {
        quint8 &flags = m_rowFlags[size_t(row)];
        flags = on ? quint8(flags | flag) : quint8(flags & ~flag);
    }
    const Task &taskAt(int sourceRow) const;
    quint64 keyOf(int sourceRow, bool *stale);
    void refilterIf(bool changed);
    void refilterAll();
    void resortAll();
    void rebuildProxyRows(std::vector<int> *proxyToSource) const;
    // Emits a layout change around `mutate`, carrying the persistent indexes over.
    // `remap` turns a source row from before `mutate` into the one after (-1: gone).
    void changeLayout(const std::function<void()> &mutate, const std::function<int(int)> &remap = {});
    // The source row and column under each persistent index, to find them again afterwards.
    std::vector<std::pair<int, int>> sourcesOf(const QModelIndexList &indexes) const;
    void movePersistentIndexes(const QModelIndexList &before, const std::vector<std::pair<int, int>> &sources,
                               const std::function<int(int)> &remap);
    // Sorts `rows` by their keys and merges them into m_order, which must not hold them.
    void mergeIntoOrder(std::vector<int> rows);
    void adoptProxyRows(std::vector<int> proxyToSource);

    void onSourceReset();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    TaskTableModel *m_table = nullptr;
    TaskFilter m_filter;
    SortKeys m_sortKeys;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<int> m_order;          // every source row, in sort order
    std::vector<int> m_proxyToSource;  // the accepted rows, in sort order
    std::vector<int> m_sourceToProxy;  // proxy row of a source row, -1 when filtered out
    std::vector<quint64> m_keys;       // sort key of every source row
    std::vector<quint8> m_rowFlags;    // RowFlag bits of every source row
    std::vector<int> m_pendingRows;
    QTimer m_reconcileTimer;

    // A removal the views see as a layout change (scattered rows).
    bool m_removalAsLayout = false;
    QModelIndexList m_layoutBefore;
    std::vector<std::pair<int, int>> m_layoutSources;
};
