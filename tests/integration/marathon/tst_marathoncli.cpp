// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "clirun.h"
#include "fakemarathon.h"
#include "marathonrig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// taskmon-cli against a fake Marathon: the command line a user types, the same session and
// backend, real HTTP on 127.0.0.1.
namespace {
// The connection options of every run in this file.
QStringList withServer(const QUrl &url, const QStringList &command)
{
    return QStringList{QStringLiteral("--marathon"), url.toString(),
                                  QStringLiteral("--timeout"), QStringLiteral("20")}
        + command;
}
} // namespace

class TestMarathonCli : public QObject
{
    Q_OBJECT

private slots:
    void listLiveEndsWithTheServersTruthAcrossAReconnect()
    {
        FakeMarathon fake;
        QVERIFY(fake.listen());
        fake.setHeartbeatMs(200);
        fake.setTask(FakeMarathon::task("web.1", "/web", "TASK_RUNNING"));
        fake.setTask(FakeMarathon::task("web.2", "/web", "TASK_RUNNING"));
        fake.setTask(FakeMarathon::task("api.1", "/api", "TASK_STAGING"));

        CliRun run(withServer(fake.url(), {QStringLiteral("list"), QStringLiteral("--live"), QStringLiteral("4"),
                                QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(run.parsed, qPrintable(run.parseError));
        QTRY_VERIFY(run.session.store()->size() == 3 && fake.openStreams() == 1);

        // Live: api.1 starts running (the server's listing and its stream agree, as they do).
        fake.setTask(FakeMarathon::task("api.1", "/api", "TASK_RUNNING"));
        fake.sendEvent("status_update_event", FakeMarathon::statusUpdate("api.1", "/api", "TASK_RUNNING"));
        QTRY_COMPARE(run.session.store()->find("api.1")->status, mar(MarStatus::Running));
        // The connection drops; meanwhile web.2 is killed and expunged and web.3 replaces it.
        fake.dropStreams();
        fake.removeTask("web.2");
        fake.setTask(FakeMarathon::task("web.3", "/web", "TASK_STARTING"));
        QTRY_COMPARE_WITH_TIMEOUT(run.exitCode, 0, 15000);

        const QHash<QString, QJsonObject> tasks = run.listedTasks();
        QCOMPARE(tasks.keys().size(), 3);
        QVERIFY(!tasks.contains(QStringLiteral("web.2")));
        QCOMPARE(tasks.value(QStringLiteral("api.1"))[u"status"_qs].toString(), QStringLiteral("Running"));
        QCOMPARE(tasks.value(QStringLiteral("web.3"))[u"status"_qs].toString(), QStringLiteral("Starting"));
        QCOMPARE(tasks.value(QStringLiteral("web.1"))[u"group"_qs].toString(), QStringLiteral("/web"));
        QCOMPARE(tasks.value(QStringLiteral("web.1"))[u"source"_qs].toString(), QStringLiteral("marathon"));
        QVERIFY(fake.streamsOpened() >= 2);
        QVERIFY(run.errText.contains(QStringLiteral("Reconnecting")));
    }

    void killAndScaleAsksForForceOnALockedApp()
    {
        FakeMarathon fake;
        QVERIFY(fake.listen());
        fake.setTask(FakeMarathon::task("web.1", "/web", "TASK_RUNNING"));
        fake.setDeploymentLocked(true);

        CliRun locked(withServer(fake.url(), {QStringLiteral("kill"), QStringLiteral("--scale"), QStringLiteral("web.1")}));
        QTRY_COMPARE_WITH_TIMEOUT(locked.exitCode, 1, 15000);
        QVERIFY2(locked.outText.contains(QStringLiteral("web.1: failed (HTTP 409)")), qPrintable(locked.outText));
        QVERIFY(locked.errText.contains(QStringLiteral("--force")));

        CliRun forced(withServer(fake.url(), {QStringLiteral("kill"), QStringLiteral("--scale"), QStringLiteral("--force"),
                                   QStringLiteral("web.1")}));
        QTRY_COMPARE_WITH_TIMEOUT(forced.exitCode, 0, 15000);
        QVERIFY(forced.outText.contains(QStringLiteral("web.1: ok")));
        const FakeHttpServer::Request last = fake.server().requests().last();
        QCOMPARE(last.path, QStringLiteral("/v2/tasks/delete"));
        QCOMPARE(last.query.queryItemValue(QStringLiteral("scale")), QStringLiteral("true"));
        QCOMPARE(last.query.queryItemValue(QStringLiteral("force")), QStringLiteral("true"));
    }
};

QTEST_GUILESS_MAIN(TestMarathonCli)
#include "tst_marathoncli.moc"
