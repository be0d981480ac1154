// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "marathonconfig.h"
#include "marathonids.h"
#include "marathonparser.h"
#include "net/sseparser.h"
#include "system/logentry.h"

#include <QHash>

#include <deque>
#include <functional>

// Turns the frames of /v2/events into task deltas and event-log lines.
//
// Instance events name instances, the table holds tasks: the task index (rebuilt from each
// snapshot, extended by status updates) maps one to the other and keeps instance and health
// events from inventing rows for tasks this connection never saw. Problems are logged, but
// never one line per event: unknown types are announced once and then summarised, and
// malformed frames are logged one by one only up to a limit per interval.
class MarathonEvents final : public SseParser::Listener
{
public:
    struct Counters
    {
        quint64 frames = 0;       // frames with data
        quint64 heartbeats = 0;
        quint64 taskEvents = 0;   // status, instance and health events
        quint64 ignored = 0;      // known types that change no task
        quint64 unknown = 0;
        quint64 malformed = 0;
        quint64 oversized = 0;
        quint64 attached = 0;     // event_stream_attached
        quint64 unmatched = 0;    // instance or health events for tasks not seen
        quint64 repairedUtf8 = 0; // events read with invalid UTF-8 shown as U+FFFD
        QHash<QByteArray, quint64> unknownTypes;
    };
    using LogFunction = std::function<void(LogEntry::Severity, LogEntry::Category, const QString &)>;

    MarathonEvents(const MarathonConfig &config, LogFunction log);

    void sseFrame(QByteArrayView event, QByteArrayView data) override;
    void sseHeartbeat() override { ++m_counters.heartbeats; }
    void sseError(SseParser::Error error, qint64 droppedBytes, QByteArrayView head) override;

    // The deltas gathered since the last call, in stream order.
    TaskBatch takeBatch();
    bool hasPending() const { return !m_batch.isEmpty(); }
    // After a snapshot: its index, plus the tasks of the deltas not handed out yet.
    void resetIndex(MarathonTaskIndex index);
    // Summarises what was counted but not logged line by line; the backend's timer calls it.
    void logSummary(const QString &interval);

    const Counters &counters() const { return m_counters; }

private:
    struct Recent
    {
        QByteArray taskId;
        InternedString nativeStatus;
        InternedString reason;
        Timestamp at = 0;
    };

    void taskUpdate(MarathonParser::Event &event);
    void instanceUpdate(const MarathonParser::Event &event);
    void unknownType(const QByteArray &type);
    void problem(const QString &text);
    const Recent *recent(const QByteArray &taskId, Timestamp at) const;

    MarathonConfig m_config;
    LogFunction m_log;
    Counters m_counters;
    MarathonTaskIndex m_index;
    TaskBatch m_batch;
    std::deque<Recent> m_recent;   // the last status updates, for the instance events after them
    QHash<QByteArray, quint64> m_unknownSinceSummary;
    int m_problemLines = 0;
    quint64 m_problemsSuppressed = 0;
};
