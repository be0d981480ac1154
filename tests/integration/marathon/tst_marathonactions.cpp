// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "marathonrig.h"

#include <QSignalSpy>
#include <QTest>

namespace {
const QByteArray webA = QByteArrayLiteral("prod_web.instance-aaaa._app");
const QByteArray webB = QByteArrayLiteral("prod_web.instance-bbbb._app");
const QByteArray api = QByteArrayLiteral("api.instance-cccc._app");
const QByteArray db = QByteArrayLiteral("db.instance-dddd._app.1");

// A fake with two apps of running tasks and a resident task with a local volume.
bool startLive(MarathonRig &rig)
{
    if (!rig.fake.listen())
        return false;
    rig.fake.setTask(FakeMarathon::task(webA, "/prod/web", "TASK_RUNNING"));
    rig.fake.setTask(FakeMarathon::task(webB, "/prod/web", "TASK_RUNNING"));
    rig.fake.setTask(FakeMarathon::task(api, "/api", "TASK_RUNNING"));
    rig.fake.setTask(FakeMarathon::task(db, "/db", "TASK_RUNNING", q(",'localVolumes':[{'containerPath':'data','persistenceId':'db#data#1'}]")));
    return rig.start() && rig.waitLive();
}

ActionOutcome perform(MarathonRig &rig, TaskAction action, const QList<QByteArray> &ids, bool force = false)
{
    QSignalSpy finished(&rig.session, &Session::actionFinished);
    rig.session.perform(action, ids, ActionOptions{0, false, force});
    if (finished.isEmpty() && !finished.wait(5000))
        return {};
    return finished.first().first().value<ActionOutcome>();
}

const ActionResult *resultFor(const ActionOutcome &outcome, const QByteArray &id)
{
    for (const ActionResult &result : outcome.results) {
        if (result.taskId == id)
            return &result;
    }
    return nullptr;
}

QList<FakeHttpServer::Request> posts(MarathonRig &rig)
{
    QList<FakeHttpServer::Request> result;
    for (const FakeHttpServer::Request &request : rig.fake.server().requests()) {
        if (request.method == "POST")
            result.append(request);
    }
    return result;
}
} // namespace

