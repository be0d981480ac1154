// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskfiltermodel.h"

#include "tasktablemodel.h"
#include "store/rowruns.h"
#include "store/taskstore.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace {
// Up to this many separate intervals are announced as row insertions or removals; more
// become one layout change, which costs the views the same whatever the number.
constexpr size_t MaxRowSignals = 8;
} // namespace

TaskFilterModel::TaskFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
    m_reconcileTimer.setSingleShot(true);
    m_reconcileTimer.setInterval(0);
    connect(&m_reconcileTimer, &QTimer::timeout, this, &TaskFilterModel::reconcile);
}

void TaskFilterModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    m_table = qobject_cast<TaskTableModel *>(model);
    Q_ASSERT_X(m_table || !model, "TaskFilterModel", "the source must be a TaskTableModel");
    QAbstractProxyModel::setSourceModel(model);
    if (m_table) {
        connect(m_table, &QAbstractItemModel::rowsInserted, this, &TaskFilterModel::onRowsInserted);
        connect(m_table, &QAbstractItemModel::rowsAboutToBeRemoved, this, &TaskFilterModel::onRowsAboutToBeRemoved);
        connect(m_table, &QAbstractItemModel::rowsRemoved, this, &TaskFilterModel::onRowsRemoved);
        connect(m_table, &QAbstractItemModel::dataChanged, this, &TaskFilterModel::onDataChanged);
        connect(m_table, &QAbstractItemModel::modelAboutToBeReset, this, &TaskFilterModel::beginResetModel);
        connect(m_table, &QAbstractItemModel::modelReset, this, &TaskFilterModel::onSourceReset);
        connect(m_table, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { beginResetModel(); });
        connect(m_table, &QAbstractItemModel::layoutChanged, this, &TaskFilterModel::onSourceReset);
        connect(m_table, &TaskTableModel::flushed, this, &TaskFilterModel::reconcile);
    }
    onSourceReset();
}

void TaskFilterModel::onSourceReset()
{
    // Called inside beginResetModel(); everything is rebuilt from the source.
    const int rows = m_table ? m_table->rowCount() : 0;
    m_keys.assign(size_t(rows), 0);
    m_rowFlags.assign(size_t(rows), 0);
    m_pendingRows.clear();
    m_order.resize(size_t(rows));
    std::iota(m_order.begin(), m_order.end(), 0);
    for (int row = 0; row < rows; ++row)
        setAccepted(row, m_filter.accepts(taskAt(row)));
    resortAll();
    endResetModel();
}

const Task &TaskFilterModel::taskAt(int sourceRow) const
{
    return m_table->task(sourceRow);
}

quint64 TaskFilterModel::keyOf(int sourceRow, bool *stale)
{
    return m_sortColumn < 0 ? 0 : m_sortKeys.key(taskAt(sourceRow), stale);
}

bool TaskFilterModel::rowBefore(int a, int b) const
{
    if (m_sortColumn < 0)
        return a < b;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const quint64 ka = m_keys[size_t(a)];
    const quint64 kb = m_keys[size_t(b)];
    if (ka != kb)
        return ascending ? ka < kb : kb < ka;
    // Equal keys: the ids decide, as in TaskOrdering, so the order is total.
    const int byId = taskAt(a).id.compare(taskAt(b).id);
    if (byId != 0)
        return ascending ? byId < 0 : byId > 0;
    return a < b;
}

void TaskFilterModel::resortAll()
{
    if (m_sortColumn >= 0 && m_table) {
        m_sortKeys.prepare(TaskColumn::Column(m_sortColumn), int(m_keys.size()),
                           [this](int row) -> const Task & { return taskAt(row); },
                           m_table->store()->now());
        bool stale = false;
        for (size_t row = 0; row < m_keys.size(); ++row)
            m_keys[row] = keyOf(int(row), &stale);
        std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return rowBefore(a, b); });
    } else {
        std::iota(m_order.begin(), m_order.end(), 0);
    }
    std::vector<int> proxyRows;
    rebuildProxyRows(&proxyRows);
    adoptProxyRows(std::move(proxyRows));
}

