// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QList>

#include <array>
#include <vector>

// The status transitions of all tasks in one append-only log, each task holding the index
// of its newest entry. A transition costs 16 bytes and no allocation of its own; a task
// with no transitions costs nothing. Entries beyond a task's cap, and those of removed
// tasks, become garbage that compact() drops.
class TaskHistory
{
public:
    static constexpr quint32 None = 0xFFFFFFFFu;
    static constexpr int MaxPerTask = 32;

    struct Entry
    {
        Timestamp at = 0;
        quint32 previous = None;
        Status from = Status::Unset;
        Status to = Status::Unset;
    };

    // Appends a transition after head and returns the new head.
    quint32 append(quint32 head, Status from, Status to, Timestamp at);
    // Newest first, at most MaxPerTask entries.
    QList<Entry> entries(quint32 head) const;
    const Entry *newest(quint32 head) const { return head == None ? nullptr : &m_entries[head]; }

    size_t entryCount() const { return m_entries.size(); }
    size_t memoryBytes() const { return m_entries.capacity() * sizeof(Entry); }

    // Rewrites the log keeping the entries reachable from the given heads; rewrites the heads.
    template<typename ForEachHead>
    void compact(ForEachHead forEachHead)
    {
        std::vector<Entry> kept;
        kept.reserve(m_entries.size() / 2);
        std::array<Entry, MaxPerTask> chain;
        forEachHead([&](quint32 &head) {
            size_t length = 0;
            for (quint32 index = head; index != None && length < chain.size(); index = m_entries[index].previous)
                chain[length++] = m_entries[index];
            quint32 previous = None;
            while (length > 0) {
                Entry entry = chain[--length];
                entry.previous = previous;
                previous = quint32(kept.size());
                kept.push_back(entry);
            }
            head = previous;
        });
        m_entries.swap(kept);
    }

private:
    std::vector<Entry> m_entries;
};
