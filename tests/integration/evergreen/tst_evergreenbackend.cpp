// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/evergreen/evergreensystem.h"
#include "domain/isotime.h"
#include "evergreenharness.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

// Polling: pages, builds, merging, timing, failures, statuses, annotations, credentials.
namespace {
const QString &User = Harness::User;
const QString &Secret = Harness::Secret;

QStringList messagesSeen;
void collectMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    messagesSeen.append(message);
}
} // namespace

class TestEvergreenBackend : public QObject
{
    Q_OBJECT

private slots:
    void refreshPollsAtOnce()
    {
        Harness h;
        h.given("t1", "undispatched");
        QVERIFY(h.start());
        const int before = h.server.count("GET", QStringLiteral("/rest/v2/builds/b1/tasks"));
        h.session.refresh();   // the interval is an hour in the harness
        QTRY_COMPARE(h.server.count("GET", QStringLiteral("/rest/v2/builds/b1/tasks")), before + 1);
    }

    void pagesOfEveryBuildAreMergedPerBuild()
    {
        Harness h;
        h.server.addBuild(QStringLiteral("b1"), QStringLiteral("v1"), QStringLiteral("ubuntu2204"));
        h.server.addBuild(QStringLiteral("b2"), QStringLiteral("v1"), QStringLiteral("rhel80"));
        h.server.addBuild(QStringLiteral("b3"), QString(), QStringLiteral("windows"));
        for (const char *id : {"t1", "t2", "t3", "t4", "t5"})
            h.given(id);
        h.given("u1", "started", "b2");
        h.given("w1", "success", "b3");
        h.given("w2", "failed", "b3");
        // The server's Link points elsewhere (its configured URL); pages still come from here.
        h.server.setLinkBase(QUrl(QStringLiteral("http://localhost:1")));
        h.config.builds = {QStringLiteral("b3"), QStringLiteral("b1")};
        QSignalSpy merged(&h.session, &Session::snapshotMerged);
        QVERIFY(h.start());

        QCOMPARE(h.session.store()->size(), 8);
        QCOMPARE(merged.count(), 3);   // one snapshot per build
        QCOMPARE(h.server.count("GET", QStringLiteral("/rest/v2/versions/v1/builds")), 1);
        const auto pages = h.server.seen("GET", QStringLiteral("/rest/v2/builds/b1/tasks"));
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages[0].request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
        QVERIFY(!pages[0].request.query.hasQueryItem(QStringLiteral("start_at")));
        QCOMPARE(pages[1].request.query.queryItemValue(QStringLiteral("start_at")), QStringLiteral("t3"));
        QCOMPARE(pages[2].request.query.queryItemValue(QStringLiteral("start_at")), QStringLiteral("t5"));
        QCOMPARE(h.server.count("GET", QStringLiteral("/rest/v2/builds/b2/tasks")), 1);
        QCOMPARE(h.server.count("GET", QStringLiteral("/rest/v2/builds/b3/tasks")), 1);
        QCOMPARE(h.task("t5")->scope.toString(), QStringLiteral("b1"));
        QCOMPARE(h.task("u1")->scope.toString(), QStringLiteral("b2"));
        QCOMPARE(h.task("u1")->status, evg(EvgStatus::Started));
        QCOMPARE(h.task("w2")->group.toString(), QStringLiteral("windows"));
        QCOMPARE(h.task("t1")->version.toString(), QStringLiteral("v1"));

        const ConnectionStatus status = h.backend->connectionStatus();
        QCOMPARE(status.state, ConnectionStatus::State::Polling);
        QVERIFY(status.lastDataAt > 0);
        // u1 runs, so the next poll comes sooner.
        QCOMPARE(status.pollIntervalMs, 1800000);
        QVERIFY2(status.text(IsoTime::now()).startsWith(QStringLiteral("Polling every 30 min · last at ")),
                 qPrintable(status.text(IsoTime::now())));
    }

    void pollsSpeedUpOnlyWhileSomethingRuns()
    {
        Harness h;
        h.given("t1", "undispatched");
        QVERIFY(h.start());
        QCOMPARE(h.backend->currentIntervalMs(), 3600000);
        h.server.dispatch(QStringLiteral("t1"));
        QVERIFY(h.poll());
        QCOMPARE(h.backend->currentIntervalMs(), 1800000);
        QCOMPARE(h.backend->connectionStatus().pollIntervalMs, 1800000);
        h.server.finishTask(QStringLiteral("t1"), QStringLiteral("success"));
        QVERIFY(h.poll());
        QCOMPARE(h.backend->currentIntervalMs(), 3600000);
    }