void TaskFilterModel::refilterAll()
{
    for (size_t row = 0; row < m_rowFlags.size(); ++row)
        setAccepted(int(row), m_filter.accepts(taskAt(int(row))));
    std::vector<int> proxyRows;
    rebuildProxyRows(&proxyRows);
    adoptProxyRows(std::move(proxyRows));
}

void TaskFilterModel::rebuildProxyRows(std::vector<int> *proxyToSource) const
{
    proxyToSource->clear();
    proxyToSource->reserve(m_order.size());
    for (int row : m_order) {
        if (isAccepted(row))
            proxyToSource->push_back(row);
    }
}

void TaskFilterModel::adoptProxyRows(std::vector<int> proxyToSource)
{
    m_proxyToSource = std::move(proxyToSource);
    m_sourceToProxy.assign(m_keys.size(), -1);
    for (size_t proxy = 0; proxy < m_proxyToSource.size(); ++proxy)
        m_sourceToProxy[size_t(m_proxyToSource[proxy])] = int(proxy);
}

std::vector<std::pair<int, int>> TaskFilterModel::sourcesOf(const QModelIndexList &indexes) const
{
    std::vector<std::pair<int, int>> sources;
    sources.reserve(size_t(indexes.size()));
    for (const QModelIndex &index : indexes) {
        const bool valid = index.row() >= 0 && size_t(index.row()) < m_proxyToSource.size();
        sources.push_back({valid ? m_proxyToSource[size_t(index.row())] : -1, index.column()});
    }
    return sources;
}

void TaskFilterModel::movePersistentIndexes(const QModelIndexList &before,
                                            const std::vector<std::pair<int, int>> &sources,
                                            const std::function<int(int)> &remap)
{
    QModelIndexList after;
    after.reserve(before.size());
    for (auto [source, column] : sources) {
        if (remap && source >= 0)
            source = remap(source);
        const bool shown = source >= 0 && size_t(source) < m_sourceToProxy.size()
            && m_sourceToProxy[size_t(source)] >= 0;
        after.append(shown ? createIndex(m_sourceToProxy[size_t(source)], column) : QModelIndex());
    }
    changePersistentIndexList(before, after);
}

void TaskFilterModel::changeLayout(const std::function<void()> &mutate, const std::function<int(int)> &remap)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    const std::vector<std::pair<int, int>> sources = sourcesOf(before);
    mutate();
    movePersistentIndexes(before, sources, remap);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TaskFilterModel::mergeIntoOrder(std::vector<int> rows)
{
    auto before = [this](int a, int b) { return rowBefore(a, b); };
    std::sort(rows.begin(), rows.end(), before);
    std::vector<int> merged;
    merged.reserve(m_order.size() + rows.size());
    std::merge(m_order.begin(), m_order.end(), rows.begin(), rows.end(), std::back_inserter(merged), before);
    m_order = std::move(merged);
}

void TaskFilterModel::sort(int column, Qt::SortOrder order)
{
    if (column >= TaskColumn::Count)
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    reconcile();
    m_sortColumn = column;
    m_sortOrder = order;
    changeLayout([this] { resortAll(); });
}

// --- filter -------------------------------------------------------------------------------

TaskQuery::Error TaskFilterModel::setQueryText(const QString &text)
{
    TaskQuery::Error error;
    const TaskQuery query = TaskQuery::parse(text, &error);
    if (!error.isError())
        setQuery(query);
    return error;
}

void TaskFilterModel::setQuery(const TaskQuery &query)
{
    refilterIf(m_filter.setQuery(query));
}

void TaskFilterModel::setStage(std::optional<Stage> stage)
{
    refilterIf(m_filter.setStage(stage));
}

void TaskFilterModel::setKind(std::optional<FailureKind> kind)
{
    refilterIf(m_filter.setKind(kind));
}

void TaskFilterModel::setStatuses(quint64 statusMask)
{
    refilterIf(m_filter.setStatuses(statusMask));
}

void TaskFilterModel::setSourceFilter(std::optional<SystemId> source)
{
    refilterIf(m_filter.setSource(source));
}

void TaskFilterModel::setGroup(std::optional<InternedString> group)
{
    refilterIf(m_filter.setGroup(group));
}

void TaskFilterModel::setProblemsOnly(bool on)
{
    refilterIf(m_filter.setProblemsOnly(on));
}

