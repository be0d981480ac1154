// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"
#include "domain/actionrules.h"
#include "eventlogmodel.h"
#include "store/taskstore.h"

#include <QHash>
#include <array>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

// The core of a running taskmon, shared by the GUI and taskmon-cli: the store, the event
// log, the connections, and the path of a user action through the rules to a backend and
// back to the log. Nothing here knows about widgets.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    TaskStore *store() { return &m_store; }
    const TaskStore *store() const { return &m_store; }
    EventLogModel *eventLog() { return &m_eventLog; }

    // Takes ownership. Connections are numbered in the order they are added.
    int addBackend(Backend *backend);
    QList<Backend *> backends() const { return m_backends; }
    Backend *backend(int connection) const { return m_backends.value(connection); }
    Backend *backendFor(const Task &task) const { return backend(task.connection); }

    void start();
    void stop();
    // Every connection asks its server again now (Refresh).
    void refresh();

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_context.readOnly; }
    const ActionContext &actionContext() const { return m_context; }

    // Checks every task against the rules, sends the applicable ones to their backends and
    // reports one result per task (the refused ones with the reason, never sent). Returns
    // the request id that actionFinished will carry.
    quint64 perform(TaskAction action, const QList<QByteArray> &taskIds, const ActionOptions &options = {});
    int pendingActions() const { return int(m_pending.size()); }

    // Events applied per second over the last few seconds.
    double eventRate() const;
    quint64 eventsApplied() const { return m_eventsApplied; }
    // True while a snapshot is still being merged in chunks.
    bool isMerging() const { return !m_snapshots.empty(); }

    // Emit a line in the event log from outside a backend (the UI, the CLI).
    void log(LogEntry::Severity severity, LogEntry::Category category, const QString &text);

    void setSnapshotChunkSize(int tasks) { m_chunkSize = std::max(1, tasks); }

signals:
    void connectionChanged(int connection, const ConnectionStatus &status);
    void actionFinished(const ActionOutcome &outcome);
    void snapshotMerged(int connection, const TaskStore::MergeStats &stats);
    void rawRecordReady(const QByteArray &taskId, const QString &text);

private:
    struct PendingSnapshot
    {
        TaskSnapshot snapshot;
        qsizetype next = 0;
        bool begun = false;
    };

    struct PendingAction
    {
        ActionOutcome outcome;
        int awaiting = 0;
    };

    void onConnectionChanged(int connection, const ConnectionStatus &status);
    void onBatch(const TaskBatch &batch);
    void onSnapshot(const TaskSnapshot &snapshot);
    void mergeNextChunk();
    void onBackendAction(const ActionOutcome &outcome);
    void finishAction(quint64 id);
    void countEvents(int count);

    TaskStore m_store;
    EventLogModel m_eventLog;
    QList<Backend *> m_backends;
    ActionContext m_context;
    std::deque<PendingSnapshot> m_snapshots;
    QTimer m_mergeTimer;
    QTimer m_retentionTimer;
    int m_chunkSize = 10000;
    QHash<quint64, PendingAction> m_pending;
    QHash<int, ConnectionStatus> m_lastStatus;
    QHash<int, TaskBatch> m_heldBatches;   // live changes behind a queued listing
    bool m_performing = false;
    quint64 m_nextActionId = 1;
    quint64 m_eventsApplied = 0;
    // Events per second in the last few one-second buckets, for the status bar.
    struct RateBucket
    {
        qint64 second = 0;
        int events = 0;
    };
    std::array<RateBucket, 5> m_rate{};
};
