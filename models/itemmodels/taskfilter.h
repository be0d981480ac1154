// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskquery.h"

#include <optional>

// What the table shows: the sidebar's facets, the "problems only" toggle and the search
// query, ANDed. A plain value class so it can be tested without a model; every setter says
// whether anything changed, so the proxy re-filters only when it must.
class TaskFilter
{
public:
    bool setQuery(const TaskQuery &query);
    bool setStage(std::optional<Stage> stage);
    bool setKind(std::optional<FailureKind> kind);
    // A set of statuses as bits (1 << int(Status)); 0 means any status. The sidebar groups
    // statuses of both systems that share a label ("Running") into one entry.
    bool setStatuses(quint64 statusMask);
    bool setSource(std::optional<SystemId> source);
    bool setGroup(std::optional<InternedString> group);
    bool setProblemsOnly(bool on);
    // Drops every facet but keeps the query.
    bool clearFacets();

    const TaskQuery &query() const { return m_query; }
    std::optional<Stage> stage() const { return m_stage; }
    std::optional<FailureKind> kind() const { return m_kind; }
    quint64 statuses() const { return m_statuses; }
    std::optional<SystemId> source() const { return m_source; }
    std::optional<InternedString> group() const { return m_group; }
    bool problemsOnly() const { return m_problemsOnly; }
    bool isEmpty() const;

    bool accepts(const Task &task) const;

private:
    TaskQuery m_query;
    std::optional<Stage> m_stage;
    std::optional<FailureKind> m_kind;
    quint64 m_statuses = 0;
    std::optional<SystemId> m_source;
    std::optional<InternedString> m_group;
    bool m_problemsOnly = false;
};