// Kill, Kill & scale, Kill & wipe and Restart app, down to the bytes on the wire.
class TestMarathonActions : public QObject
{
    Q_OBJECT

private slots:
    void killPostsTheIdsAndLeavesTheStatusToTheStream()
    {
        MarathonRig rig;
        QVERIFY(startLive(rig));
        rig.fake.setKillEventsDeferred(true);
        rig.fake.removeTask(webB);   // Marathon forgot it; the table has not heard yet
        const ActionOutcome outcome = perform(rig, marAction(MarAction::Kill), {webA, webB, api});
        QCOMPARE(outcome.action, marAction(MarAction::Kill));
        QCOMPARE(outcome.results.size(), 3);
        QVERIFY(resultFor(outcome, webA)->ok);
        QCOMPARE(resultFor(outcome, webA)->httpStatus, 200);
        QVERIFY(resultFor(outcome, api)->ok);
        // Well-formed ids Marathon does not know are left out of its answer, silently.
        QVERIFY(!resultFor(outcome, webB)->ok);
        QCOMPARE(resultFor(outcome, webB)->message, QStringLiteral("Marathon did not kill this task: it does not know it (any more)."));

        const QList<FakeHttpServer::Request> sent = posts(rig);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].path, QStringLiteral("/v2/tasks/delete"));
        QVERIFY(sent[0].query.isEmpty());
        QCOMPARE(sent[0].header("content-type"), QByteArray("application/json"));
        QCOMPARE(sent[0].body, "{\"ids\":[\"" + webA + "\",\"" + webB + "\",\"" + api + "\"]}");

        // Not killed until Marathon says so.
        QCOMPARE(rig.status(webA.constData()), mar(MarStatus::Running));
        rig.fake.releaseKillEvents();
        // api's events come after webA's on the stream.
        QTRY_COMPARE(rig.status(api.constData()), mar(MarStatus::Killed));
        QCOMPARE(rig.status(webA.constData()), mar(MarStatus::Killed));
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Kill: 2 succeeded, 1 failed")), 1);
    }

    void killAndScaleIsForceableWhenADeploymentHoldsTheApp()
    {
        MarathonRig rig;
        QVERIFY(startLive(rig));
        rig.fake.setDeploymentLocked(true);
        const ActionOutcome locked = perform(rig, marAction(MarAction::KillAndScale), {webA});
        QCOMPARE(locked.results.size(), 1);
        const ActionResult &refused = locked.results.first();
        QVERIFY(!refused.ok);
        QCOMPARE(refused.httpStatus, 409);
        QVERIFY(refused.forceable);
        QCOMPARE(refused.message.toUtf8(), FakeMarathon::lockedMessage);
        QCOMPARE(rig.logLinesContaining(QString::fromUtf8(FakeMarathon::lockedMessage)), 1);

        const ActionOutcome forced = perform(rig, marAction(MarAction::KillAndScale), {webA}, true);
        QCOMPARE(forced.results.size(), 1);
        QVERIFY(forced.results.first().ok);
        QVERIFY(!forced.results.first().forceable);
        QCOMPARE(forced.results.first().message, QStringLiteral("deployment 97c136bf-5a28-4821-9d94-480d9fbb01c8"));

        const QList<FakeHttpServer::Request> sent = posts(rig);
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0].target, QByteArray("/v2/tasks/delete?scale=true"));
        QCOMPARE(sent[1].target, QByteArray("/v2/tasks/delete?scale=true&force=true"));
        QCOMPARE(sent[1].body, "{\"ids\":[\"" + webA + "\"]}");
        QTRY_COMPARE(rig.status(webA.constData()), mar(MarStatus::Killed));
    }

    void aForcedRequestThatStillGets409IsNotForceableAgain()
    {
        MarathonRig rig;
        QVERIFY(startLive(rig));
        rig.fake.answerOnce(QStringLiteral("/v2/tasks/delete"), 409, "{\"message\":\"" + FakeMarathon::lockedMessage + "\"}");
        const ActionOutcome outcome = perform(rig, marAction(MarAction::KillAndScale), {webA}, true);
        QCOMPARE(outcome.results.first().httpStatus, 409);
        QVERIFY(!outcome.results.first().forceable);
    }

    void killAndWipeOnlyForTasksWithLocalVolumes()
    {
        MarathonRig rig;
        QVERIFY(startLive(rig));
        QVERIFY(rig.task(db)->hasFlag(TaskFlag::HasLocalVolumes));
        const ActionOutcome outcome = perform(rig, marAction(MarAction::KillAndWipe), {db, webA});
        QCOMPARE(outcome.results.size(), 2);
        QVERIFY(resultFor(outcome, db)->ok);
        QVERIFY(!resultFor(outcome, webA)->ok);
        QVERIFY(resultFor(outcome, webA)->message.startsWith(QStringLiteral("Not sent: Only tasks with local persistent volumes")));
        const QList<FakeHttpServer::Request> sent = posts(rig);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].target, QByteArray("/v2/tasks/delete?wipe=true"));
        QCOMPARE(sent[0].body, "{\"ids\":[\"" + db + "\"]}");
    }

    void restartAppPostsOncePerApp()
    {
        MarathonRig rig;
        QVERIFY(startLive(rig));
        rig.fake.setDeploymentLocked(true);
        const ActionOutcome locked = perform(rig, marAction(MarAction::RestartApp), {webA, webB, api});
        QCOMPARE(locked.results.size(), 3);
        for (const ActionResult &result : locked.results) {
            QCOMPARE(result.httpStatus, 409);
            QVERIFY(result.forceable);
        }
        const ActionOutcome forced = perform(rig, marAction(MarAction::RestartApp), {webA, webB, api}, true);
        QCOMPARE(forced.results.size(), 3);
        for (const ActionResult &result : forced.results)
            QVERIFY2(result.ok, qPrintable(result.message));

        QStringList targets;
        for (const FakeHttpServer::Request &request : posts(rig))
            targets.append(QString::fromUtf8(request.target));
        targets.sort();
        QCOMPARE(targets, (QStringList{QStringLiteral("/v2/apps/api/restart"), QStringLiteral("/v2/apps/api/restart?force=true"),
                                       QStringLiteral("/v2/apps/prod/web/restart"), QStringLiteral("/v2/apps/prod/web/restart?force=true")}));
        // A restart is Marathon's rolling deployment: nothing changes in the table by itself.
        QCOMPARE(rig.status(webA.constData()), mar(MarStatus::Running));
    }

    void serverErrorsReachTheResultWithTheServersWords_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<TaskAction>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("restart: no such app") << QStringLiteral("/v2/apps/prod/web/restart") << marAction(MarAction::RestartApp) << 404
                                             << q("{'message':'App \\u0027/prod/web\\u0027 does not exist'}")
                                             << QStringLiteral("App '/prod/web' does not exist");
        QTest::newRow("kill: bad id") << QStringLiteral("/v2/tasks/delete") << marAction(MarAction::Kill) << 400
                                      << q("{'message':'Invalid task id \\u0027x\\u0027. [bad]'}")
                                      << QStringLiteral("Invalid task id 'x'. [bad]");
        QTest::newRow("kill: not allowed") << QStringLiteral("/v2/tasks/delete") << marAction(MarAction::Kill) << 403
                                           << q("{'message':'Not Authorized to perform this action!'}")
                                           << QStringLiteral("403: Not Authorized to perform this action! (an authorisation problem: check the credentials and their rights)");
        QTest::newRow("kill: timeout") << QStringLiteral("/v2/tasks/delete") << marAction(MarAction::Kill) << 503
                                       << q("{'message':'Timed out'}") << QStringLiteral("Timed out");
    }
    void serverErrorsReachTheResultWithTheServersWords()
    {
        QFETCH(QString, path);
        QFETCH(TaskAction, action);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        MarathonRig rig;
        QVERIFY(startLive(rig));
        rig.fake.answerOnce(path, status, body);
        const ActionOutcome outcome = perform(rig, action, {webA});
        QCOMPARE(outcome.results.size(), 1);
        const ActionResult &result = outcome.results.first();
        QVERIFY(!result.ok);
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.message, message);
        QVERIFY(!result.forceable);
        QCOMPARE(rig.logLinesContaining(message), 1);
    }

    void theRawRecordIsTheServersOwn()
    {
        MarathonRig rig;
        QVERIFY(startLive(rig));
        QSignalSpy ready(&rig.session, &Session::rawRecordReady);
        rig.backend->fetchRawRecord(webB);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.first().at(0).toByteArray(), webB);
        const QString text = ready.first().at(1).toString();
        QVERIFY2(text.startsWith(QStringLiteral("{\n  \"appId\": \"/prod/web\",")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\"id\": \"") + QString::fromUtf8(webB) + u'"'));
        QCOMPARE(rig.fake.server().requests().last().path, QStringLiteral("/v2/apps/prod/web/tasks"));

        rig.backend->fetchRawRecord("gone_app.instance-eeee._app");
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(ready.last().at(1).toString(), QStringLiteral("GET /v2/apps/gone/app/tasks: 404: App '/gone/app' does not exist"));
        rig.backend->fetchRawRecord("nodots");
        QCOMPARE(ready.size(), 3);
        QCOMPARE(ready.last().at(1).toString(), QStringLiteral("taskmon cannot tell the app of task nodots from its id."));
    }
};

QTEST_GUILESS_MAIN(TestMarathonActions)
#include "tst_marathonactions.moc"