    void pollsNeverOverlap()
    {
        Harness h;
        h.given("t1");
        h.backend = new EvergreenBackend(h.config);
        h.session.addBackend(h.backend);
        QSignalSpy polled(h.backend, &EvergreenBackend::pollFinished);
        h.session.start();
        QVERIFY(h.backend->isPolling());
        h.backend->pollNow();
        h.backend->pollNow();
        QTRY_COMPARE(polled.count(), 2);
        QTest::qWait(100);
        QCOMPARE(polled.count(), 2);   // the two asks while polling made one more poll
        const auto versions = h.server.seen("GET", QStringLiteral("/rest/v2/versions/v1/builds"));
        const auto tasks = h.server.seen("GET", QStringLiteral("/rest/v2/builds/b1/tasks"));
        QCOMPARE(versions.size(), 2);
        QCOMPARE(tasks.size(), 2);
        QVERIFY(tasks[0].at <= versions[1].at);   // the second poll began after the first ended
    }

    void plainTextUnauthorisedIsAnAuthorisationProblem()
    {
        Harness h;
        h.given("t1");
        h.config.credentials.secret = QStringLiteral("wrong-key");
        QSignalSpy changes(&h.session, &Session::connectionChanged);
        QVERIFY(!h.start());
        const ConnectionStatus status = h.backend->connectionStatus();
        QCOMPARE(status.state, ConnectionStatus::State::Failed);
        QVERIFY2(status.detail.contains(QStringLiteral("authorisation problem")), qPrintable(status.detail));
        QVERIFY2(status.detail.contains(QStringLiteral("401: not authenticated")), qPrintable(status.detail));
        QVERIFY(status.detail.contains(QStringLiteral("the API key of bot")));
        QCOMPARE(h.logLinesContaining(QStringLiteral("builds of version v1: 401: not authenticated")), 1);
        QCOMPARE(h.session.store()->size(), 0);
        // Failed does not retry by itself: the backoff would have asked again by now.
        const int requests = int(h.server.seen().size());
        QTest::qWait(300);
        QCOMPARE(int(h.server.seen().size()), requests);
        // A Refresh asks again; with the right key it recovers.
        h.server.requireApiKey(User, QStringLiteral("wrong-key"));
        QVERIFY(h.poll());
        QCOMPARE(h.backend->connectionStatus().state, ConnectionStatus::State::Polling);
        QCOMPARE(h.session.store()->size(), 1);
    }

    void rateLimitWaitsForRetryAfter()
    {
        Harness h;
        h.given("t1");
        h.server.rateLimitNext(1, 1);
        QSignalSpy changes(h.session.eventLog(), &EventLogModel::entryAdded);
        QVERIFY(h.start());
        QCOMPARE(h.session.store()->size(), 1);

        const QList<FakeEvergreen::Seen> &seen = h.server.seen();
        QCOMPARE(seen.size(), 3);   // 429, the same request again, the build's tasks
        QCOMPARE(seen[0].status, 429);
        QCOMPARE(seen[1].request.path, seen[0].request.path);
        QCOMPARE(seen[1].status, 200);
        QVERIFY2(seen[1].at - seen[0].at >= 1000, qPrintable(QString::number(seen[1].at - seen[0].at)));
        // It was shown while waiting, and the poll that then worked says Polling again.
        QCOMPARE(h.logLinesContaining(QStringLiteral("rate limited by the server (429: rate limit exceeded); nothing is sent for 1 s")), 1);
        QCOMPARE(h.backend->connectionStatus().state, ConnectionStatus::State::Polling);
    }

