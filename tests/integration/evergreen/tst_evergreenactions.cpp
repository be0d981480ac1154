// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/evergreen/evergreensystem.h"
#include "evergreenharness.h"

#include <QSignalSpy>
#include <QTest>

// Actions: what is sent for each, what the server answers, and what the operator sees.
class TestEvergreenActions : public QObject
{
    Q_OBJECT

private slots:
    // What the server refuses reaches the operator in the server's words, JSON or plain text.
    void refusalsCarryTheServersWords_data()
    {
        QTest::addColumn<QString>("known");      // the status taskmon saw at the last poll
        QTest::addColumn<QString>("meanwhile");  // the status the server has now
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArray>("body");       // what a proxy or an older server answers instead
        QTest::newRow("abort a task that finished meanwhile")
            << QStringLiteral("started") << QStringLiteral("success") << int(evgAction(EvgAction::Abort)) << false << 500
            << QStringLiteral("500: task 't' currently has status 'success' - cannot abort task in this status")
            << QByteArray();
        QTest::newRow("restart a task someone else restarted")
            << QStringLiteral("failed") << QStringLiteral("started") << int(evgAction(EvgAction::Restart)) << false << 400
            << QStringLiteral("400: task 't' currently has status 'started' - cannot reset task in this status")
            << QByteArray();
        QTest::newRow("abort without the right (plain text)")
            << QStringLiteral("started") << QStringLiteral("started") << int(evgAction(EvgAction::Abort)) << true << 401
            << QStringLiteral("401: not authorized for this action (an authorisation problem: check the "
                              "credentials and their rights)")
            << QByteArray();
        QTest::newRow("an {\"error\"} answer")
            << QStringLiteral("started") << QStringLiteral("started") << int(evgAction(EvgAction::Abort)) << false << 503
            << QStringLiteral("503: the server is shutting down") << QByteArray(R"({"error":"the server is shutting down"})");
    }

    void refusalsCarryTheServersWords()
    {
        QFETCH(QString, known);
        QFETCH(QString, meanwhile);
        QFETCH(int, action);
        QFETCH(bool, readOnly);
        QFETCH(int, httpStatus);
        QFETCH(QString, message);
        QFETCH(QByteArray, body);
        Harness h;
        h.server.setReadOnly(readOnly);
        h.given("t", known.toLatin1().constData());
        QVERIFY(h.start());
        const Status before = h.task("t")->status;
        h.server.task(QStringLiteral("t"))[u"status"] = meanwhile;
        if (!body.isEmpty())
            h.server.failNext(QStringLiteral("/rest/v2/tasks/t/"), httpStatus, body);
        const ActionOutcome outcome = h.act(TaskAction(action), {"t"});
        QCOMPARE(outcome.results.size(), 1);
        QVERIFY(!outcome.results[0].ok);
        QCOMPARE(outcome.results[0].httpStatus, httpStatus);
        QCOMPARE(outcome.results[0].message, message);
        QCOMPARE(h.logLinesContaining(message), 1);
        QCOMPARE(int(h.server.seen().size()), 3);   // the poll's two requests and the action's one
        QCOMPARE(h.task("t")->status, before);      // a refusal changes nothing until the next poll
    }

