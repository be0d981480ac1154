// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"
#include "session/connectionstatus.h"
#include "session/logentry.h"
#include "store/taskstore.h"

#include <QObject>

// One task the session asked a backend to act on, and what came of it.
struct ActionResult
{
    QByteArray taskId;
    bool ok = false;
    int httpStatus = 0;
    QString message;         // the server's words, or ours when nothing was sent
    bool forceable = false;  // Marathon 409: a deployment holds the app; may retry with force
};

// How an action is to be sent, beyond which tasks it concerns.
struct ActionOptions
{
    qint32 priority = 0;       // SetPriority
    bool adminRequest = false; // SetPriority above 100, asked for explicitly
    bool force = false;        // Marathon: override a deployment lock (after a 409)
};

struct ActionRequest
{
    quint64 id = 0;                 // assigned by the session
    TaskAction action = TaskAction::Abort;
    QList<QByteArray> taskIds;      // already checked against the action rules
    qint32 priority = 0;            // SetPriority
    bool adminRequest = false;      // SetPriority above 100, asked for explicitly
    bool force = false;             // Marathon: cancel the deployment that holds the app
};

struct ActionOutcome
{
    quint64 requestId = 0;
    TaskAction action = TaskAction::Abort;
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

// A source of tasks: the demo cluster, a Marathon or an Evergreen server. A backend never
// touches the store; it reports what it learns through signals, which the session applies
// on the GUI thread, so a backend may live in another thread if its work is heavy.
class Backend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Backend)

public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

    virtual TaskSource source() const = 0;
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
    // Finished tasks are kept this long after the server forgets them (0: server decides).
    virtual qint64 retentionMs() const { return 0; }
    // A new task of a group replaces the last finished one (Marathon's replacement tasks).
    virtual bool linksReplacements() const { return false; }

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
