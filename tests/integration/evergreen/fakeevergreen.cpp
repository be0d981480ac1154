// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeevergreen.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
const QByteArray PlainText = QByteArrayLiteral("text/plain; charset=utf-8");

bool isFinished(const QString &status)
{
    static const QStringList finished = {
        QStringLiteral("success"), QStringLiteral("failed"), QStringLiteral("test-timed-out"),
        QStringLiteral("task-timed-out"), QStringLiteral("setup-failed"), QStringLiteral("system-failed"),
        QStringLiteral("system-timed-out"), QStringLiteral("system-unresponsive")};
    return finished.contains(status);
}

// model/task/task.go determineDisplayStatus, first match wins.
QString displayStatusOf(const QJsonObject &task)
{
    const QJsonObject details = task[u"status_details"].toObject();
    const QString status = task[u"status"].toString();
    const QString type = details[u"type"].toString();
    const bool timedOut = details[u"timed_out"].toBool();
    const bool blocked = task[u"blocked"].toBool() && !task[u"override_dependencies"].toBool();
    const std::pair<bool, const char *> rules[] = {
        {task[u"has_annotations"].toBool(), "known-issue"},
        {task[u"aborted"].toBool(), "aborted"},
        {status == u"success", "success"},
        {type == u"setup", "setup-failed"},
        {type == u"system" && timedOut && details[u"desc"].toString() == u"heartbeat", "system-unresponsive"},
        {type == u"system" && timedOut, "system-timed-out"},
        {type == u"system", "system-failed"},
        {timedOut, "task-timed-out"},
        {status == u"undispatched" && !task[u"activated"].toBool(), "unscheduled"},
        {status == u"undispatched" && blocked, "blocked"},
        {status == u"undispatched", "will-run"},
    };
    for (const auto &[matches, name] : rules) {
        if (matches)
            return QString::fromLatin1(name);
    }
    return status;
}
} // namespace

FakeEvergreen::FakeEvergreen(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_http.setHandler([this](const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange) {
        handle(request, exchange);
    });
}

bool FakeEvergreen::listen()
{
    if (!m_http.listen())
        return false;
    m_linkBase = m_http.url();
    return true;
}

QString FakeEvergreen::isoTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

void FakeEvergreen::addBuild(const QString &build, const QString &version, const QString &variant)
{
    QJsonObject object;
    object[u"_id"] = build;
    object[u"version"] = version;
    object[u"build_variant"] = variant;
    object[u"display_name"] = variant.toUpper();
    object[u"status"] = QStringLiteral("started");
    object[u"activated"] = true;
    m_builds[build] = object;
}

void FakeEvergreen::removeBuildFromVersion(const QString &build)
{
    m_builds[build][u"version"] = QString();
}

QJsonObject &FakeEvergreen::addTask(const QString &id, const QString &build, const QString &status, bool activated)
{
    const QJsonObject owner = m_builds.value(build);
    QJsonObject task;
    task[u"task_id"] = id;
    task[u"display_name"] = id.section(u'_', 0, 0);
    task[u"build_id"] = build;
    task[u"build_variant"] = owner[u"build_variant"];
    task[u"build_variant_display_name"] = owner[u"display_name"];
    task[u"version_id"] = owner[u"version"];
    task[u"project_identifier"] = QStringLiteral("mongodb-mongo-master");
    task[u"revision"] = QStringLiteral("0123456789abcdef");
    task[u"requester"] = QStringLiteral("gitter_request");
    task[u"distro_id"] = QStringLiteral("ubuntu2204-large");
    task[u"status"] = status;
    task[u"activated"] = activated;
    task[u"execution"] = 0;
    task[u"priority"] = 0;
    task[u"aborted"] = false;
    task[u"blocked"] = false;
    task[u"has_annotations"] = false;
    task[u"display_only"] = false;
    task[u"host_id"] = QString();
    task[u"create_time"] = isoTime(QDateTime::currentMSecsSinceEpoch() - 3600000);
    task[u"activated_time"] = activated ? QJsonValue(isoTime(QDateTime::currentMSecsSinceEpoch() - 3000000)) : QJsonValue();
    task[u"start_time"] = QJsonValue();
    task[u"finish_time"] = QJsonValue();
    task[u"dispatch_time"] = QJsonValue();
    task[u"status_details"] = QJsonObject{{QStringLiteral("status"), status}};
    task[u"depends_on"] = QJsonArray();
    m_tasks[id] = task;
    return m_tasks[id];
}

