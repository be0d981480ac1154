// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"

#include <QHash>
#include <QObject>

class EvergreenClient;

// Sends the operator's actions to Evergreen, one request per task:
//   Abort        POST  /rest/v2/tasks/{id}/abort
//   Restart      POST  /rest/v2/tasks/{id}/restart
//   Schedule     PATCH /rest/v2/tasks/{id}  {"activated": true}   (Unschedule: false)
//   Set priority PATCH /rest/v2/tasks/{id}  {"priority": N}
// Each answer is the task as the server now has it; it is handed on at once, so an abort
// shows Aborting… before the next poll. Failures carry the server's words.
class EvergreenActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvergreenActions)

public:
    explicit EvergreenActions(EvergreenClient *client, QObject *parent = nullptr);

    void perform(const ActionRequest &request);
    // The requests in flight will not be answered (the connection stops): report them failed.
    void abandonAll(const QString &why);

    // The reason for the tooltip where Evergreen's REST API offers no route at all.
    static QString unsupportedReason(TaskAction action);

signals:
    void taskUpdated(const Task &task);
    void finished(const ActionOutcome &outcome);
    void warning(const QString &text);

private:
    struct Pending
    {
        ActionOutcome outcome;
        QList<QByteArray> unanswered;
    };

    void sendOne(const ActionRequest &request, const QByteArray &taskId);
    void record(quint64 requestId, ActionResult result);

    EvergreenClient *m_client;
    QHash<quint64, Pending> m_pending;
};
