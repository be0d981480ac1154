// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskfiltermodel.h"

#include "taskordering.h"
#include "tasktablemodel.h"
#include "store/taskstore.h"

TaskFilterModel::TaskFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // Our filterAcceptsRow and lessThan read the tasks; the roles only decide whether a
    // dataChanged concerns sorting and filtering, and the table announces both.
    setSortRole(TaskRole::Raw);
    setFilterRole(TaskRole::Status);
}

void TaskFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_table = qobject_cast<TaskTableModel *>(model);
    Q_ASSERT_X(m_table || !model, "TaskFilterModel", "the source must be a TaskTableModel");
    QSortFilterProxyModel::setSourceModel(model);
}

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

void TaskFilterModel::setSourceFilter(std::optional<TaskSource> source)
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
    invalidateRowsFilter();
    emit filterChanged();
}

int TaskFilterModel::sourceRow(int proxyRow) const
{
    return mapToSource(index(proxyRow, 0)).row();
}

bool TaskFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_table)
        return false;
    return m_filter.accepts(m_table->task(sourceRow));
}

bool TaskFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Task &a = m_table->task(left.row());
    const Task &b = m_table->task(right.row());
    const Timestamp now = m_table->store()->now();
    return TaskOrdering::compare(TaskColumn::Column(left.column()), a, b, now) < 0;
}