    void serverErrorsBackOffAndRecover()
    {
        QList<ConnectionStatus> states;   // outlives the session that reports into it
        Harness h;
        h.given("t1");
        h.server.failNext(QStringLiteral("/rest/v2/builds/b1/tasks"), 500,
                          R"({"status":500,"message":"database is on fire"})");
        h.backend = new EvergreenBackend(h.config);
        h.session.addBackend(h.backend);
        connect(&h.session, &Session::connectionChanged, this,
                [&](int, const ConnectionStatus &status) { states.append(status); });
        QSignalSpy polled(h.backend, &EvergreenBackend::pollFinished);
        h.session.start();
        QTRY_COMPARE(polled.count(), 2);   // the failed poll, then the retry after the backoff
        QCOMPARE(polled[0].first().toBool(), false);
        QCOMPARE(polled[1].first().toBool(), true);
        QCOMPARE(states.size(), 3);
        QCOMPARE(states[0].state, ConnectionStatus::State::Connecting);
        QCOMPARE(states[1].state, ConnectionStatus::State::Reconnecting);
        QCOMPARE(states[1].detail, QStringLiteral("tasks of build b1: 500: database is on fire"));
        QCOMPARE(states[1].attempt, 1);
        QVERIFY(states[1].retryAt > 0);
        QCOMPARE(states[2].state, ConnectionStatus::State::Polling);
        QCOMPARE(h.session.store()->size(), 1);
    }

    void aServerThatNeverAnswersTimesOut()
    {
        Harness h;
        h.given("t1");
        h.config.requestTimeoutMs = 200;
        h.server.failNext(QStringLiteral("/rest/v2/versions/v1/builds"), 0, {});   // a stall
        h.backend = new EvergreenBackend(h.config);
        h.session.addBackend(h.backend);
        QSignalSpy polled(h.backend, &EvergreenBackend::pollFinished);
        h.session.start();
        QTRY_COMPARE(polled.count(), 2);   // the stalled poll, then the retry
        QCOMPARE(polled[0].first().toBool(), false);
        QCOMPARE(polled[1].first().toBool(), true);
        QCOMPARE(h.logLinesContaining(QStringLiteral("builds of version v1: no answer within 0.2 s")), 1);
        QCOMPARE(h.session.store()->size(), 1);
    }

    void failingPollsTurnStaleAndKeepWhatWasKnown()
    {
        Harness h;
        h.given("t1");
        h.given("u1", "undispatched", "b2");
        h.config.staleAfterMs = 1;
        h.config.backoffInitialMs = 60000;   // no retry within the test
        h.config.backoffMaximumMs = 60000;
        QVERIFY(h.start());
        h.server.removeTask(QStringLiteral("u1"));
        h.server.failNext(QStringLiteral("/rest/v2/builds/b1/tasks"), 503, "upstream connect error", "text/plain");
        QTest::qWait(5);
        QVERIFY(!h.poll());
        const ConnectionStatus status = h.backend->connectionStatus();
        QCOMPARE(status.state, ConnectionStatus::State::Stale);
        QCOMPARE(status.detail, QStringLiteral("tasks of build b1: 503: upstream connect error"));
        QVERIFY(status.text(IsoTime::now()).startsWith(QStringLiteral("Stale since ")));
        // b2 was listed completely and is merged (u1 is gone); b1 was not, so its tasks
        // stay as they were rather than vanish.
        QVERIFY(!h.task("u1"));
        QVERIFY(h.task("t1"));
    }

    void malformedJsonIsReportedAndPollingGoesOn()
    {
        Harness h;
        h.given("t1", "started");
        QVERIFY(h.start());
        h.server.failNext(QStringLiteral("/rest/v2/builds/b1/tasks"), 200, R"([{"task_id": "t1", "status": )");
        QSignalSpy polled(h.backend, &EvergreenBackend::pollFinished);
        h.backend->pollNow();
        QTRY_COMPARE(polled.count(), 2);   // the broken page, then the retry
        QCOMPARE(polled[0].first().toBool(), false);
        QCOMPARE(polled[1].first().toBool(), true);
        QCOMPARE(h.logLinesContaining(QStringLiteral("tasks of build b1: malformed JSON near byte")), 1);
        QCOMPARE(h.logLinesContaining(QStringLiteral("\"task_id\": \"t1\"")), 1);   // the snippet
        QCOMPARE(h.task("t1")->status, evg(EvgStatus::Started));
    }