void FakeEvergreen::serveDisplayStatus(const QString &id, const QString &displayStatus)
{
    m_displayOverride.insert(id, displayStatus);
}

void FakeEvergreen::setAnnotation(const QString &taskId, int execution, const QJsonObject &annotation)
{
    QJsonObject stored = annotation;
    stored[u"task_id"] = taskId;
    stored[u"task_execution"] = execution;
    m_annotations.insert(taskId + u'/' + QString::number(execution), stored);
}

void FakeEvergreen::dispatch(const QString &id)
{
    QJsonObject &task = m_tasks[id];
    task[u"status"] = QStringLiteral("dispatched");
    task[u"dispatch_time"] = isoTime(QDateTime::currentMSecsSinceEpoch());
    task[u"host_id"] = QStringLiteral("i-0fake");
}

void FakeEvergreen::startTask(const QString &id, const QString &startTime)
{
    QJsonObject &task = m_tasks[id];
    task[u"status"] = QStringLiteral("started");
    task[u"host_id"] = QStringLiteral("i-0fake");
    task[u"start_time"] = startTime.isEmpty() ? isoTime(QDateTime::currentMSecsSinceEpoch()) : startTime;
}

void FakeEvergreen::finishTask(const QString &id, const QString &status, const QJsonObject &details,
                               const QString &finishTime)
{
    QJsonObject &task = m_tasks[id];
    task[u"status"] = status;
    QJsonObject statusDetails = details;
    statusDetails[u"status"] = status;
    task[u"status_details"] = statusDetails;
    task[u"finish_time"] = finishTime.isEmpty() ? isoTime(QDateTime::currentMSecsSinceEpoch()) : finishTime;
}

void FakeEvergreen::finishAborted()
{
    for (auto it = m_tasks.begin(); it != m_tasks.end(); ++it) {
        const QString status = it.value()[u"status"].toString();
        if (it.value()[u"aborted"].toBool() && (status == u"started" || status == u"dispatched")) {
            finishTask(it.key(), QStringLiteral("failed"),
                       {{QStringLiteral("type"), QStringLiteral("test")}, {QStringLiteral("desc"), QStringLiteral("aborted")}});
        }
    }
}

void FakeEvergreen::requireApiKey(const QString &user, const QString &key)
{
    m_user = user;
    m_key = key;
}

void FakeEvergreen::requireBearer(const QString &token)
{
    m_bearer = token;
}

void FakeEvergreen::rateLimitNext(int count, int retryAfterSeconds)
{
    m_rateLimited = count;
    m_retryAfterSeconds = retryAfterSeconds;
}

void FakeEvergreen::failNext(const QString &pathPrefix, int status, const QByteArray &body,
                             const QByteArray &contentType, int times)
{
    m_faults.append(Fault{pathPrefix, status, body, contentType, times});
}

QList<FakeEvergreen::Seen> FakeEvergreen::seen(const QByteArray &method, const QString &path) const
{
    QList<Seen> result;
    for (const Seen &entry : m_seen) {
        if (entry.request.method == method && entry.request.path == path)
            result.append(entry);
    }
    return result;
}

void FakeEvergreen::respond(FakeHttpServer::Exchange *exchange, int status, const QByteArray &body,
                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    m_seen.last().status = status;
    exchange->respond(status, body, headers.isEmpty() ? QList<std::pair<QByteArray, QByteArray>>{{"Content-Type", PlainText}} : headers);
}

void FakeEvergreen::respondJson(FakeHttpServer::Exchange *exchange, int status, const QJsonValue &json,
                                const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    const QByteArray body = json.isArray() ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
    QList<std::pair<QByteArray, QByteArray>> all{{"Content-Type", "application/json; charset=utf-8"}};
    all.append(headers);
    respond(exchange, status, body, all);
}

void FakeEvergreen::respondError(FakeHttpServer::Exchange *exchange, int status, const QString &message)
{
    respondJson(exchange, status, QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("message"), message}});
}

bool FakeEvergreen::authenticated(const FakeHttpServer::Request &request) const
{
    if (m_user.isEmpty() && m_bearer.isEmpty())
        return true;
    if (!m_user.isEmpty() && request.header("Api-User") == m_user.toUtf8() && request.header("Api-Key") == m_key.toUtf8())
        return true;
    return !m_bearer.isEmpty() && request.header("Authorization") == "Bearer " + m_bearer.toUtf8();
}

