// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskcolumns.h"

#include "domain/task.h"

#include <QHash>

#include <vector>

// Turns the ordering of a column (TaskOrdering) into one 64-bit key per task, so sorting a
// million rows compares integers and only falls back to the ids on equal keys.
//
// Text columns rank their distinct values with gaps between the ranks: a value seen for the
// first time gets a rank between its neighbours', so no existing key changes and nothing
// needs sorting again. Only when a gap is used up does key() report the ranks as stale; the
// caller then prepares again, which spreads them out anew.
class SortKeys
{
public:
    // Prepares for a column over the given tasks. `now` fixes the Duration keys: running
    // tasks keep the run time they had when the table was sorted, so all keys agree.
    template<typename TaskAt>
    void prepare(TaskColumn::Column column, int rows, TaskAt taskAt, Timestamp now)
    {
        m_column = column;
        m_now = now;
        m_ranks.clear();
        m_sorted.clear();
        if (!isText(column))
            return;
        std::vector<InternedString> values;
        for (int row = 0; row < rows; ++row) {
            const InternedString value = textOf(taskAt(row));
            if (!m_ranks.contains(value.id())) {
                m_ranks.insert(value.id(), 0);
                values.push_back(value);
            }
        }
        rankValues(std::move(values));
    }

    // The key of a task. A new text value is ranked on the spot; *stale is set only when no
    // rank is left between its neighbours.
    quint64 key(const Task &task, bool *stale);

    static bool isText(TaskColumn::Column column);
    InternedString textOf(const Task &task) const;

private:
    void rankValues(std::vector<InternedString> values);
    quint64 rankNewValue(InternedString value, bool *stale);

    TaskColumn::Column m_column = TaskColumn::Status;
    Timestamp m_now = 0;
    QHash<quint32, quint64> m_ranks;                       // interned id → rank
    std::vector<std::pair<InternedString, quint64>> m_sorted; // distinct values in order
};