    void abortShowsAbortingUntilAPollSeesItFinished()
    {
        Harness h;
        h.given("run", "started");
        QVERIFY(h.start());
        QCOMPARE(h.task("run")->status, evg(EvgStatus::Started));
        QVERIFY(!h.check("run", evgAction(EvgAction::Restart)));

        const ActionOutcome abort = h.act(evgAction(EvgAction::Abort), {"run"});
        QVERIFY2(abort.results.value(0).ok, qPrintable(abort.results.value(0).message));
        // The answer is applied at once: Aborting…, and Restart stays disabled meanwhile.
        QCOMPARE(h.task("run")->status, evg(EvgStatus::Aborting));
        QCOMPARE(h.task("run")->statusInfo().label, "Aborting…");
        const ActionVerdict early = h.check("run", evgAction(EvgAction::Restart));
        QVERIFY(!early);
        QCOMPARE(early.reason, QStringLiteral("Abort was requested; the task can be restarted once it has really finished."));
        QVERIFY(!h.check("run", evgAction(EvgAction::Abort)));

        QVERIFY(h.poll());   // the agent has not noticed yet
        QCOMPARE(h.task("run")->status, evg(EvgStatus::Aborting));

        h.server.finishAborted();
        QVERIFY(h.poll());
        QCOMPARE(h.task("run")->status, evg(EvgStatus::Aborted));
        QCOMPARE(h.task("run")->message.toString(), QStringLiteral("aborted"));
        QVERIFY(h.check("run", evgAction(EvgAction::Restart)));

        const ActionOutcome restart = h.act(evgAction(EvgAction::Restart), {"run"});
        QVERIFY2(restart.results.value(0).ok, qPrintable(restart.results.value(0).message));
        QCOMPARE(h.task("run")->status, evg(EvgStatus::WillRun));
        QCOMPARE(h.task("run")->execution, quint16(1));

        const QList<TaskHistory::Entry> history = h.session.store()->history(h.session.store()->rowOf("run"));
        QCOMPARE(history.size(), 3);   // newest first
        QCOMPARE(history[2].to, evg(EvgStatus::Aborting));
        QCOMPARE(history[1].to, evg(EvgStatus::Aborted));
        QCOMPARE(history[0].to, evg(EvgStatus::WillRun));
    }

    void restartGivesANewExecutionThatWillRun()
    {
        Harness h;
        h.given("flaky");
        h.server.finishTask(QStringLiteral("flaky"), QStringLiteral("failed"), details("system", true, "heartbeat"));
        QVERIFY(h.start());
        QCOMPARE(h.task("flaky")->status, evg(EvgStatus::SystemUnresponsive));
        const ActionOutcome outcome = h.act(evgAction(EvgAction::Restart), {"flaky"});
        QVERIFY(outcome.results.value(0).ok);
        QCOMPARE(h.server.count("POST", QStringLiteral("/rest/v2/tasks/flaky/restart")), 1);
        const Task *task = h.task("flaky");
        QCOMPARE(task->status, evg(EvgStatus::WillRun));
        QCOMPARE(task->execution, quint16(1));
        QCOMPARE(task->finishedAt, 0);
        QVERIFY(task->message.isEmpty());
        // The next poll agrees and changes nothing.
        QSignalSpy merged(&h.session, &Session::snapshotMerged);
        QVERIFY(h.poll());
        QCOMPARE(merged.count(), 1);
        QCOMPARE(merged[0][1].value<TaskStore::MergeStats>().unchanged, 1);
    }

