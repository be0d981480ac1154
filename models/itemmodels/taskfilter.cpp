// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskfilter.h"

namespace {
template<typename T>
bool assign(T &field, const T &value)
{
    if (field == value)
        return false;
    field = value;
    return true;
}
} // namespace

bool TaskFilter::setQuery(const TaskQuery &query)
{
    if (m_query.text() == query.text() && m_query.isEmpty() == query.isEmpty())
        return false;
    m_query = query;
    return true;
}

bool TaskFilter::setStage(std::optional<Stage> stage)
{
    return assign(m_stage, stage);
}

bool TaskFilter::setKind(std::optional<FailureKind> kind)
{
    return assign(m_kind, kind);
}

bool TaskFilter::setStatuses(quint64 statusMask)
{
    return assign(m_statuses, statusMask);
}

bool TaskFilter::setSource(std::optional<SystemId> source)
{
    return assign(m_source, source);
}

bool TaskFilter::setGroup(std::optional<InternedString> group)
{
    return assign(m_group, group);
}

bool TaskFilter::setProblemsOnly(bool on)
{
    return assign(m_problemsOnly, on);
}

bool TaskFilter::clearFacets()
{
    bool changed = setStage({});
    changed |= setKind({});
    changed |= setStatuses(0);
    changed |= setSource({});
    changed |= setGroup({});
    changed |= setProblemsOnly(false);
    return changed;
}

bool TaskFilter::isEmpty() const
{
    return m_query.isEmpty() && !m_stage && !m_kind && !m_statuses && !m_source && !m_group
        && !m_problemsOnly;
}

bool TaskFilter::accepts(const Task &task) const
{
    const StatusInfo &info = task.statusInfo();
    if (m_problemsOnly && info.kind == FailureKind::None)
        return false;
    if (m_stage && info.stage != *m_stage)
        return false;
    if (m_kind && info.kind != *m_kind)
        return false;
    if (m_statuses && !(m_statuses & (quint64(1) << int(task.status))))
        return false;
    if (m_source && task.source != *m_source)
        return false;
    if (m_group && task.group != *m_group)
        return false;
    return m_query.matches(task);
}
