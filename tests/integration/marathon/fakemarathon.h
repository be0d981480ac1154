// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fakehttpserver.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QTimer>

// A Marathon on 127.0.0.1 that speaks the documented wire format (reference/marathon-api.md):
// /v2/tasks from a task list the test edits, /v2/events as Jetty serves it (CRLF frames, no
// length, event_stream_attached first, bare CRLF heartbeats, 405 with an HTML page unless
// Accept is exactly text/event-stream), kills and restarts with Marathon's answers (409 with
// its exact message while a deployment holds the app, until force=true), a standby mode
// that answers /v2/events with a 302 to the leader, and the faults tests need: dropped,
// stalled and garbled streams, scripted error answers.
class FakeMarathon final : public QObject
{
    Q_OBJECT

public:
    explicit FakeMarathon(QObject *parent = nullptr);

    bool listen() { return m_server.listen(); }
    QUrl url() const { return m_server.url(); }
    FakeHttpServer &server() { return m_server; }

    // A task object as /v2/tasks lists it. extra is more JSON members, with a leading comma.
    static QByteArray task(const QByteArray &id, const QByteArray &appId, const QByteArray &state,
                           const QByteArray &extra = {});
    // A status_update_event's JSON, as status_update_event frames carry it.
    static QByteArray statusUpdate(const QByteArray &taskId, const QByteArray &appId,
                                   const QByteArray &state, const QByteArray &extra = {});
    static QByteArray frame(const QByteArray &type, const QByteArray &json);

    // The task list /v2/tasks answers with, in order; setTask replaces by id.
    void setTask(const QByteArray &json);
    void removeTask(const QByteArray &id);
    QList<QByteArray> tasks() const { return m_tasks; }

    // The event stream.
    void sendEvent(const QByteArray &type, const QByteArray &json) { send(frame(type, json)); }
    void send(const QByteArray &bytes);   // raw bytes to every open stream
    int openStreams() const;
    int streamsOpened() const { return m_streamsOpened; }
    void dropStreams();    // connection reset
    void closeStreams();   // orderly EOF
    void setStalled(bool stalled) { m_stalled = stalled; }   // no byte at all, not even heartbeats
    void setHeartbeatMs(int ms);

    // Behaviour.
    void setRequiredAuthorization(const QByteArray &header) { m_authorization = header; }
    void setStandbyFor(const QUrl &leader) { m_leader = leader; }
    void setDeploymentLocked(bool locked) { m_locked = locked; }
    void setHoldListings(bool hold) { m_holdListings = hold; }
    void releaseListings();   // answer the held /v2/tasks requests with the current list
    // Kills report TASK_KILLING and TASK_KILLED on the stream right after the answer, or,
    // deferred, only when released.
    void setKillEventsDeferred(bool deferred) { m_deferKillEvents = deferred; }
    void releaseKillEvents();
    // The next request to path gets this answer instead (once per call, in order).
    void answerOnce(const QString &path, int status, const QByteArray &body,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {{"Content-Type", "application/json"}});

    static const QByteArray lockedMessage;

signals:
    void streamOpened();

private:
    void handle(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange);
    void events(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange);
    void killTasks(const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange);
    void restartApp(const QString &appId, const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange);
    QByteArray listing(const QString &appId = {}) const;
    static QByteArray idOf(const QByteArray &taskJson);
    static QByteArray appOf(const QByteArray &taskJson);

    struct Scripted
    {
        QString path;
        int status;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };

    FakeHttpServer m_server;
    QList<QByteArray> m_tasks;
    QList<QPointer<FakeHttpServer::Exchange>> m_streams;
    QList<QPointer<FakeHttpServer::Exchange>> m_heldListings;
    QList<Scripted> m_scripted;
    QTimer m_heartbeat;
    QByteArray m_authorization;
    QUrl m_leader;
    int m_streamsOpened = 0;
    bool m_stalled = false;
    bool m_locked = false;
    bool m_holdListings = false;
    bool m_deferKillEvents = false;
    QList<QByteArray> m_killEvents;
};
