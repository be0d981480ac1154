// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskcolumns.h"

#include "domain/task.h"

#include <QHash>

#include <vector>

// Turns the ordering of a column (TaskOrdering) into one 64-bit key per task, so sorting a
// million rows compares integers and only falls back to the ids on equal keys. Text columns
// rank their distinct interned values once; a value that appears later makes the ranks
// stale, which rank() reports so the caller can recompute.
class SortKeys
{
public:
    // Prepares for a column over the given tasks (distinct text values are ranked here).
    template<typename TaskAt>
    void prepare(TaskColumn::Column column, int rows, TaskAt taskAt, Timestamp now)
    {
        m_column = column;
        m_now = now;
        m_ranks.clear();
        if (!isText(column))
            return;
        std::vector<InternedString> values;
        QHash<quint32, bool> seen;
        for (int row = 0; row < rows; ++row) {
            const InternedString value = textOf(taskAt(row));
            if (!seen.contains(value.id())) {
                seen.insert(value.id(), true);
                values.push_back(value);
            }
        }
        rankValues(std::move(values));
    }

    // The key of a task; sets *stale when a text value has no rank yet.
    quint64 key(const Task &task, bool *stale) const;

    TaskColumn::Column column() const { return m_column; }
    void setNow(Timestamp now) { m_now = now; }

    static bool isText(TaskColumn::Column column);
    InternedString textOf(const Task &task) const;

private:
    void rankValues(std::vector<InternedString> values);

    TaskColumn::Column m_column = TaskColumn::Status;
    Timestamp m_now = 0;
    QHash<quint32, quint32> m_ranks;   // interned id → rank among the column's values
};