    void patchesCarryTheirBodies_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("activated");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("priority");
        QTest::addColumn<bool>("admin");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Status>("after");
        QTest::addColumn<int>("priorityAfter");
        QTest::newRow("schedule") << QStringLiteral("undispatched") << false << int(evgAction(EvgAction::Schedule)) << 0
                                  << false << QByteArray(R"({"activated":true})") << evg(EvgStatus::WillRun) << 0;
        QTest::newRow("unschedule") << QStringLiteral("undispatched") << true << int(evgAction(EvgAction::Unschedule)) << 0
                                    << false << QByteArray(R"({"activated":false})") << evg(EvgStatus::Unscheduled) << 0;
        QTest::newRow("priority 75") << QStringLiteral("undispatched") << true << int(evgAction(EvgAction::SetPriority)) << 75
                                     << false << QByteArray(R"({"priority":75})") << evg(EvgStatus::WillRun) << 75;
        QTest::newRow("priority -1 disables") << QStringLiteral("undispatched") << true << int(evgAction(EvgAction::SetPriority)) << -1
                                              << false << QByteArray(R"({"priority":-1})") << evg(EvgStatus::Unscheduled) << -1;
        QTest::newRow("admin priority 150") << QStringLiteral("undispatched") << true << int(evgAction(EvgAction::SetPriority)) << 150
                                            << true << QByteArray(R"({"priority":150})") << evg(EvgStatus::WillRun) << 150;
    }

    void patchesCarryTheirBodies()
    {
        QFETCH(QString, status);
        QFETCH(bool, activated);
        QFETCH(int, action);
        QFETCH(int, priority);
        QFETCH(bool, admin);
        QFETCH(QByteArray, body);
        QFETCH(Status, after);
        QFETCH(int, priorityAfter);
        Harness h;
        h.server.setAdmin(admin);
        h.given("q", status.toLatin1().constData(), "b1", activated);
        QVERIFY(h.start());
        const ActionOutcome outcome = h.act(TaskAction(action), {"q"}, ActionOptions{priority, admin, false});
        QVERIFY2(outcome.results.value(0).ok, qPrintable(outcome.results.value(0).message));
        const auto patches = h.server.seen("PATCH", QStringLiteral("/rest/v2/tasks/q"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches[0].request.body, body);
        QCOMPARE(patches[0].request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(h.task("q")->status, after);
        QCOMPARE(h.task("q")->priority, priorityAfter);
    }

    void priorityAboveHundredNeedsAdminRights()
    {
        Harness h;
        h.given("q");
        QVERIFY(h.start());
        // Without the explicit admin request the session does not send it at all.
        const ActionOutcome refused = h.act(evgAction(EvgAction::SetPriority), {"q"}, ActionOptions{150, false, false});
        QVERIFY(!refused.results.value(0).ok);
        QCOMPARE(h.server.count("PATCH", QStringLiteral("/rest/v2/tasks/q")), 0);
        const ActionOutcome outcome = h.act(evgAction(EvgAction::SetPriority), {"q"}, ActionOptions{150, true, false});
        QCOMPARE(outcome.results.size(), 1);
        QVERIFY(!outcome.results[0].ok);
        QCOMPARE(outcome.results[0].httpStatus, 401);
        QCOMPARE(outcome.results[0].message,
                 QStringLiteral("401: insufficient privilege to set priority to 150, non-superusers can only set "
                                "priority at or below 100 (an authorisation problem: priorities above 100 need "
                                "Evergreen project admin rights)"));
        QCOMPARE(h.task("q")->priority, 0);
    }

    void overridingDependenciesSaysWhyNot()
    {
        Harness h;
        h.given("waits")[u"blocked"] = true;
        QVERIFY(h.start());
        QCOMPARE(h.task("waits")->status, evg(EvgStatus::Blocked));
        const ActionVerdict verdict = h.check("waits", evgAction(EvgAction::OverrideDependencies));
        QVERIFY(!verdict);
        QCOMPARE(verdict.reason,
                 QStringLiteral("Evergreen's REST API has no route for overriding dependencies; use the Evergreen web UI."));
    }

    void stoppingAnswersActionsInFlight()
    {
        Harness h;
        h.given("run", "started");
        QVERIFY(h.start());
        h.server.failNext(QStringLiteral("/rest/v2/tasks/run/abort"), 0, {});   // the server never answers
        QSignalSpy finished(&h.session, &Session::actionFinished);
        h.session.perform(evgAction(EvgAction::Abort), {"run"});
        QTRY_COMPARE(h.server.count("POST", QStringLiteral("/rest/v2/tasks/run/abort")), 1);
        QCOMPARE(finished.count(), 0);
        h.session.stop();
        QCOMPARE(finished.count(), 1);
        const ActionOutcome outcome = finished[0][0].value<ActionOutcome>();
        QCOMPARE(outcome.results.size(), 1);
        QCOMPARE(outcome.results[0].taskId, QByteArray("run"));
        QCOMPARE(outcome.results[0].message, QStringLiteral("The connection was stopped before the server answered."));
        QCOMPARE(h.backend->connectionStatus().state, ConnectionStatus::State::Idle);
    }

};

QTEST_GUILESS_MAIN(TestEvergreenActions)
#include "tst_evergreenactions.moc"
