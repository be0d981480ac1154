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
    auto it = m_groups.find(task.group.id());
    if (it == m_groups.end()) {
        m_groups.insert(task.group.id(), delta);
    } else if ((it.value() += delta) == 0) {
        m_groups.erase(it);
    }
}

QList<InternedString> StatusCounts::groups() const
{
    QList<InternedString> result;
    result.reserve(m_groups.size());
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        result.append(InternedString::fromId(it.key()));
    return result;
}
