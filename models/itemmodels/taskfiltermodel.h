// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskfilter.h"

#include <QSortFilterProxyModel>

class TaskTableModel;

// Filters and sorts a TaskTableModel. Both the predicate (TaskFilter) and the ordering read
// the tasks directly instead of going through QVariant data, which is what keeps a filter
// change on a large table cheap.
class TaskFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskFilterModel)

public:
    explicit TaskFilterModel(QObject *parent = nullptr);

    // Must be a TaskTableModel.
    void setSourceModel(QAbstractItemModel *model) override;
    TaskTableModel *tableModel() const { return m_table; }

    const TaskFilter &filter() const { return m_filter; }

    // Parses and applies a search. A malformed query leaves the current filter as it was
    // and returns the error, which the caller shows; it is never silently ignored.
    TaskQuery::Error setQueryText(const QString &text);
    void setQuery(const TaskQuery &query);
    void setStage(std::optional<Stage> stage);
    void setKind(std::optional<FailureKind> kind);
    void setStatuses(quint64 statusMask);
    void setSourceFilter(std::optional<TaskSource> source);
    void setGroup(std::optional<InternedString> group);
    void setProblemsOnly(bool on);
    void clearFacets();

    // The source row of a proxy row, for actions and the details pane.
    int sourceRow(int proxyRow) const;

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilterIf(bool changed);

    TaskTableModel *m_table = nullptr;
    TaskFilter m_filter;
};
