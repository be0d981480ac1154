// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QList>
#include <QString>

#include <functional>
#include <vector>

// The search language of the task table and taskmon-cli --filter (DESIGN.md §4):
//
//   status:failed,system-failed -group:/web priority:>50 "disk full"
//
// Free words match id, name, group, host and message; qualifiers (status, stage, kind,
// source, group, host, id, name, message, priority, is) narrow one field; commas are OR;
// a leading "-" negates a term; quotes group words. Terms are ANDed. Matching is
// case-insensitive substring matching, except for the closed vocabularies (status, stage,
// kind, source), whose values must name something that exists.
class TaskQuery
{
public:
    struct Error
    {
        QString message;
        int position = -1;   // in QChars of the query text
        int length = 0;
        bool isError() const { return position >= 0; }
    };

    TaskQuery() = default;
    // On a malformed query, returns an empty query and fills error.
    static TaskQuery parse(const QString &text, Error *error);

    bool isEmpty() const { return m_clauses.empty(); }
    const QString &text() const { return m_text; }
    bool matches(const Task &task) const;

    // The qualifiers the language knows, for completion and error messages.
    static QStringList fieldNames();

    // What is:new asks: has the operator acknowledged this task (models/notify)? Without a
    // lookup every task is new.
    static void setAcknowledgedLookup(std::function<bool(const Task &)> lookup);

private:
    enum class Field : quint8 { Text, Statuses, Source, Group, Host, Id, Name, Message, Priority, New };

    struct Range
    {
        qint64 low;
        qint64 high;
    };

    struct Clause
    {
        Field field = Field::Text;
        bool negated = false;
        quint64 statusMask = 0;  // bit 1 << int(Status) (MaxStatuses is 64): stage, kind and status;
                                 // New: the statuses it is limited to (0: any)
        QList<InternedString> nativeStatuses; // Statuses: raw names such as TASK_LOST
        quint16 sourceMask = 0;            // bit 1 << SystemId
        QList<QString> needles;            // substring fields
        QList<QByteArray> asciiNeedles;    // the needles, lower-case, for the UTF-8 id
        QList<Range> ranges;               // Priority
        // Per interned string: -1 not yet known, 0 no needle inside, 1 some needle inside.
        // Interned values repeat, so each distinct value is searched once.
        mutable std::vector<qint8> memo;
        mutable quint32 memoGeneration = 0;   // InternPool::generation() the memo is for

        bool matches(const Task &task) const;
        bool matchesInterned(InternedString value) const;
        bool matchesId(const QByteArray &id) const;
    };

    friend class TaskQueryParser;
    std::vector<Clause> m_clauses;
    QString m_text;
};
