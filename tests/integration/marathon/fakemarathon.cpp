// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakemarathon.h"

#include "domain/isotime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
constexpr QByteArrayView deploymentId("97c136bf-5a28-4821-9d94-480d9fbb01c8");

// Jetty's page for a GET on an SSE servlet without "Accept: text/event-stream".
const QByteArray jetty405 = QByteArrayLiteral(
    "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
    "<title>Error 405 HTTP method GET is not supported by this URL</title>\n</head>\n"
    "<body><h2>HTTP ERROR 405</h2>\n<p>Problem accessing /v2/events. Reason:\n"
    "<pre>    HTTP method GET is not supported by this URL</pre></p>\n</body>\n</html>\n");

QByteArray message(const QByteArray &text)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("message"), QString::fromUtf8(text)}}).toJson(QJsonDocument::Compact);
}

QByteArray deploymentResult()
{
    return R"({"deploymentId":")" + deploymentId.toByteArray() + R"(","version":"2015-09-29T15:59:51.164Z"})";
}

bool isTrue(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QString::fromLatin1(name)) == u"true";
}
} // namespace

const QByteArray FakeMarathon::lockedMessage = QByteArrayLiteral(
    "App is locked by one or more deployments. Override with the option '?force=true'. "
    "View details at '/v2/deployments/97c136bf-5a28-4821-9d94-480d9fbb01c8'.");

FakeMarathon::FakeMarathon(QObject *parent)
    : QObject(parent)
{
    m_server.setHandler([this](const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange) {
        handle(request, exchange);
    });
    connect(&m_heartbeat, &QTimer::timeout, this, [this] { send("\r\n"); });
    setHeartbeatMs(50);
}

QByteArray FakeMarathon::task(const QByteArray &id, const QByteArray &appId, const QByteArray &state, const QByteArray &extra)
{
    QByteArray json = R"({"id":")" + id + R"(","appId":")" + appId + R"(","host":"agent-1","state":")" + state
        + R"(","role":"*","slaveId":"S0")";
    // Inactive tasks carry no times, no version and no ports (reference §2).
    const bool active = state == "TASK_RUNNING" || state == "TASK_KILLING" || state == "TASK_UNREACHABLE"
        || state == "TASK_STAGING" || state == "TASK_STARTING";
    if (active)
        json += R"(,"ports":[31000],"stagedAt":"2024-01-01T10:00:00.000Z","version":"2024-01-01T09:59:00.000Z")";
    else
        json += R"(,"ports":[])";
    if (state == "TASK_RUNNING" || state == "TASK_KILLING" || state == "TASK_UNREACHABLE")
        json += R"(,"startedAt":"2024-01-01T10:00:05.000Z")";
    return json + extra + '}';
}

QByteArray FakeMarathon::statusUpdate(const QByteArray &taskId, const QByteArray &appId, const QByteArray &state,
                                      const QByteArray &extra)
{
    QByteArray json = R"({"slaveId":"S0","taskId":")" + taskId + R"(","taskStatus":")" + state + R"(","appId":")" + appId
        + R"(","host":"agent-1","ipAddresses":[{"ipAddress":"10.0.1.5","protocol":"IPv4"}],"ports":[31000],)"
          R"("version":"2024-01-01T09:59:00.000Z","eventType":"status_update_event","timestamp":")"
        + IsoTime::format(IsoTime::now()).toUtf8() + '"';
    if (!extra.contains("\"message\""))
        json += R"(,"message":"")";
    return json + extra + '}';
}

QByteArray FakeMarathon::frame(const QByteArray &type, const QByteArray &json)
{
    return "event: " + type + "\r\ndata: " + json + "\r\n\r\n";
}

QByteArray FakeMarathon::idOf(const QByteArray &taskJson)
{
    return QJsonDocument::fromJson(taskJson).object().value(QStringLiteral("id")).toString().toUtf8();
}

QByteArray FakeMarathon::appOf(const QByteArray &taskJson)
{
    return QJsonDocument::fromJson(taskJson).object().value(QStringLiteral("appId")).toString().toUtf8();
}

