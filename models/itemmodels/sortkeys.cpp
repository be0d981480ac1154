// SPDX-License-Identifier: GPL-3.0-or-later
#include "sortkeys.h"

#include "taskformat.h"

#include <algorithm>
#include <limits>

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
    // Spread the ranks over the whole key space, leaving room for values to come. Values
    // equal but for case share a rank, as TaskOrdering treats them as equal.
    const quint64 step = std::numeric_limits<quint64>::max() / (values.size() + 1);
    quint64 rank = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        if (i == 0 || values[i - 1].view().compare(values[i].view(), Qt::CaseInsensitive) != 0)
            rank += step;
        m_ranks.insert(values[i].id(), rank);
        m_sorted.push_back({values[i], rank});
    }
}

quint64 SortKeys::rankNewValue(InternedString value, bool *stale)
{
    const auto position = std::lower_bound(m_sorted.begin(), m_sorted.end(), value,
                                           [](const auto &entry, InternedString wanted) {
                                               return entry.first.view().compare(wanted.view(), Qt::CaseInsensitive) < 0;
                                           });
    quint64 rank = 0;
    if (position != m_sorted.end() && position->first.view().compare(value.view(), Qt::CaseInsensitive) == 0) {
        rank = position->second;  // the same text in another case
    } else {
        const quint64 low = position == m_sorted.begin() ? 0 : std::prev(position)->second;
        const quint64 high = position == m_sorted.end() ? std::numeric_limits<quint64>::max() : position->second;
        if (high - low < 2) {
            *stale = true;
            return 0;
        }
        rank = low + (high - low) / 2;
    }
    m_sorted.insert(position, {value, rank});
    m_ranks.insert(value.id(), rank);
    return rank;
}

quint64 SortKeys::key(const Task &task, bool *stale)
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
        const InternedString value = textOf(task);
        const auto it = m_ranks.constFind(value.id());
        return it != m_ranks.cend() ? *it : rankNewValue(value, stale);
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