void TaskFilterModel::clearFacets()
{
    refilterIf(m_filter.clearFacets());
}

void TaskFilterModel::refilterIf(bool changed)
{
    if (!changed)
        return;
    reconcile();
    changeLayout([this] { refilterAll(); });
    emit filterChanged();
}

// --- live changes of the source -------------------------------------------------------------

void TaskFilterModel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const size_t oldRows = m_keys.size();
    // The table only appends; rows inserted in the middle are handled all the same.
    if (size_t(first) < oldRows) {
        auto shift = [first, count](int &row) {
            if (row >= first)
                row += count;
        };
        std::for_each(m_order.begin(), m_order.end(), shift);
        std::for_each(m_proxyToSource.begin(), m_proxyToSource.end(), shift);
        std::for_each(m_pendingRows.begin(), m_pendingRows.end(), shift);
    }
    m_keys.insert(m_keys.begin() + first, size_t(count), 0);
    m_rowFlags.insert(m_rowFlags.begin() + first, size_t(count), 0);
    if (size_t(first) < oldRows)
        adoptProxyRows(std::move(m_proxyToSource));  // renumbered; same rows, same order
    else
        m_sourceToProxy.resize(m_keys.size(), -1);   // appended: nothing renumbered

    bool stale = false;
    for (int row = first; row <= last; ++row) {
        m_keys[size_t(row)] = keyOf(row, &stale);
        setAccepted(row, m_filter.accepts(taskAt(row)));
    }
    std::vector<int> fresh(static_cast<size_t>(count));
    std::iota(fresh.begin(), fresh.end(), first);
    if (stale) {
        // No rank was left for a new text value: rank everything again, in one layout change.
        m_order.insert(m_order.end(), fresh.begin(), fresh.end());
        changeLayout([this] { resortAll(); });
        return;
    }
    mergeIntoOrder(std::move(fresh));

    std::vector<int> proxyRows;
    rebuildProxyRows(&proxyRows);
    std::vector<int> positions;
    for (size_t position = 0; position < proxyRows.size(); ++position) {
        if (proxyRows[position] >= first && proxyRows[position] <= last)
            positions.push_back(int(position));
    }
    const auto intervals = contiguousRuns(positions);
    if (intervals.empty())
        return;
    if (intervals.size() > MaxRowSignals) {
        changeLayout([&] { adoptProxyRows(std::move(proxyRows)); });
        return;
    }
    // Ascending, so each step leaves the rows already shown in their final order.
    for (const auto &[start, length] : intervals) {
        beginInsertRows({}, start, start + length - 1);
        std::vector<int> current = std::move(m_proxyToSource);
        current.insert(current.begin() + start, proxyRows.begin() + start, proxyRows.begin() + start + length);
        adoptProxyRows(std::move(current));
        endInsertRows();
    }
}

void TaskFilterModel::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    m_removalAsLayout = false;
    if (parent.isValid())
        return;
    reconcile();
    std::vector<int> positions;
    for (int row = first; row <= last && size_t(row) < m_sourceToProxy.size(); ++row) {
        if (m_sourceToProxy[size_t(row)] >= 0)
            positions.push_back(m_sourceToProxy[size_t(row)]);
    }
    std::sort(positions.begin(), positions.end());
    const auto intervals = contiguousRuns(positions);
    if (intervals.empty())
        return;
    if (intervals.size() == 1) {
        const auto [start, length] = intervals.front();
        beginRemoveRows({}, start, start + length - 1);
        m_proxyToSource.erase(m_proxyToSource.begin() + start, m_proxyToSource.begin() + start + length);
        adoptProxyRows(std::move(m_proxyToSource));
        endRemoveRows();
        return;
    }
    // Scattered rows: one layout change, finished once the source has removed them.
    m_removalAsLayout = true;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    m_layoutBefore = persistentIndexList();
    m_layoutSources = sourcesOf(m_layoutBefore);
}