void FakeEvergreen::handle(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange)
{
    m_seen.append(Seen{request, now(), 0});
    if (m_rateLimited > 0) {
        --m_rateLimited;
        respond(exchange, 429, QByteArrayLiteral("rate limit exceeded"),
                {{"Content-Type", PlainText}, {"Retry-After", QByteArray::number(m_retryAfterSeconds)},
                 {"X-RateLimit-Exceeded", "true"}});
        return;
    }
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!request.path.startsWith(fault.prefix))
            continue;
        const Fault copy = fault;
        if (--fault.times <= 0)
            m_faults.removeAt(i);
        if (copy.status != 0)
            respond(exchange, copy.status, copy.body, {{"Content-Type", copy.contentType}});
        return;   // status 0: a stall, the client waits
    }
    if (!authenticated(request)) {
        respond(exchange, 401, QByteArrayLiteral("not authenticated"));
        return;
    }

    const QString prefix = QStringLiteral("/rest/v2/");
    const QStringList parts = request.path.startsWith(prefix) ? request.path.mid(prefix.size()).split(u'/') : QStringList();
    const QByteArray &method = request.method;
    const QString collection = parts.value(0);
    const QString id = parts.value(1);
    const QString sub = parts.value(2);
    if (method == "GET" && collection == u"versions" && sub == u"builds" && parts.size() == 3)
        return versionBuilds(id, exchange);
    if (method == "GET" && collection == u"builds" && sub == u"tasks" && parts.size() == 3)
        return buildTasks(id, request.query, exchange);
    if (collection != u"tasks" || parts.size() < 2) {
        respond(exchange, 404, QByteArrayLiteral("no resources found"));
        return;
    }
    if (!m_tasks.contains(id)) {
        respondError(exchange, 404, QStringLiteral("task '%1' not found").arg(id));
        return;
    }
    QJsonObject &task = m_tasks[id];
    const bool changes = method == "POST" || method == "PATCH";
    if (changes && m_readOnly) {
        respond(exchange, 401, QByteArrayLiteral("not authorized for this action"));
        return;
    }
    if (method == "GET" && parts.size() == 2) {
        QJsonObject single = apiTask(task);
        single[u"est_wait_to_start_ms"] = 0;
        return respondJson(exchange, 200, single);
    }
    if (method == "GET" && sub == u"annotations")
        return annotations(id, request.query, exchange);
    if (method == "POST" && sub == u"abort")
        return abortTask(task, exchange);
    if (method == "POST" && sub == u"restart")
        return restartTask(task, exchange);
    if (method == "PATCH" && parts.size() == 2)
        return patchTask(task, request.body, exchange);
    respond(exchange, 405, QByteArrayLiteral("method not allowed"));
}

QJsonObject FakeEvergreen::apiTask(const QJsonObject &task) const
{
    QJsonObject result = task;
    const QString id = task[u"task_id"].toString();
    const auto it = m_displayOverride.constFind(id);
    if (it == m_displayOverride.cend())
        result[u"display_status"] = displayStatusOf(task);
    else if (!it->isNull())
        result[u"display_status"] = *it;
    return result;
}

void FakeEvergreen::versionBuilds(const QString &version, FakeHttpServer::Exchange *exchange)
{
    QJsonArray builds;
    bool known = false;
    for (const QJsonObject &build : std::as_const(m_builds)) {
        known = known || build[u"version"].toString() == version;
        if (build[u"version"].toString() != version)
            continue;
        QJsonObject entry = build;
        QJsonArray ids;
        for (const QJsonObject &task : std::as_const(m_tasks)) {
            if (task[u"build_id"] == build[u"_id"])
                ids.append(task[u"task_id"]);
        }
        entry[u"tasks"] = ids;
        builds.append(entry);
    }
    if (!known && version != u"empty")
        return respondError(exchange, 404, QStringLiteral("version '%1' not found").arg(version));
    respondJson(exchange, 200, builds);
}

