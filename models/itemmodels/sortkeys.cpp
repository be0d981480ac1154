// SPDX-License-Identifier: GPL-3.0-or-later
#include "sortkeys.h"

#include "taskformat.h"

#include <algorithm>

namespace {
constexpr quint64 TimeMask = (quint64(1) << 48) - 1;
}

bool SortKeys::isText(TaskColumn::Column column)
{
    switch (column) {
    case TaskColumn::Name:
    case TaskColumn::Group:
    case TaskColumn::Host:
    case TaskColumn::Message:
        return true;
    default:
        return false;
    }
}

InternedString SortKeys::textOf(const Task &task) const
{
    switch (m_column) {
    case TaskColumn::Name:
        return task.name;
    case TaskColumn::Group:
        return task.group;
    case TaskColumn::Host:
        return task.host;
    case TaskColumn::Message:
        return task.message;
    default:
        return {};
    }
}

void SortKeys::rankValues(std::vector<InternedString> values)
{
    std::sort(values.begin(), values.end(), [](InternedString a, InternedString b) {
        return a.view().compare(b.view(), Qt::CaseInsensitive) < 0;
    });
    // Values equal but for case share a rank, as TaskOrdering treats them as equal.
    quint32 rank = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0 && values[i - 1].view().compare(values[i].view(), Qt::CaseInsensitive) != 0)
            ++rank;
        m_ranks.insert(values[i].id(), rank);
    }
}

quint64 SortKeys::key(const Task &task, bool *stale) const
{
    switch (m_column) {
    case TaskColumn::Status: {
        // Rank first, then the newest first, then the status: TaskOrdering::compareStatus.
        const quint64 rank = task.statusInfo().actionRank;
        const quint64 newestFirst = TimeMask - (quint64(std::max<Timestamp>(0, task.updatedAt)) & TimeMask);
        return (rank << 56) | (newestFirst << 8) | quint64(task.status);
    }
    case TaskColumn::Name:
    case TaskColumn::Group:
    case TaskColumn::Host:
    case TaskColumn::Message: {
        const auto it = m_ranks.constFind(textOf(task).id());
        if (it == m_ranks.cend()) {
            *stale = true;
            return 0;
        }
        return *it;
    }
    case TaskColumn::Id:
        return 0;  // the ids themselves decide
    case TaskColumn::Source:
        return quint64(task.source);
    case TaskColumn::Stage:
        return quint64(task.stage());
    case TaskColumn::Kind:
        return quint64(task.failureKind());
    case TaskColumn::Priority:
        return quint64(qint64(task.priority) + (qint64(1) << 31));
    case TaskColumn::Health:
        return quint64(task.health);
    case TaskColumn::Started:
        return quint64(std::max<Timestamp>(0, task.startedAt));
    case TaskColumn::Duration:
        return quint64(TaskFormat::runTime(task, m_now) + 1);
    case TaskColumn::Updated:
        return quint64(std::max<Timestamp>(0, task.updatedAt));
    case TaskColumn::Count:
        break;
    }
    return 0;
}
