// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"
#include "system/connectionstatus.h"
#include "system/logentry.h"
#include "store/taskstore.h"

#include <QObject>

// One task the session asked a backend to act on, and what came of it.
struct ActionResult
{
    QByteArray taskId;
    bool ok = false;
    int httpStatus = 0;
    QString message;         // the server's words, or ours when nothing was sent
    bool forceable = false;  // a lock held it (Marathon 409: a deployment); may retry with force
    QString forceQuestion{}; // what forcing does, in the system's words, for the confirmation
};

// How an action is to be sent, beyond which tasks it concerns.
struct ActionOptions
{
    qint32 priority = 0;       // SetPriority
    bool adminRequest = false; // SetPriority above 100, asked for explicitly
    bool force = false;        // override a lock the server reported (Marathon 409)
};

struct ActionRequest
{
    quint64 id = 0;                 // assigned by the session
    TaskAction action{};
    QList<QByteArray> taskIds;      // already checked against the action rules
    qint32 priority = 0;            // SetPriority
    bool adminRequest = false;      // SetPriority above 100, asked for explicitly
    bool force = false;             // override the lock the server reported
};

struct ActionOutcome
{
    quint64 requestId = 0;
    TaskAction action{};
    QList<ActionResult> results;
};

// A full listing of what a connection (or one scope of it) holds now, for a diff-merge.
struct TaskSnapshot
{
    TaskStore::SnapshotScope scope;
    QList<Task> tasks;
};

Q_DECLARE_METATYPE(ActionRequest)
Q_DECLARE_METATYPE(ActionOutcome)
Q_DECLARE_METATYPE(TaskSnapshot)

// One connection to a task system (a Marathon, an Evergreen, a simulation). A backend never
// touches the store; it reports what it learns through signals, which the session applies
// on the GUI thread, so a backend may live in another thread if its work is heavy.
class Backend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Backend)

public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

    // The system whose tasks it reports (SystemRegistry).
    virtual SystemId system() const = 0;
    // "marathon http://leader:8080", for the status bar and the event log.
    virtual QString displayName() const = 0;
    virtual void start() = 0;
    virtual void stop() = 0;
    virtual void perform(const ActionRequest &request) = 0;
    // Actions this connection cannot perform at all, with a reason for the tooltip.
    virtual QList<std::pair<TaskAction, QString>> unsupportedActions() const { return {}; }
    // Ask the server again now rather than at the next poll or retry (Refresh, F5).
    virtual void refresh() {}
    // Fetch the server's own record of a task for the details pane; emits rawRecordReady.
    virtual void fetchRawRecord(const QByteArray &taskId);
    // Finished tasks are kept this long after the server forgets them, where the system's
    // RetentionPolicy keeps them at all (0: not kept).
    virtual qint64 retentionMs() const { return 0; }

    ConnectionStatus connectionStatus() const { return m_status; }
    quint8 connectionId() const { return m_connectionId; }
    void setConnectionId(quint8 id) { m_connectionId = id; }

signals:
    void batchReady(const TaskBatch &batch);
    void snapshotReady(const TaskSnapshot &snapshot);
    void connectionChanged(const ConnectionStatus &status);
    void logged(const LogEntry &entry);
    void actionFinished(const ActionOutcome &outcome);
    void rawRecordReady(const QByteArray &taskId, const QString &text);

protected:
    void setConnectionStatus(const ConnectionStatus &status);
    void log(LogEntry::Severity severity, LogEntry::Category category, const QString &text);
    // Marks tasks as this connection's before they leave the backend.
    void stamp(Task &task) const { task.connection = m_connectionId; }
    void emitBatch(TaskBatch batch);
    void emitSnapshot(TaskSnapshot snapshot);

private:
    ConnectionStatus m_status;
    quint8 m_connectionId = 0;
};