void TaskFilterModel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    auto gone = [first, last](int row) { return row >= first && row <= last; };
    auto renumber = [last, count](int row) { return row > last ? row - count : row; };
    auto survivors = [&](std::vector<int> &rows) {
        rows.erase(std::remove_if(rows.begin(), rows.end(), gone), rows.end());
        for (int &row : rows)
            row = renumber(row);
    };
    survivors(m_order);
    survivors(m_pendingRows);
    std::vector<int> proxyRows = std::move(m_proxyToSource);
    survivors(proxyRows);
    m_keys.erase(m_keys.begin() + first, m_keys.begin() + last + 1);
    m_rowFlags.erase(m_rowFlags.begin() + first, m_rowFlags.begin() + last + 1);
    adoptProxyRows(std::move(proxyRows));
    if (!m_removalAsLayout)
        return;
    m_removalAsLayout = false;
    movePersistentIndexes(m_layoutBefore, m_layoutSources,
                          [&](int row) { return gone(row) ? -1 : renumber(row); });
    m_layoutBefore.clear();
    m_layoutSources.clear();
    emit layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

void TaskFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (topLeft.parent().isValid())
        return;
    // Only changes of what sorting and filtering read may move rows.
    const bool mayMove = roles.isEmpty() || roles.contains(TaskRole::Raw) || roles.contains(TaskRole::Status);
    int firstShown = std::numeric_limits<int>::max();
    int lastShown = -1;
    const int last = std::min(bottomRight.row(), int(m_keys.size()) - 1);
    for (int row = topLeft.row(); row <= last; ++row) {
        if (mayMove && !isPending(row)) {
            setPending(row, true);
            m_pendingRows.push_back(row);
        }
        const int shown = m_sourceToProxy[size_t(row)];
        if (shown >= 0) {
            firstShown = std::min(firstShown, shown);
            lastShown = std::max(lastShown, shown);
        }
    }
    if (lastShown >= 0)
        emit dataChanged(index(firstShown, topLeft.column()), index(lastShown, bottomRight.column()), roles);
    if (!m_pendingRows.empty() && !m_reconcileTimer.isActive())
        m_reconcileTimer.start();
}

void TaskFilterModel::reconcile()
{
    m_reconcileTimer.stop();
    if (m_pendingRows.empty())
        return;
    const std::vector<int> rows = std::move(m_pendingRows);
    m_pendingRows.clear();

    bool acceptanceChanged = false;
    bool stale = false;
    std::vector<int> moved;
    for (int row : rows) {
        setPending(row, false);
        const bool accepted = m_filter.accepts(taskAt(row));
        if (accepted != isAccepted(row)) {
            setAccepted(row, accepted);
            acceptanceChanged = true;
        }
        const quint64 key = keyOf(row, &stale);
        if (key != m_keys[size_t(row)]) {
            m_keys[size_t(row)] = key;
            moved.push_back(row);
        }
    }
    if (stale) {
        changeLayout([this] { resortAll(); });
        return;
    }
    if (moved.empty() && !acceptanceChanged)
        return;
    if (!moved.empty()) {
        // Take the moved rows out, sort them by their new keys and merge them back: O(n)
        // for the whole flush, however many rows changed.
        for (int row : moved)
            setPending(row, true);
        m_order.erase(std::remove_if(m_order.begin(), m_order.end(),
                                     [this](int row) { return isPending(row); }),
                      m_order.end());
        for (int row : moved)
            setPending(row, false);
        mergeIntoOrder(std::move(moved));
    }
    std::vector<int> proxyRows;
    rebuildProxyRows(&proxyRows);
    if (proxyRows == m_proxyToSource)
        return;
    changeLayout([&] { adoptProxyRows(std::move(proxyRows)); });
}

// --- the proxy's structure -----------------------------------------------------------------

QModelIndex TaskFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_proxyToSource.size()
        || column >= columnCount()) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex TaskFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex TaskFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

bool TaskFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

int TaskFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int TaskFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : m_table->columnCount();
}

QModelIndex TaskFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_table || size_t(proxyIndex.row()) >= m_proxyToSource.size())
        return {};
    return m_table->index(m_proxyToSource[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex TaskFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || size_t(sourceIndex.row()) >= m_sourceToProxy.size())
        return {};
    const int row = m_sourceToProxy[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QVariant TaskFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The columns are the source's, whatever rows are shown (even none).
    if (orientation == Qt::Horizontal && m_table)
        return m_table->headerData(section, orientation, role);
    return {};
}
