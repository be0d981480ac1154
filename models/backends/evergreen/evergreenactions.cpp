// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenactions.h"

#include "evergreenclient.h"
#include "evergreenparser.h"
#include "evergreensystem.h"
#include "domain/actionrules.h"

#include <QCoreApplication>

namespace {
QString failureText(const ActionRequest &request, const HttpOutcome &outcome)
{
    if (outcome.isAuthProblem() && request.action == evgAction(EvgAction::SetPriority)
        && request.priority > EvergreenSystem::MaxPriority) {
        return QString::number(outcome.status) + QStringLiteral(": ") + outcome.message + u' '
            + QCoreApplication::translate("EvergreenActions", "(an authorisation problem: priorities above 100 need Evergreen project admin rights)");
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
    if (action == evgAction(EvgAction::OverrideDependencies))
        return QCoreApplication::translate("EvergreenActions", "Evergreen's REST API has no route for overriding dependencies; use the Evergreen web UI.");
    if (!EvergreenSystem::localAction(action)) {
        return QCoreApplication::translate("EvergreenActions", "%1 is not an Evergreen action; Evergreen tasks are aborted or restarted.")
            .arg(TaskActions::label(action));
    }
    return {};
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
            record(request.id, ActionResult{taskId, false, 0, unsupported, false, {}});
    }
}

void EvergreenActions::sendOne(const ActionRequest &request, const QByteArray &taskId)
{
    const QString id = QString::fromUtf8(taskId);
    QByteArray method = QByteArrayLiteral("PATCH");
    QUrl url = m_client->endpoint({QStringLiteral("tasks"), id});
    QByteArray body;
    switch (EvergreenSystem::localAction(request.action).value_or(EvgAction::Count_)) {
    case EvgAction::Abort:
        method = QByteArrayLiteral("POST");
        url = m_client->endpoint({QStringLiteral("tasks"), id, QStringLiteral("abort")});
        break;
    case EvgAction::Restart:
        method = QByteArrayLiteral("POST");
        url = m_client->endpoint({QStringLiteral("tasks"), id, QStringLiteral("restart")});
        break;
    case EvgAction::Schedule:
    case EvgAction::Unschedule:
        body = EvergreenParser::activationBody(request.action == evgAction(EvgAction::Schedule));
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
                emit warning(QCoreApplication::translate("EvergreenActions", "%1 of %2 was accepted, but the answer could not be read (%3); the next poll shows the task's state.")
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
            entry.outcome.results.append(ActionResult{taskId, false, 0, why, false, {}});
        emit finished(entry.outcome);
    }
}