void FakeMarathon::setTask(const QByteArray &json)
{
    const QByteArray id = idOf(json);
    for (QByteArray &existing : m_tasks) {
        if (idOf(existing) == id) {
            existing = json;
            return;
        }
    }
    m_tasks.append(json);
}

void FakeMarathon::removeTask(const QByteArray &id)
{
    m_tasks.removeIf([&](const QByteArray &json) { return idOf(json) == id; });
}

void FakeMarathon::send(const QByteArray &bytes)
{
    if (m_stalled)
        return;
    for (const auto &stream : std::as_const(m_streams)) {
        if (stream && stream->isOpen())
            stream->write(bytes);
    }
}

int FakeMarathon::openStreams() const
{
    return int(std::count_if(m_streams.cbegin(), m_streams.cend(),
                             [](const auto &stream) { return stream && stream->isOpen(); }));
}

void FakeMarathon::dropStreams()
{
    for (const auto &stream : std::exchange(m_streams, {})) {
        if (stream)
            stream->abort();
    }
}

void FakeMarathon::closeStreams()
{
    for (const auto &stream : std::exchange(m_streams, {})) {
        if (stream)
            stream->close();
    }
}

void FakeMarathon::setHeartbeatMs(int ms)
{
    if (ms > 0)
        m_heartbeat.start(ms);
    else
        m_heartbeat.stop();
}

void FakeMarathon::releaseListings()
{
    m_holdListings = false;
    for (const auto &exchange : std::exchange(m_heldListings, {})) {
        if (exchange)
            exchange->respond(200, listing());
    }
}

void FakeMarathon::answerOnce(const QString &path, int status, const QByteArray &body,
                              const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    m_scripted.append(Scripted{path, status, body, headers});
}

QByteArray FakeMarathon::listing(const QString &appId) const
{
    QByteArray body = "{\"tasks\":[";
    bool first = true;
    for (const QByteArray &json : m_tasks) {
        if (!appId.isEmpty() && appOf(json) != appId.toUtf8())
            continue;
        if (!first)
            body += ',';
        body += json;
        first = false;
    }
    return body + "]}";
}

void FakeMarathon::handle(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange)
{
    if (!m_authorization.isEmpty() && request.header("authorization") != m_authorization) {
        // Jetty's BasicAuthenticator, in front of everything (reference §4).
        exchange->respond(401, "<html><title>Error 401 Unauthorized</title></html>",
                          {{"Content-Type", "text/html"}, {"WWW-Authenticate", "Basic realm=\"Mesosphere\""}});
        return;
    }
    for (qsizetype i = 0; i < m_scripted.size(); ++i) {
        if (m_scripted[i].path == request.path) {
            const Scripted answer = m_scripted.takeAt(i);
            exchange->respond(answer.status, answer.body, answer.headers);
            return;
        }
    }
    const QString &path = request.path;
    if (path == u"/v2/events") {
        events(request, exchange);
    } else if (path == u"/v2/tasks" && request.method == "GET") {
        if (m_holdListings)
            m_heldListings.append(exchange);
        else
            exchange->respond(200, listing());
    } else if (path == u"/v2/tasks/delete" && request.method == "POST") {
        killTasks(request, exchange);
    } else if (path.startsWith(u"/v2/apps/") && path.endsWith(u"/restart") && request.method == "POST") {
        restartApp(path.mid(8, path.size() - 8 - 8), request, exchange);
    } else if (path.startsWith(u"/v2/apps/") && path.endsWith(u"/tasks") && request.method == "GET") {
        const QString appId = path.mid(8, path.size() - 8 - 6);
        const QByteArray body = listing(appId);
        if (body == "{\"tasks\":[]}")
            exchange->respond(404, message("App '" + appId.toUtf8() + "' does not exist"));
        else
            exchange->respond(200, body);
    } else {
        exchange->respond(404, message("Not found: " + path.toUtf8()));
    }
}

