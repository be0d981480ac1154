// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscounts.h"

void StatusCounts::adjust(const Task &task, int delta)
{
    const StatusInfo &info = task.statusInfo();
    m_total += delta;
    m_status[size_t(task.status)] += delta;
    m_stage[size_t(info.stage)] += delta;
    m_kind[size_t(info.kind)] += delta;
    m_source[size_t(task.source)] += delta;
    auto count = [&](QHash<quint32, int> &table) {
        auto it = table.find(task.group.id());
        if (it == table.end())
            table.insert(task.group.id(), delta);
        else if ((it.value() += delta) == 0)
            table.erase(it);
    };
    count(m_groups);
    if (info.kind != FailureKind::None)
        count(m_groupProblems);
}

QList<std::pair<InternedString, int>> StatusCounts::topProblemGroups(int limit) const
{
    QList<std::pair<InternedString, int>> result;
    result.reserve(m_groupProblems.size());
    for (auto it = m_groupProblems.cbegin(); it != m_groupProblems.cend(); ++it)
        result.append({InternedString::fromId(it.key()), it.value()});
    std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
        if (a.second != b.second)
            return a.second > b.second;
        return a.first.view().compare(b.first.view(), Qt::CaseInsensitive) < 0;
    });
    if (result.size() > limit)
        result.resize(limit);
    return result;
}

QList<InternedString> StatusCounts::groups() const
{
    QList<InternedString> result;
    result.reserve(m_groups.size());
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        result.append(InternedString::fromId(it.key()));
    return result;
}
