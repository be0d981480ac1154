// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenactions.h"

#include "evergreenclient.h"
#include "evergreenparser.h"
#include "domain/actionrules.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("EvergreenActions", text);
}

QString failureText(const ActionRequest &request, const HttpOutcome &outcome)
{
    if (outcome.isAuthProblem() && request.action == TaskAction::SetPriority
        && request.priority > ActionRules::MaxPriority) {
        return QString::number(outcome.status) + QStringLiteral(": ") + outcome.message + u' '
            + tr("(an authorisation problem: priorities above 100 need Evergreen project admin rights)");
    }
    return outcome.describe();
}
} // namespace

EvergreenActions::EvergreenActions(EvergreenClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

QString EvergreenActions::unsupportedReason(TaskAction action)
{
    switch (action) {
    case TaskAction::OverrideDependencies:
        return tr("Evergreen's REST API has no route for overriding dependencies; use the Evergreen web UI.");
    case TaskAction::Kill:
    case TaskAction::KillAndScale:
    case TaskAction::KillAndWipe:
    case TaskAction::RestartApp:
        return tr("%1 is a Marathon action; Evergreen tasks are aborted or restarted.")
            .arg(TaskActions::label(action));
    default:
        return {};
    }
}

void EvergreenActions::perform(const ActionRequest &request)
{
    Pending &pending = m_pending[request.id];
    pending.outcome.requestId = request.id;
    pending.outcome.action = request.action;
    pending.unanswered = request.taskIds;
    if (request.taskIds.isEmpty()) {
        emit finished(m_pending.take(request.id).outcome);
        return;
    }
    const QString unsupported = unsupportedReason(request.action);
    for (const QByteArray &taskId : request.taskIds) {
        if (unsupported.isEmpty())
            sendOne(request, taskId);
        else
            record(request.id, ActionResult{taskId, false, 0, unsupported, false});
    }
}

void EvergreenActions::sendOne(const ActionRequest &request, const QByteArray &taskId)
{
    const QString id = QString::fromUtf8(taskId);
    QByteArray method = QByteArrayLiteral("PATCH");
    QUrl url = m_client->endpoint({QStringLiteral("tasks"), id});
    QByteArray body;
    switch (request.action) {
    case TaskAction::Abort:
        method = QByteArrayLiteral("POST");
        url = m_client->endpoint({QStringLiteral("tasks"), id, QStringLiteral("abort")});
        break;
    case TaskAction::Restart:
        method = QByteArrayLiteral("POST");
        url = m_client->endpoint({QStringLiteral("tasks"), id, QStringLiteral("restart")});
        break;
    case TaskAction::Schedule:
    case TaskAction::Unschedule:
        body = EvergreenParser::activationBody(request.action == TaskAction::Schedule);
        break;
    default:   // SetPriority; the session has already checked the range
        body = EvergreenParser::priorityBody(request.priority);
        break;
    }

    m_client->send(method, url, body, [this, request, taskId](const EvergreenClient::Reply &reply) {
        ActionResult result{taskId, reply.outcome.ok(), reply.outcome.status, {}, false};
        if (!result.ok) {
            result.message = failureText(request, reply.outcome);
        } else {
            const EvergreenParser::TaskList answer = EvergreenParser::parseTasks(reply.body);
            if (answer.error.isEmpty()) {
                for (const Task &task : answer.tasks)
                    emit taskUpdated(task);
            } else {
                emit warning(tr("%1 of %2 was accepted, but the answer could not be read (%3); the next poll shows the task's state.")
                                 .arg(TaskActions::label(request.action), QString::fromUtf8(taskId), answer.error));
            }
        }
        record(request.id, std::move(result));
    }, true);
}

void EvergreenActions::record(quint64 requestId, ActionResult result)
{
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return;
    it->unanswered.removeOne(result.taskId);
    it->outcome.results.append(std::move(result));
    if (it->unanswered.isEmpty())
        emit finished(m_pending.take(requestId).outcome);
}

void EvergreenActions::abandonAll(const QString &why)
{
    const QHash<quint64, Pending> pending = std::exchange(m_pending, {});
    for (Pending entry : pending) {
        for (const QByteArray &taskId : std::as_const(entry.unanswered))
            entry.outcome.results.append(ActionResult{taskId, false, 0, why, false});
        emit finished(entry.outcome);
    }
}
