// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirun.h"
#include "fakeevergreen.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// taskmon-cli against a fake Evergreen: the command line a user types, the same session and
// backends, real HTTP on 127.0.0.1.
namespace {
// The connection options of every run in this file.
QStringList withServer(const QUrl &url, const QStringList &command)
{
    return QStringList{QStringLiteral("--evergreen"), url.toString(),
                                  QStringLiteral("--version"), QStringLiteral("v1"),
                                  QStringLiteral("--evergreen-user"), QStringLiteral("bot"),
                                  QStringLiteral("--evergreen-key"), QStringLiteral("k3y"),
                                  QStringLiteral("--poll-interval"), QStringLiteral("1"),
                                  QStringLiteral("--timeout"), QStringLiteral("20")}
        + command;
}
} // namespace

class TestEvergreenCli : public QObject
{
    Q_OBJECT

private slots:
    void listLiveEndsWithTheServersTruth()
    {
        FakeEvergreen server;
        QVERIFY(server.listen());
        server.requireApiKey(QStringLiteral("bot"), QStringLiteral("k3y"));
        server.addBuild(QStringLiteral("b1"), QStringLiteral("v1"), QStringLiteral("ubuntu2204"));
        server.addBuild(QStringLiteral("b2"), QStringLiteral("v1"), QStringLiteral("rhel80"));
        server.addTask(QStringLiteral("compile"), QStringLiteral("b1"), QStringLiteral("started"));
        server.addTask(QStringLiteral("lint"), QStringLiteral("b1"), QStringLiteral("undispatched"), false);
        server.addTask(QStringLiteral("unit"), QStringLiteral("b2"), QStringLiteral("success"));
        server.addTask(QStringLiteral("gone-soon"), QStringLiteral("b2"), QStringLiteral("undispatched"));

        CliRun run(withServer(server.url(), {QStringLiteral("list"), QStringLiteral("--live"), QStringLiteral("3"),
                                  QStringLiteral("--format"), QStringLiteral("json")}));
        QVERIFY2(run.parsed, qPrintable(run.parseError));
        // While the CLI follows the polls, the server moves on.
        QTRY_VERIFY(run.session.store()->size() == 4);
        QJsonObject systemFailure{{QStringLiteral("type"), QStringLiteral("system")},
                                  {QStringLiteral("desc"), QStringLiteral("stranded")}};
        server.finishTask(QStringLiteral("compile"), QStringLiteral("failed"), systemFailure);
        server.removeTask(QStringLiteral("gone-soon"));
        server.addTask(QStringLiteral("new"), QStringLiteral("b2"), QStringLiteral("undispatched"));
        QTRY_COMPARE_WITH_TIMEOUT(run.exitCode, 0, 15000);

        const QHash<QString, QJsonObject> tasks = run.listedTasks();
        QCOMPARE(tasks.size(), 4);
        QVERIFY(!tasks.contains(QStringLiteral("gone-soon")));
        QCOMPARE(tasks.value(QStringLiteral("compile"))[u"status"_qs].toString(), QStringLiteral("System Failed"));
        QCOMPARE(tasks.value(QStringLiteral("compile"))[u"failure_kind"_qs].toString(), QStringLiteral("system"));
        QCOMPARE(tasks.value(QStringLiteral("lint"))[u"status"_qs].toString(), QStringLiteral("Unscheduled"));
        QCOMPARE(tasks.value(QStringLiteral("lint"))[u"actions"_qs].toArray(),
                 (QJsonArray{QStringLiteral("schedule"), QStringLiteral("set-priority")}));
        QCOMPARE(tasks.value(QStringLiteral("unit"))[u"status"_qs].toString(), QStringLiteral("Succeeded"));
        QCOMPARE(tasks.value(QStringLiteral("new"))[u"status"_qs].toString(), QStringLiteral("Will Run"));
        QCOMPARE(tasks.value(QStringLiteral("new"))[u"source"_qs].toString(), QStringLiteral("evergreen"));
        QVERIFY(run.errText.contains(QStringLiteral("Polling every")));
        QVERIFY(!run.errText.contains(QStringLiteral("k3y")));
    }

    void actionsReachTheServerAndReportItsWords()
    {
        FakeEvergreen server;
        QVERIFY(server.listen());
        server.addBuild(QStringLiteral("b1"), QStringLiteral("v1"), QStringLiteral("ubuntu2204"));
        server.addTask(QStringLiteral("done"), QStringLiteral("b1"), QStringLiteral("failed"));
        server.addTask(QStringLiteral("queued"), QStringLiteral("b1"), QStringLiteral("undispatched"));

        CliRun restart(withServer(server.url(), {QStringLiteral("restart"), QStringLiteral("done"), QStringLiteral("queued")}));
        QTRY_COMPARE_WITH_TIMEOUT(restart.exitCode, 1, 15000);  // queued is refused by the rules
        QCOMPARE(server.count("POST", QStringLiteral("/rest/v2/tasks/done/restart")), 1);
        QCOMPARE(server.count("POST", QStringLiteral("/rest/v2/tasks/queued/restart")), 0);
        QVERIFY(restart.outText.contains(QStringLiteral("done: ok")));
        QVERIFY(restart.outText.contains(QStringLiteral("queued: not sent:")));

        // Above 100 without admin rights: the server says no, in its words.
        CliRun priority(withServer(server.url(), {QStringLiteral("priority"), QStringLiteral("200"), QStringLiteral("--admin"),
                                       QStringLiteral("queued")}));
        QTRY_COMPARE_WITH_TIMEOUT(priority.exitCode, 1, 15000);
        QVERIFY2(priority.outText.contains(QStringLiteral("queued: failed (HTTP 401)")), qPrintable(priority.outText));
        QVERIFY(priority.outText.contains(QStringLiteral("insufficient privilege")));
    }
};

QTEST_GUILESS_MAIN(TestEvergreenCli)
#include "tst_evergreencli.moc"