void FakeMarathon::events(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange)
{
    if (m_leader.isValid()) {
        // A standby since 1.7: a redirect to the leader with the same query (reference §4).
        const QByteArray location = m_leader.toEncoded() + "/v2/events?" + request.query.query(QUrl::FullyEncoded).toUtf8();
        exchange->respond(302, {}, {{"Location", location}});
        return;
    }
    if (request.header("accept") != "text/event-stream") {
        exchange->respond(405, jetty405, {{"Content-Type", "text/html;charset=iso-8859-1"}});
        return;
    }
    exchange->beginStream(200, {{"Content-Type", "text/event-stream;charset=utf-8"}});
    m_streams.append(exchange);
    ++m_streamsOpened;
    if (!m_stalled) {
        exchange->write(frame("event_stream_attached",
                              R"({"remoteAddress":"127.0.0.1","eventType":"event_stream_attached","timestamp":")"
                                  + IsoTime::format(IsoTime::now()).toUtf8() + R"("})"));
    }
    emit streamOpened();
}

void FakeMarathon::killTasks(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange)
{
    const bool scale = isTrue(request.query, "scale");
    const bool wipe = isTrue(request.query, "wipe");
    const bool force = isTrue(request.query, "force");
    if (scale && wipe) {
        exchange->respond(400, message("You cannot use scale and wipe at the same time."));
        return;
    }
    const QJsonArray ids = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("ids")).toArray();
    QList<QByteArray> known;
    for (const QJsonValue &value : ids) {
        const QByteArray id = value.toString().toUtf8();
        if (!id.contains('.') && !id.contains('_')) {
            exchange->respond(400, message("Invalid task id '" + id + "'. [no run spec]"));
            return;
        }
        const bool exists = std::any_of(m_tasks.cbegin(), m_tasks.cend(), [&](const QByteArray &json) { return idOf(json) == id; });
        if (exists)
            known.append(id);   // well-formed ids Marathon does not know are ignored silently
    }
    if (scale && m_locked && !force) {
        exchange->respond(409, R"({"message":")" + lockedMessage + R"(","deployments":[{"id":")" + deploymentId.toByteArray() + R"("}]})");
        return;
    }
    QByteArray killed;
    for (const QByteArray &id : known) {
        for (const QByteArray &json : std::as_const(m_tasks)) {
            if (idOf(json) == id)
                killed += (killed.isEmpty() ? "" : ",") + json;
        }
    }
    if (scale)
        exchange->respond(200, deploymentResult(), {{"Content-Type", "application/json"}, {"Marathon-Deployment-Id", deploymentId.toByteArray()}});
    else
        exchange->respond(200, "{\"tasks\":[" + killed + "]}");
    // The kill happens afterwards, and the stream says so; the client must not assume it.
    for (const QByteArray &id : known) {
        QByteArray app;
        for (const QByteArray &json : std::as_const(m_tasks)) {
            if (idOf(json) == id)
                app = appOf(json);
        }
        removeTask(id);
        m_killEvents.append(frame("status_update_event", statusUpdate(id, app, "TASK_KILLING")));
        m_killEvents.append(frame("status_update_event", statusUpdate(id, app, "TASK_KILLED")));
    }
    if (!m_deferKillEvents)
        releaseKillEvents();
}

void FakeMarathon::releaseKillEvents()
{
    for (const QByteArray &bytes : std::exchange(m_killEvents, {}))
        send(bytes);
}

void FakeMarathon::restartApp(const QString &appId, const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange)
{
    const bool exists = std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                                    [&](const QByteArray &json) { return appOf(json) == appId.toUtf8(); });
    if (!exists) {
        exchange->respond(404, message("App '" + appId.toUtf8() + "' does not exist"));
    } else if (m_locked && !isTrue(request.query, "force")) {
        exchange->respond(409, R"({"message":")" + lockedMessage + R"(","deployments":[{"id":")" + deploymentId.toByteArray() + R"("}]})");
    } else {
        exchange->respond(200, deploymentResult(), {{"Content-Type", "application/json"}, {"Marathon-Deployment-Id", deploymentId.toByteArray()}});
    }
}