    void displayStatusComesFromRawFieldsOnly_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("served");   // null: no display_status at all
        QTest::addColumn<Status>("expected");
        const auto raw = [](const char *status, bool activated, const QJsonObject &statusDetails = {}) {
            return QJsonObject{{QStringLiteral("status"), QString::fromLatin1(status)},
                               {QStringLiteral("activated"), activated},
                               {QStringLiteral("status_details"), statusDetails}};
        };
        QJsonObject knownIssue = raw("failed", false, details("test"));
        knownIssue[u"has_annotations"] = true;
        QJsonObject aborted = raw("failed", false, details("test", false, "aborted"));
        aborted[u"aborted"] = true;
        QJsonObject aborting = raw("started", false);
        aborting[u"aborted"] = true;
        QJsonObject blocked = raw("undispatched", true);
        blocked[u"blocked"] = true;
        QTest::newRow("known issue") << knownIssue << QStringLiteral("failed") << evg(EvgStatus::KnownIssue);
        QTest::newRow("aborted") << aborted << QString() << evg(EvgStatus::Aborted);
        QTest::newRow("aborting") << aborting << QStringLiteral("started") << evg(EvgStatus::Aborting);
        QTest::newRow("success") << raw("success", true) << QStringLiteral("failed") << evg(EvgStatus::Success);
        QTest::newRow("setup failed") << raw("failed", true, details("setup")) << QStringLiteral("failed") << evg(EvgStatus::SetupFailed);
        QTest::newRow("system unresponsive") << raw("failed", true, details("system", true, "heartbeat"))
                                             << QStringLiteral("system-failed") << evg(EvgStatus::SystemUnresponsive);
        QTest::newRow("system timed out") << raw("failed", true, details("system", true)) << QString() << evg(EvgStatus::SystemTimedOut);
        QTest::newRow("system failed") << raw("failed", true, details("system")) << QStringLiteral("failed") << evg(EvgStatus::SystemFailed);
        QTest::newRow("task timed out") << raw("failed", true, details("test", true)) << QStringLiteral("failed") << evg(EvgStatus::TaskTimedOut);
        QTest::newRow("unscheduled") << raw("undispatched", false) << QStringLiteral("will-run") << evg(EvgStatus::Unscheduled);
        QTest::newRow("blocked") << blocked << QStringLiteral("will-run") << evg(EvgStatus::Blocked);
        QTest::newRow("will run") << raw("undispatched", true) << QStringLiteral("unscheduled") << evg(EvgStatus::WillRun);
        QTest::newRow("dispatched") << raw("dispatched", true) << QString() << evg(EvgStatus::Dispatched);
        QTest::newRow("running") << raw("started", true) << QStringLiteral("success") << evg(EvgStatus::Started);
        QTest::newRow("failed") << raw("failed", true, details("test")) << QStringLiteral("success") << evg(EvgStatus::Failed);
    }

    void displayStatusComesFromRawFieldsOnly()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, served);
        QFETCH(Status, expected);
        Harness h;
        QJsonObject &task = h.given("t");
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            task[it.key()] = it.value();
        h.server.serveDisplayStatus(QStringLiteral("t"), served);
        QVERIFY(h.start());
        QCOMPARE(h.task("t")->status, expected);
        const QString mismatch = QStringLiteral("t: the server's display_status is \"%1\"").arg(served);
        QCOMPARE(h.logLinesContaining(mismatch), served.isNull() ? 0 : 1);
        // Logged once per task and status pair, not on every poll.
        QVERIFY(h.poll());
        QCOMPARE(h.logLinesContaining(QStringLiteral("display_status is")), served.isNull() ? 0 : 1);
    }

    void transitionsAreRecordedWithTheServersTimes()
    {
        Harness h;
        const qint64 base = QDateTime::currentMSecsSinceEpoch() - 600000;
        h.given("compile")[u"activated_time"] = FakeEvergreen::isoTime(base);
        QVERIFY(h.start());
        QCOMPARE(h.task("compile")->status, evg(EvgStatus::WillRun));
        h.server.startTask(QStringLiteral("compile"), FakeEvergreen::isoTime(base + 60000));
        QVERIFY(h.poll());
        h.server.finishTask(QStringLiteral("compile"), QStringLiteral("failed"), details("test"),
                            FakeEvergreen::isoTime(base + 180000));
        QVERIFY(h.poll());
        const int row = h.session.store()->rowOf("compile");
        const QList<TaskHistory::Entry> history = h.session.store()->history(row);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[1].from, evg(EvgStatus::WillRun));
        QCOMPARE(history[1].to, evg(EvgStatus::Started));
        QCOMPARE(history[1].at, base + 60000);
        QCOMPARE(history[0].from, evg(EvgStatus::Started));
        QCOMPARE(history[0].to, evg(EvgStatus::Failed));
        QCOMPARE(history[0].at, base + 180000);
        QCOMPARE(h.session.store()->statusSince(row), base + 180000);
        // A poll that sees nothing new records nothing.
        QVERIFY(h.poll());
        QCOMPARE(h.session.store()->history(row).size(), 2);
    }

    void aVanishedTaskOrBuildLeavesTheOtherBuildsAlone()
    {
        Harness h;
        h.given("t1");
        h.given("t2");
        h.given("u1", "undispatched", "b2");
        QVERIFY(h.start());
        QCOMPARE(h.session.store()->size(), 3);

        h.server.removeTask(QStringLiteral("t2"));
        QSignalSpy merged(&h.session, &Session::snapshotMerged);
        QVERIFY(h.poll());
        QCOMPARE(merged.count(), 2);
        int removed = 0;
        int unchanged = 0;
        for (const QList<QVariant> &signal : merged) {
            removed += signal[1].value<TaskStore::MergeStats>().removed;
            unchanged += signal[1].value<TaskStore::MergeStats>().unchanged;
        }
        QCOMPARE(removed, 1);
        QCOMPARE(unchanged, 2);
        QVERIFY(!h.task("t2"));
        QVERIFY(h.task("t1"));
        QVERIFY(h.task("u1"));

        h.server.removeBuildFromVersion(QStringLiteral("b2"));
        QVERIFY(h.poll());
        QVERIFY(!h.task("u1"));
        QVERIFY(h.task("t1"));
    }

    void annotationsShowInTheDetails()
    {
        Harness h;
        h.given("lint")[u"has_annotations"] = true;
        h.server.finishTask(QStringLiteral("lint"), QStringLiteral("failed"), details("test"));
        const auto issue = [](const char *key) {
            return QJsonObject{{QStringLiteral("url"), QString(QStringLiteral("https://jira.example/browse/") + QString::fromLatin1(key))},
                               {QStringLiteral("issue_key"), QString::fromLatin1(key)},
                               {QStringLiteral("confidence_score"), 0.5}};
        };
        h.server.setAnnotation(QStringLiteral("lint"), 0,
                               {{QStringLiteral("issues"), QJsonArray{issue("BF-42")}},
                                {QStringLiteral("suspected_issues"), QJsonArray{issue("SERVER-7"), issue("SERVER-8")}},
                                {QStringLiteral("note"), QJsonObject{{QStringLiteral("message"), QStringLiteral("flaky on ubuntu")}}}});
        QVERIFY(h.start());
        QCOMPARE(h.task("lint")->status, evg(EvgStatus::KnownIssue));
        QTRY_VERIFY(h.task("lint")->details && h.task("lint")->details->annotations.loaded);
        const TaskAnnotations annotations = h.task("lint")->details->annotations;
        QCOMPARE(annotations.issues.size(), 1);
        QCOMPARE(annotations.issues[0].key, QStringLiteral("BF-42"));
        QCOMPARE(annotations.issues[0].url, QStringLiteral("https://jira.example/browse/BF-42"));
        QCOMPARE(annotations.suspectedIssues.size(), 2);
        QCOMPARE(annotations.suspectedIssues[1].key, QStringLiteral("SERVER-8"));
        QCOMPARE(annotations.note, QStringLiteral("flaky on ubuntu"));
        const auto fetches = h.server.seen("GET", QStringLiteral("/rest/v2/tasks/lint/annotations"));
        QCOMPARE(fetches.size(), 1);
        QCOMPARE(fetches[0].request.query.queryItemValue(QStringLiteral("execution")), QStringLiteral("0"));
        QVERIFY(!h.task("lint")->details->fields.isEmpty());   // the other details are still there

        // Later polls keep them without asking again.
        QVERIFY(h.poll());
        QVERIFY(h.poll());
        QCOMPARE(h.server.count("GET", QStringLiteral("/rest/v2/tasks/lint/annotations")), 1);
        QCOMPARE(h.task("lint")->details->annotations, annotations);

        // A restart starts an execution without annotations.
        QVERIFY(h.act(evgAction(EvgAction::Restart), {"lint"}).results.value(0).ok);
        QCOMPARE(h.task("lint")->status, evg(EvgStatus::WillRun));
        QVERIFY(!h.task("lint")->details->annotations.loaded);
        QVERIFY(h.poll());
        QVERIFY(!h.task("lint")->details->annotations.loaded);
        QCOMPARE(h.server.count("GET", QStringLiteral("/rest/v2/tasks/lint/annotations")), 1);
    }

    void credentialsAreSentAndNeverLogged_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("redacted");
        QTest::newRow("api key") << int(Credentials::Scheme::EvergreenKey) << QByteArray("Api-Key")
                                 << Secret.toUtf8() << QByteArray("Api-Key: ***");
        QTest::newRow("bearer token") << int(Credentials::Scheme::Bearer) << QByteArray("Authorization")
                                      << QByteArray("Bearer " + Secret.toUtf8()) << QByteArray("Authorization: Bearer ***");
    }

    void credentialsAreSentAndNeverLogged()
    {
        QFETCH(int, scheme);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, redacted);
        Harness h;
        h.server.requireApiKey({}, {});
        if (scheme == int(Credentials::Scheme::Bearer)) {
            h.server.requireBearer(Secret);
            h.config.credentials.user.clear();
        } else {
            h.server.requireApiKey(User, Secret);
        }
        h.config.credentials.scheme = Credentials::Scheme(scheme);
        h.given("run", "started");
        h.server.failNext(QStringLiteral("/rest/v2/tasks/run/abort"), 500, R"({"message":"boom"})");

        messagesSeen.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("taskmon.evergreen.http.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(collectMessages);
        const bool started = h.start();
        h.act(evgAction(EvgAction::Abort), {"run"});
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QStringLiteral("taskmon.evergreen.http.debug=false"));
        QVERIFY(started);

        for (const FakeEvergreen::Seen &seen : h.server.seen())
            QCOMPARE(seen.request.header(header), value);
        QVERIFY(h.log().size() >= 3);
        for (const QString &line : h.log())
            QVERIFY2(!line.contains(Secret), qPrintable(line));
        QVERIFY(messagesSeen.size() >= 4);   // every request is traced at debug level
        for (const QString &line : std::as_const(messagesSeen))
            QVERIFY2(!line.contains(Secret), qPrintable(line));
        QVERIFY(messagesSeen.first().contains(QString::fromUtf8(redacted)));
    }

    void rawRecordIsTheServersJson()
    {
        Harness h;
        h.given("t1");
        QVERIFY(h.start());
        QSignalSpy ready(&h.session, &Session::rawRecordReady);
        h.backend->fetchRawRecord("t1");
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready[0][0].toByteArray(), QByteArray("t1"));
        const QString text = ready[0][1].toString();
        QVERIFY2(text.contains(QStringLiteral("\n  \"task_id\": \"t1\"")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\"est_wait_to_start_ms\": 0")));
        h.backend->fetchRawRecord("ghost");
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready[1][1].toString(),
                 QStringLiteral("Could not fetch the task from Evergreen: 404: task 'ghost' not found"));
    }

    void badConfigurationFailsAtOnce_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QString>("detail");
        QTest::newRow("not http") << QStringLiteral("ftp://127.0.0.1/") << QStringList{QStringLiteral("v1")}
                                  << QStringLiteral("the Evergreen URL \"ftp://127.0.0.1/\" is not an http or https URL");
        QTest::newRow("no host") << QStringLiteral("evergreen") << QStringList{QStringLiteral("v1")}
                                 << QStringLiteral("the Evergreen URL \"evergreen\" is not an http or https URL");
        QTest::newRow("nothing to watch") << QStringLiteral("http://127.0.0.1:1") << QStringList()
                                          << QStringLiteral("nothing to watch: name a version or a build");
    }

    void badConfigurationFailsAtOnce()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, versions);
        QFETCH(QString, detail);
        Session session;
        EvergreenConfig config;
        config.url = QUrl(url);
        config.versions = versions;
        auto *backend = new EvergreenBackend(config);
        session.addBackend(backend);
        session.start();
        QCOMPARE(backend->connectionStatus().state, ConnectionStatus::State::Failed);
        QCOMPARE(backend->connectionStatus().detail, detail);
        QVERIFY(!backend->isPolling());
    }
};

QTEST_GUILESS_MAIN(TestEvergreenBackend)
#include "tst_evergreenbackend.moc"
