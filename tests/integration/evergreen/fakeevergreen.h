// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakehttpserver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>

// A fake Evergreen REST v2 server on 127.0.0.1, built from what the real one does
// (../shared/reference/evergreen-api.md): versions → builds → task pages with a Link
// rel="next" header, single tasks, annotations, and abort, restart and PATCH with the
// server's rules and words. Its own auth middleware answers in plain text, as gimlet's
// does; handler errors are {"status","message"}. It keeps tasks as raw APITask fields and
// computes display_status the way the server does, unless a test serves a wrong one.
// It is written independently of the backend's parser, with Qt's JSON classes.
class FakeEvergreen final : public QObject
{
    Q_OBJECT

public:
    struct Seen
    {
        FakeHttpServer::Request request;
        qint64 at = 0;      // ms on the fake's clock when it arrived
        int status = 0;     // what the fake answered (0: nothing yet, a stall)
    };

    explicit FakeEvergreen(QObject *parent = nullptr);

    bool listen();
    QUrl url() const { return m_http.url(); }
    qint64 now() const { return m_clock.elapsed(); }

    // --- data ---------------------------------------------------------------------------
    // A build of a version (or of no version, for --build).
    void addBuild(const QString &build, const QString &version, const QString &variant);
    void removeBuildFromVersion(const QString &build);
    bool hasBuild(const QString &build) const { return m_builds.contains(build); }
    // Adds a task with the fields a fresh APITask has; the reference stays valid until the
    // next addTask.
    QJsonObject &addTask(const QString &id, const QString &build, const QString &status = QStringLiteral("undispatched"),
                         bool activated = true);
    QJsonObject &task(const QString &id) { return m_tasks[id]; }
    bool hasTask(const QString &id) const { return m_tasks.contains(id); }
    void removeTask(const QString &id) { m_tasks.remove(id); }
    // Serve this display_status instead of the computed one; a null string omits the field.
    void serveDisplayStatus(const QString &id, const QString &displayStatus);
    void setAnnotation(const QString &taskId, int execution, const QJsonObject &annotation);

    // --- what the agent and the scheduler do --------------------------------------------
    void dispatch(const QString &id);
    void startTask(const QString &id, const QString &startTime = {});
    void finishTask(const QString &id, const QString &status, const QJsonObject &details = {},
                    const QString &finishTime = {});
    // The agent notices the abort: every aborted task still running ends failed, "aborted".
    void finishAborted();

    // --- auth and faults ----------------------------------------------------------------
    void requireApiKey(const QString &user, const QString &key);
    void requireBearer(const QString &token);
    void setAdmin(bool admin) { m_admin = admin; }         // may set priority above 100
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; } // view permission only
    // The next `count` requests get 429 with Retry-After.
    void rateLimitNext(int count, int retryAfterSeconds);
    // The next `times` requests whose path starts with prefix get this answer; status 0
    // stalls them (no answer at all).
    void failNext(const QString &pathPrefix, int status, const QByteArray &body,
                  const QByteArray &contentType = QByteArrayLiteral("application/json"), int times = 1);
    // Where Link headers point; the real server uses its configured URL, which need not be
    // the one the client used.
    void setLinkBase(const QUrl &base) { m_linkBase = base; }

    // --- what happened ------------------------------------------------------------------
    const QList<Seen> &seen() const { return m_seen; }
    QList<Seen> seen(const QByteArray &method, const QString &path) const;
    int count(const QByteArray &method, const QString &path) const { return int(seen(method, path).size()); }
    void clearSeen() { m_seen.clear(); }

    static QString isoTime(qint64 msSinceEpoch);

private:
    struct Fault
    {
        QString prefix;
        int status;
        QByteArray body;
        QByteArray contentType;
        int times;
    };

    void handle(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange);
    void respond(FakeHttpServer::Exchange *exchange, int status, const QByteArray &body,
                 const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    void respondJson(FakeHttpServer::Exchange *exchange, int status, const QJsonValue &json,
                     const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    void respondError(FakeHttpServer::Exchange *exchange, int status, const QString &message);
    bool authenticated(const FakeHttpServer::Request &request) const;

    void versionBuilds(const QString &version, FakeHttpServer::Exchange *exchange);
    void buildTasks(const QString &build, const QUrlQuery &query, FakeHttpServer::Exchange *exchange);
    void abortTask(QJsonObject &task, FakeHttpServer::Exchange *exchange);
    void restartTask(QJsonObject &task, FakeHttpServer::Exchange *exchange);
    void patchTask(QJsonObject &task, const QByteArray &body, FakeHttpServer::Exchange *exchange);
    void annotations(const QString &id, const QUrlQuery &query, FakeHttpServer::Exchange *exchange);
    QJsonObject apiTask(const QJsonObject &task) const;

    FakeHttpServer m_http;
    QElapsedTimer m_clock;
    QMap<QString, QJsonObject> m_tasks;          // sorted by id, as Evergreen pages them
    QMap<QString, QJsonObject> m_builds;
    QHash<QString, QString> m_displayOverride;
    QHash<QString, QJsonObject> m_annotations;   // "task/execution"
    QList<Seen> m_seen;
    QList<Fault> m_faults;
    QString m_user;
    QString m_key;
    QString m_bearer;
    QUrl m_linkBase;
    int m_rateLimited = 0;
    int m_retryAfterSeconds = 1;
    bool m_admin = false;
    bool m_readOnly = false;
};
