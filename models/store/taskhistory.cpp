// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskhistory.h"

quint32 TaskHistory::append(quint32 head, Status from, Status to, Timestamp at)
{
    m_entries.push_back(Entry{at, head, from, to});
    return quint32(m_entries.size() - 1);
}

QList<TaskHistory::Entry> TaskHistory::entries(quint32 head) const
{
    QList<Entry> result;
    for (quint32 index = head; index != None && result.size() < MaxPerTask;
         index = m_entries[index].previous) {
        result.append(m_entries[index]);
    }
    return result;
}
