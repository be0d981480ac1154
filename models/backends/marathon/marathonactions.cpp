// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonactions.h"

#include "marathonhttp.h"
#include "marathonids.h"
#include "marathonparser.h"
#include "marathonsystem.h"

#include <QCoreApplication>
#include <QMap>
#include <QUrlQuery>

#include <memory>

namespace {
QString deploymentText(const QByteArray &body)
{
    const QString id = MarathonParser::deploymentId(body);
    return id.isEmpty() ? QString() : QCoreApplication::translate("MarathonActions", "deployment %1").arg(id);
}
} // namespace

MarathonActions::MarathonActions(MarathonHttp *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

void MarathonActions::perform(const ActionRequest &request)
{
    switch (MarathonSystem::localAction(request.action).value_or(MarAction::Count_)) {
    case MarAction::Kill:
    case MarAction::KillAndScale:
    case MarAction::KillAndWipe:
        kill(request);
        return;
    case MarAction::RestartApp:
        restartApps(request);
        return;
    default:
        break;
    }
    // The rules never send these; answer anyway, after the caller has returned.
    ActionOutcome outcome{request.id, request.action, {}};
    for (const QByteArray &id : request.taskIds)
        outcome.results.append(ActionResult{id, false, 0, QCoreApplication::translate("MarathonActions", "Marathon has no such action."), false, {}});
    QMetaObject::invokeMethod(this, [this, outcome] { emit finished(outcome); }, Qt::QueuedConnection);
}

ActionResult MarathonActions::failure(const QByteArray &taskId, const HttpOutcome &outcome, bool forced)
{
    ActionResult result;
    result.taskId = taskId;
    result.httpStatus = outcome.status;
    result.message = outcome.message.isEmpty() || outcome.isAuthProblem() ? outcome.describe() : outcome.message;
    result.forceable = outcome.status == 409 && !forced;
    if (result.forceable)
        result.forceQuestion = QCoreApplication::translate("MarathonActions", "Force it? This cancels the deployment that holds the app.");
    return result;
}

void MarathonActions::kill(const ActionRequest &request)
{
    QUrlQuery query;
    if (request.action == marAction(MarAction::KillAndScale))
        query.addQueryItem(QStringLiteral("scale"), QStringLiteral("true"));
    if (request.action == marAction(MarAction::KillAndWipe))
        query.addQueryItem(QStringLiteral("wipe"), QStringLiteral("true"));
    if (request.force)
        query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    const QUrl url = m_http->url(QStringLiteral("/v2/tasks/delete"), query);
    m_http->post(url, MarathonParser::killBody(request.taskIds), [this, request](const HttpOutcome &outcome, const QByteArray &body) {
        ActionOutcome result{request.id, request.action, {}};
        // scale=false answers with the tasks it killed; well-formed ids Marathon does not
        // know are left out silently, so a missing id is a task that was not killed.
        const auto killed = outcome.ok() ? MarathonParser::killedIds(body) : std::nullopt;
        const QString deployment = outcome.ok() ? deploymentText(body) : QString();
        for (const QByteArray &id : request.taskIds) {
            if (!outcome.ok()) {
                result.results.append(failure(id, outcome, request.force));
            } else if (killed && !killed->contains(id)) {
                result.results.append(ActionResult{id, false, outcome.status,
                                                   QCoreApplication::translate("MarathonActions", "Marathon did not kill this task: it does not know it (any more)."), false, {}});
            } else {
                result.results.append(ActionResult{id, true, outcome.status, deployment, false, {}});
            }
        }
        emit finished(result);
    });
}

void MarathonActions::restartApps(const ActionRequest &request)
{
    struct Pending
    {
        ActionOutcome outcome;
        int awaiting = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->outcome = ActionOutcome{request.id, request.action, {}};

    QMap<QString, QList<QByteArray>> byApp;
    for (const QByteArray &id : request.taskIds) {
        const QString app = MarathonIds::appIdOfTask(id);
        if (app.isEmpty()) {
            pending->outcome.results.append(
                ActionResult{id, false, 0, QCoreApplication::translate("MarathonActions", "taskmon cannot tell the app of this task from its id."), false, {}});
        } else {
            byApp[app].append(id);
        }
    }
    pending->awaiting = int(byApp.size());
    if (byApp.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, pending] { emit finished(pending->outcome); }, Qt::QueuedConnection);
        return;
    }
    QUrlQuery query;
    if (request.force)
        query.addQueryItem(QStringLiteral("force"), QStringLiteral("true"));
    for (auto it = byApp.cbegin(); it != byApp.cend(); ++it) {
        const QUrl url = m_http->url(QStringLiteral("/v2/apps") + it.key() + QStringLiteral("/restart"), query);
        const QList<QByteArray> ids = it.value();
        m_http->post(url, QByteArray(), [this, pending, ids, force = request.force](const HttpOutcome &outcome, const QByteArray &body) {
            const QString deployment = deploymentText(body);
            for (const QByteArray &id : ids) {
                pending->outcome.results.append(outcome.ok() ? ActionResult{id, true, outcome.status, deployment, false, {}}
                                                             : failure(id, outcome, force));
            }
            if (--pending->awaiting == 0)
                emit finished(pending->outcome);
        });
    }
}
