// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QHash>
#include <QList>

#include <array>

// Live counts of the store's tasks by status, stage, failure kind, source and group, kept
// up to date one task at a time so the sidebar and the status bar never scan the table.
class StatusCounts
{
public:
    int total() const { return m_total; }
    int status(Status status) const { return m_status[size_t(status)]; }
    int stage(Stage stage) const { return m_stage[size_t(stage)]; }
    int kind(FailureKind kind) const { return m_kind[size_t(kind)]; }
    int source(SystemId source) const { return m_source[size_t(source)]; }
    int group(InternedString group) const { return m_groups.value(group.id()); }
    // The groups with the most problems, most first (ties by name), at most `limit`.
    QList<std::pair<InternedString, int>> topProblemGroups(int limit) const;
    // Failures of any kind, unreachable tasks included: what "problems only" shows.
    int problems() const { return m_total - m_kind[size_t(FailureKind::None)]; }
    // Groups that hold at least one task, in no particular order.
    QList<InternedString> groups() const;

    void add(const Task &task) { adjust(task, +1); }
    void remove(const Task &task) { adjust(task, -1); }
    void clear() { *this = StatusCounts(); }

    bool operator==(const StatusCounts &) const = default;

private:
    void adjust(const Task &task, int delta);

    int m_total = 0;
    std::array<int, MaxStatuses> m_status{};
    std::array<int, StageCount> m_stage{};
    std::array<int, FailureKindCount> m_kind{};
    std::array<int, MaxSystems + 1> m_source{};
    QHash<quint32, int> m_groups;
    QHash<quint32, int> m_groupProblems;
};