void FakeEvergreen::buildTasks(const QString &build, const QUrlQuery &query, FakeHttpServer::Exchange *exchange)
{
    if (!m_builds.contains(build))
        return respondError(exchange, 404, QStringLiteral("build '%1' not found").arg(build));
    const int limit = query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt() : 100;
    const QString startAt = query.queryItemValue(QStringLiteral("start_at"));
    QJsonArray page;
    QString next;
    for (const QJsonObject &task : std::as_const(m_tasks)) {
        const QString id = task[u"task_id"].toString();
        if (task[u"build_id"].toString() != build || id < startAt)
            continue;
        if (page.size() == limit) {
            next = id;
            break;
        }
        page.append(apiTask(task));
    }
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!next.isEmpty()) {
        QUrl link = m_linkBase;
        link.setPath(QStringLiteral("/rest/v2/builds/%1/tasks").arg(build));
        link.setQuery(QStringLiteral("start_at=%1&limit=%2").arg(next).arg(limit));
        headers.append({"Link", "<" + link.toEncoded() + ">; rel=\"next\""});
    }
    respondJson(exchange, 200, page, headers);
}

void FakeEvergreen::abortTask(QJsonObject &task, FakeHttpServer::Exchange *exchange)
{
    const QString status = task[u"status"].toString();
    if (status != u"started" && status != u"dispatched") {
        return respondError(exchange, 500, QStringLiteral("task '%1' currently has status '%2' - cannot abort task in this status")
                                               .arg(task[u"task_id"].toString(), status));
    }
    task[u"aborted"] = true;
    task[u"activated"] = false;
    task[u"abort_info"] = QJsonObject{{QStringLiteral("user"), m_user.isEmpty() ? QStringLiteral("operator") : m_user}};
    respondJson(exchange, 200, apiTask(task));
}

void FakeEvergreen::restartTask(QJsonObject &task, FakeHttpServer::Exchange *exchange)
{
    const QString status = task[u"status"].toString();
    if (!isFinished(status)) {
        if (task[u"display_only"].toBool()) {
            task[u"reset_when_finished"] = true;
            return respondJson(exchange, 200, apiTask(task));
        }
        return respondError(exchange, 400, QStringLiteral("task '%1' currently has status '%2' - cannot reset task in this status")
                                               .arg(task[u"task_id"].toString(), status));
    }
    task[u"execution"] = task[u"execution"].toInt() + 1;
    task[u"status"] = QStringLiteral("undispatched");
    task[u"activated"] = true;
    task[u"activated_time"] = isoTime(QDateTime::currentMSecsSinceEpoch());
    task[u"aborted"] = false;
    task[u"abort_info"] = QJsonObject();
    task[u"has_annotations"] = false;
    task[u"status_details"] = QJsonObject{{QStringLiteral("status"), QStringLiteral("undispatched")}};
    task[u"host_id"] = QString();
    task[u"dispatch_time"] = QJsonValue();
    task[u"start_time"] = QJsonValue();
    task[u"finish_time"] = QJsonValue();
    m_displayOverride.remove(task[u"task_id"].toString());
    respondJson(exchange, 200, apiTask(task));
}

void FakeEvergreen::patchTask(QJsonObject &task, const QByteArray &body, FakeHttpServer::Exchange *exchange)
{
    const QJsonObject change = QJsonDocument::fromJson(body).object();
    const bool activating = change.contains(u"activated");
    const bool prioritising = change.contains(u"priority");
    if (!activating && !prioritising)
        return respondError(exchange, 400, QStringLiteral("must set activated or priority"));
    if (prioritising) {
        const int priority = change[u"priority"].toInt();
        if (priority > 100 && !m_admin) {
            return respondError(exchange, 401, QStringLiteral("insufficient privilege to set priority to %1, "
                                                              "non-superusers can only set priority at or below 100")
                                                   .arg(priority));
        }
        task[u"priority"] = priority;
        if (priority <= -1)
            task[u"activated"] = false;   // DisabledTaskPriority
    }
    if (activating) {
        task[u"activated"] = change[u"activated"].toBool();
        if (task[u"activated"].toBool() && task[u"priority"].toInt() < 0)
            task[u"priority"] = 0;        // activating a disabled task enables it (evergreen #6057)
    }
    respondJson(exchange, 200, apiTask(task));
}

void FakeEvergreen::annotations(const QString &id, const QUrlQuery &query, FakeHttpServer::Exchange *exchange)
{
    int execution = m_tasks[id][u"execution"].toInt();
    if (query.hasQueryItem(QStringLiteral("execution")))
        execution = query.queryItemValue(QStringLiteral("execution")).toInt();
    QJsonArray list;
    const auto it = m_annotations.constFind(id + u'/' + QString::number(execution));
    if (it != m_annotations.cend())
        list.append(*it);
    respondJson(exchange, 200, list);
}
