// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "domain/isotime.h"
#include "marathonrig.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using State = ConnectionStatus::State;

namespace {
QByteArray basic(const char *userColonPassword)
{
    return "Basic " + QByteArray(userColonPassword).toBase64();
}

QList<FakeHttpServer::Request> requestsTo(FakeMarathon &fake, const QString &path)
{
    QList<FakeHttpServer::Request> result;
    for (const FakeHttpServer::Request &request : fake.server().requests()) {
        if (request.path == path)
            result.append(request);
    }
    return result;
}

// The attempts of the Reconnecting statuses, in order, once each.
QList<int> reconnectAttempts(const QList<ConnectionStatus> &statuses)
{
    QList<int> attempts;
    for (const ConnectionStatus &status : statuses) {
        if (status.state == State::Reconnecting && status.retryAt > 0
            && (attempts.isEmpty() || attempts.last() != status.attempt))
            attempts.append(status.attempt);
    }
    return attempts;
}
} // namespace

// Getting and keeping the connection: Accept, redirects, credentials, backoff, failures.
class TestMarathonConnection : public QObject
{
    Q_OBJECT

private slots:
    void refreshReconnectsAWaitingStreamAtOnce()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        MarathonConfig config = MarathonRig::fastConfig(rig.fake.url());
        config.backoffInitialMs = 60000;   // left alone, the next attempt is a minute away
        config.backoffMaximumMs = 60000;
        QVERIFY(rig.start(config));
        QVERIFY(rig.waitLive());
        rig.fake.dropStreams();
        QVERIFY(rig.waitFor(ConnectionStatus::State::Reconnecting));
        QCOMPARE(rig.fake.streamsOpened(), 1);
        rig.session.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(rig.fake.streamsOpened(), 2, 3000);
        QVERIFY(rig.waitLive());
    }

    void theFakeAnswers405UnlessAcceptIsExact_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<int>("status");
        QTest::newRow("exact") << QByteArray("text/event-stream") << 200;
        QTest::newRow("anything") << QByteArray("*/*") << 405;
        QTest::newRow("a list") << QByteArray("text/event-stream, */*") << 405;
        QTest::newRow("with q") << QByteArray("text/event-stream;q=1") << 405;
    }
    void theFakeAnswers405UnlessAcceptIsExact()
    {
        // Test equipment first: the backend tests below rely on the fake being this strict.
        QFETCH(QByteArray, accept);
        QFETCH(int, status);
        FakeMarathon fake;
        QVERIFY(fake.listen());
        QNetworkAccessManager manager;
        QNetworkRequest request(fake.url().resolved(QUrl(QStringLiteral("/v2/events"))));
        request.setRawHeader("Accept", accept);
        QNetworkReply *reply = manager.get(request);
        QSignalSpy metaData(reply, &QNetworkReply::metaDataChanged);
        QVERIFY(metaData.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        if (status == 405) {
            QTRY_VERIFY(reply->isFinished());
            QVERIFY(reply->readAll().contains("HTTP method GET is not supported by this URL"));
        }
        reply->abort();
        reply->deleteLater();
    }

    void a405SaysItIsAnAcceptProblemAndHealsWhenItGoesAway()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        // A proxy in between that rewrites Accept, three times over.
        const QByteArray jetty = "<html><head><title>Error 405 HTTP method GET is not supported by this URL</title></head></html>";
        for (int i = 0; i < 3; ++i)
            rig.fake.answerOnce(QStringLiteral("/v2/events"), 405, jetty, {{"Content-Type", "text/html"}});
        QVERIFY(rig.start());
        QVERIFY(rig.waitFor(State::Failed));
        const QString detail = rig.backend->connectionStatus().detail;
        QVERIFY2(detail.contains(QStringLiteral("405: Error 405 HTTP method GET is not supported by this URL")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("\"Accept: text/event-stream\"")), qPrintable(detail));
        QVERIFY(rig.waitLive());
        QCOMPARE(requestsTo(rig.fake, QStringLiteral("/v2/events")).size(), 4);
        // Three failed attempts, one log line: background retries do not repeat themselves.
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Failed: GET /v2/events: 405")), 1);
        QCOMPARE(rig.states(), (QList<State>{State::Connecting, State::Failed, State::Live}));
    }

    void aStandbyRedirectsToTheLeaderAndTheCredentialsGoAlong()
    {
        FakeMarathon leader;
        QVERIFY(leader.listen());
        const QByteArray authorization = basic("alice:s3cret");
        leader.setRequiredAuthorization(authorization);
        MarathonRig rig;   // its fake is the standby
        QVERIFY(rig.fake.listen());
        rig.fake.setRequiredAuthorization(authorization);
        rig.fake.setStandbyFor(leader.url());
        rig.fake.setTask(FakeMarathon::task("web.instance-1._app", "/web", "TASK_RUNNING"));
        MarathonConfig config = MarathonRig::fastConfig(rig.fake.url());
        config.credentials = Credentials{Credentials::Scheme::Basic, QStringLiteral("alice"), QStringLiteral("s3cret")};
        QVERIFY(rig.start(config));
        QVERIFY(rig.waitLive());

        const QList<FakeHttpServer::Request> atLeader = requestsTo(leader, QStringLiteral("/v2/events"));
        QCOMPARE(atLeader.size(), 1);
        QCOMPARE(atLeader[0].header("authorization"), authorization);
        QCOMPARE(atLeader[0].header("accept"), QByteArray("text/event-stream"));
        QCOMPARE(atLeader[0].query.queryItemValue(QStringLiteral("plan-format")), QStringLiteral("light"));
        QCOMPARE(requestsTo(rig.fake, QStringLiteral("/v2/events")).size(), 1);   // the 302
        QCOMPARE(requestsTo(rig.fake, QStringLiteral("/v2/tasks")).size(), 1);    // REST: a standby proxies
        QCOMPARE(rig.status("web.instance-1._app"), mar(MarStatus::Running));
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Event stream redirected to ") + leader.url().toString()
                                        + QStringLiteral("/v2/events?plan-format=light (the leader)")), 1);

        leader.sendEvent("status_update_event", FakeMarathon::statusUpdate("web.instance-1._app", "/web", "TASK_FAILED"));
        QTRY_COMPARE(rig.status("web.instance-1._app"), mar(MarStatus::Failed));
    }

    void credentialsGoOnEveryRequest_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("inUrl");
        QTest::newRow("basic") << int(Credentials::Scheme::Basic) << basic("bob:pw") << false;
        QTest::newRow("dc/os token") << int(Credentials::Scheme::MarathonToken) << QByteArray("token=eyJhbGciOi.abc") << false;
        QTest::newRow("user:password in the url") << int(Credentials::Scheme::None) << basic("bob:pw") << true;
    }
    void credentialsGoOnEveryRequest()
    {
        QFETCH(int, scheme);
        QFETCH(QByteArray, header);
        QFETCH(bool, inUrl);
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.setRequiredAuthorization(header);
        rig.fake.setTask(FakeMarathon::task("web.instance-1._app", "/web", "TASK_RUNNING"));
        MarathonConfig config = MarathonRig::fastConfig(rig.fake.url());
        if (inUrl)
            config.url.setUserInfo(QStringLiteral("bob:pw"));
        config.credentials.scheme = Credentials::Scheme(scheme);
        config.credentials.user = QStringLiteral("bob");
        config.credentials.secret = scheme == int(Credentials::Scheme::MarathonToken) ? QStringLiteral("eyJhbGciOi.abc")
                                                                                       : QStringLiteral("pw");
        QVERIFY(rig.start(config));
        QVERIFY(rig.waitLive());
        QSignalSpy finished(&rig.session, &Session::actionFinished);
        rig.session.perform(marAction(MarAction::Kill), {"web.instance-1._app"});
        QVERIFY(finished.wait(5000));
        QSignalSpy raw(&rig.session, &Session::rawRecordReady);
        rig.backend->fetchRawRecord("web.instance-1._app");
        QVERIFY(raw.wait(5000));

        QStringList paths;
        for (const FakeHttpServer::Request &request : rig.fake.server().requests()) {
            QCOMPARE(request.header("authorization"), header);
            paths.append(request.path);
        }
        QCOMPARE(paths, (QStringList{QStringLiteral("/v2/events"), QStringLiteral("/v2/tasks"),
                                     QStringLiteral("/v2/tasks/delete"), QStringLiteral("/v2/apps/web/tasks")}));
        // Whatever shows the connection's name never shows the secret.
        QVERIFY(!rig.backend->displayName().contains(QStringLiteral("pw")));
        QVERIFY(!rig.backend->config().url.toString().contains(QStringLiteral("pw")));
    }

    void wrongCredentialsAreAFailureThatSaysSo()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.setRequiredAuthorization(basic("alice:right"));
        MarathonConfig config = MarathonRig::fastConfig(rig.fake.url());
        config.credentials = Credentials{Credentials::Scheme::Basic, QStringLiteral("alice"), QStringLiteral("wrong")};
        QVERIFY(rig.start(config));
        QVERIFY(rig.waitFor(State::Failed));
        const ConnectionStatus status = rig.backend->connectionStatus();
        QVERIFY2(status.detail.startsWith(QStringLiteral("GET /v2/events: 401")), qPrintable(status.detail));
        QVERIFY(status.detail.contains(QStringLiteral("authorisation problem")));
        QVERIFY(status.text(IsoTime::now()).startsWith(QStringLiteral("Failed: ")));
        // Retried in the background, and live as soon as the server lets it in.
        QTRY_VERIFY(requestsTo(rig.fake, QStringLiteral("/v2/events")).size() >= 3);
        QCOMPARE(rig.backend->connectionStatus().state, State::Failed);
        rig.fake.setRequiredAuthorization({});
        QVERIFY(rig.waitLive());
    }

    void backoffAttemptsShowAndResetAfterAGoodConnection()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        for (int i = 0; i < 3; ++i)
            rig.fake.answerOnce(QStringLiteral("/v2/events"), 502, q("{'message':'Could not determine the current leader'}"));
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());
        QCOMPARE(reconnectAttempts(rig.statuses), (QList<int>{1, 2, 3}));
        for (qsizetype i = 0; i < rig.statuses.size(); ++i) {
            const ConnectionStatus &status = rig.statuses[i];
            if (status.state != State::Reconnecting || status.retryAt == 0)
                continue;
            QCOMPARE(status.detail, QStringLiteral("GET /v2/events: 502: Could not determine the current leader"));
            // 20 ms doubling, half of it jitter: attempt k waits between 10·2^(k-1) and 20·2^(k-1) ms.
            const qint64 wait = status.retryAt - rig.statusTimes[i];
            QVERIFY2(wait >= (10 << (status.attempt - 1)) - 2 && wait <= (20 << (status.attempt - 1)) + 2,
                     qPrintable(QString::number(wait)));
            const QString text = status.text(rig.statusTimes[i]);
            QVERIFY2(QRegularExpression(QStringLiteral("^Reconnecting in 1 s \\(attempt %1\\): GET /v2/events: 502").arg(status.attempt))
                         .match(text).hasMatch(),
                     qPrintable(text));
        }
        // Live for longer than the longest delay: the next loss starts again at attempt 1.
        QTest::qWait(150);
        rig.statuses.clear();
        rig.fake.closeStreams();
        QVERIFY(rig.waitFor(State::Reconnecting));
        QVERIFY(rig.waitLive());
        QCOMPARE(reconnectAttempts(rig.statuses), QList<int>{1});
        QCOMPARE(rig.statuses.first().detail, QStringLiteral("the server closed the event stream"));
        QCOMPARE(rig.backend->listings(), 2);
    }

    void retryAfterIsHonoured()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.answerOnce(QStringLiteral("/v2/events"), 429, q("{'message':'slow down'}"),
                            {{"Content-Type", "application/json"}, {"Retry-After", "1"}});
        QElapsedTimer clock;
        clock.start();
        QVERIFY(rig.start());
        QVERIFY(rig.waitFor(State::Reconnecting));
        const ConnectionStatus status = rig.backend->connectionStatus();
        QVERIFY(status.retryAt - IsoTime::now() >= 900);
        QVERIFY(status.detail.contains(QStringLiteral("429: slow down")));
        QVERIFY(rig.waitLive());
        QVERIFY(clock.elapsed() >= 1000);
    }

    void aFailedListingReconnects_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<State>("state");
        QTest::newRow("500") << 500 << State::Reconnecting;
        QTest::newRow("503") << 503 << State::Reconnecting;
        QTest::newRow("403") << 403 << State::Failed;
    }
    void aFailedListingReconnects()
    {
        QFETCH(int, status);
        QFETCH(State, state);
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.answerOnce(QStringLiteral("/v2/tasks"), status, q("{'message':'boom'}"));
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());
        QCOMPARE(rig.states(), (QList<State>{State::Connecting, state, State::Live}));
        const auto failure = std::find_if(rig.statuses.cbegin(), rig.statuses.cend(),
                                          [&](const ConnectionStatus &s) { return s.state == state; });
        QVERIFY(failure->detail.startsWith(QStringLiteral("GET /v2/tasks: %1: boom").arg(status)));
        QCOMPARE(requestsTo(rig.fake, QStringLiteral("/v2/events")).size(), 2);
        QCOMPARE(rig.backend->listings(), 1);
    }

    void aRefusedConnectionIsRetried()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        MarathonRig rig;
        QVERIFY(rig.start(MarathonRig::fastConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)))));
        QTRY_VERIFY(reconnectAttempts(rig.statuses).size() >= 3);
        QCOMPARE(reconnectAttempts(rig.statuses).first(3), (QList<int>{1, 2, 3}));
        QVERIFY2(rig.backend->connectionStatus().detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(rig.backend->connectionStatus().detail));
        rig.session.stop();
        QCOMPARE(rig.backend->connectionStatus().state, State::Idle);
        const qsizetype seen = rig.statuses.size();
        QTest::qWait(250);
        QCOMPARE(rig.statuses.size(), seen);   // stopped means no more attempts
    }

    void aServerThatNeverAnswersIsAStallToo()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        MarathonRig rig;
        QVERIFY(rig.start(MarathonRig::fastConfig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())))));
        QVERIFY(rig.waitFor(State::Reconnecting));
        QCOMPARE(rig.backend->connectionStatus().detail, QStringLiteral("no answer to GET /v2/events for 300 ms"));
        QCOMPARE(rig.backend->connectionStatus().attempt, 1);
    }

    void stopEndsTheStream()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());
        QCOMPARE(rig.fake.openStreams(), 1);
        rig.session.stop();
        QCOMPARE(rig.backend->connectionStatus().state, State::Idle);
        QTRY_COMPARE(rig.fake.openStreams(), 0);
        const qsizetype requests = rig.fake.server().requests().size();
        QTest::qWait(350);   // longer than the stall limit: no watchdog, no retry
        QCOMPARE(rig.fake.server().requests().size(), requests);
        rig.session.start();
        QVERIFY(rig.waitLive());
        QCOMPARE(rig.backend->listings(), 2);
    }
};

QTEST_GUILESS_MAIN(TestMarathonConnection)
#include "tst_marathonconnection.moc"
