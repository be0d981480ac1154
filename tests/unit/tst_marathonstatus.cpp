// SPDX-License-Identifier: GPL-3.0-or-later
// Marathon's Mesos state and condition mapping, checked against reference/marathon-api.md
// §5 and DESIGN.md §3.2 (not against marathonstatus.cpp).
#include "domain/marathonstatus.h"

#include <QTest>

namespace {
QByteArray statusName(Status status)
{
    switch (status) {
    case Status::MarScheduled: return "MarScheduled";
    case Status::MarStaging: return "MarStaging";
    case Status::MarStarting: return "MarStarting";
    case Status::MarRunning: return "MarRunning";
    case Status::MarKilling: return "MarKilling";
    case Status::MarUnreachable: return "MarUnreachable";
    case Status::MarFinished: return "MarFinished";
    case Status::MarKilled: return "MarKilled";
    case Status::MarFailed: return "MarFailed";
    case Status::MarError: return "MarError";
    case Status::MarDropped: return "MarDropped";
    case Status::MarGone: return "MarGone";
    case Status::MarUnknown: return "MarUnknown";
    default: return "Status(" + QByteArray::number(int(status)) + ')';
    }
}

const QString prefix = QStringLiteral("Reconciliation: Task is unknown to the");
} // namespace

char *toString(Status status)
{
    return qstrdup(statusName(status).constData());
}

class TestMarathonStatus final : public QObject
{
    Q_OBJECT

private slots:
    void fromMesosState_data();
    void fromMesosState();
    void resolveLost_data();
    void resolveLost();
    void fromCondition_data();
    void fromCondition();
};

void TestMarathonStatus::fromMesosState_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<Status>("expected");
    QTest::addColumn<bool>("known");   // isKnownMesosState

    // marathon-api.md §5 table and DESIGN.md §3.2.
    QTest::newRow("TASK_STAGING") << QStringLiteral("TASK_STAGING") << Status::MarStaging << true;
    QTest::newRow("TASK_STARTING") << QStringLiteral("TASK_STARTING") << Status::MarStarting << true;
    QTest::newRow("TASK_RUNNING") << QStringLiteral("TASK_RUNNING") << Status::MarRunning << true;
    QTest::newRow("TASK_KILLING") << QStringLiteral("TASK_KILLING") << Status::MarKilling << true;
    QTest::newRow("TASK_FINISHED") << QStringLiteral("TASK_FINISHED") << Status::MarFinished << true;
    QTest::newRow("TASK_FAILED") << QStringLiteral("TASK_FAILED") << Status::MarFailed << true;
    QTest::newRow("TASK_KILLED") << QStringLiteral("TASK_KILLED") << Status::MarKilled << true;
    QTest::newRow("TASK_ERROR") << QStringLiteral("TASK_ERROR") << Status::MarError << true;
    QTest::newRow("TASK_DROPPED") << QStringLiteral("TASK_DROPPED") << Status::MarDropped << true;
    QTest::newRow("TASK_UNREACHABLE") << QStringLiteral("TASK_UNREACHABLE") << Status::MarUnreachable << true;
    QTest::newRow("TASK_GONE") << QStringLiteral("TASK_GONE") << Status::MarGone << true;
    // Deviation (3): both Gone states are one status.
    QTest::newRow("TASK_GONE_BY_OPERATOR") << QStringLiteral("TASK_GONE_BY_OPERATOR") << Status::MarGone << true;
    QTest::newRow("TASK_UNKNOWN") << QStringLiteral("TASK_UNKNOWN") << Status::MarUnknown << true;
    // TASK_LOST without reason or message: a missing reason (proto default 0) is Gone.
    QTest::newRow("TASK_LOST, no reason") << QStringLiteral("TASK_LOST") << Status::MarGone << true;

    // "Condition(str) is case-insensitive".
    QTest::newRow("task_running") << QStringLiteral("task_running") << Status::MarRunning << true;
    QTest::newRow("Task_Finished") << QStringLiteral("Task_Finished") << Status::MarFinished << true;
    QTest::newRow("task_gone_by_operator") << QStringLiteral("task_gone_by_operator") << Status::MarGone << true;
    QTest::newRow("task_lost") << QStringLiteral("task_lost") << Status::MarGone << true;

    // Deviation (4): "unknown strings become Unknown", as Marathon's Condition(str) does.
    QTest::newRow("empty") << QString() << Status::MarUnknown << false;
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << Status::MarUnknown << false;
    QTest::newRow("condition name") << QStringLiteral("Running") << Status::MarUnknown << false;
    QTest::newRow("prefix only") << QStringLiteral("TASK_") << Status::MarUnknown << false;
    QTest::newRow("truncated") << QStringLiteral("TASK_RUNNIN") << Status::MarUnknown << false;
    QTest::newRow("longer") << QStringLiteral("TASK_RUNNINGS") << Status::MarUnknown << false;
    QTest::newRow("lost prefix") << QStringLiteral("TASK_LOSTX") << Status::MarUnknown << false;
    QTest::newRow("not latin") << QStringLiteral("TASK_RÜNNING") << Status::MarUnknown << false;
    QTest::newRow("nul inside") << QString(QStringLiteral("TASK_RUNNING") + QChar(0) + u'x')
                                << Status::MarUnknown << false;
    QTest::newRow("TASK_UNKNOWN itself") << QStringLiteral("TASK_UNKNOWN") << Status::MarUnknown << true;
}

void TestMarathonStatus::fromMesosState()
{
    QFETCH(QString, state);
    QFETCH(Status, expected);
    QFETCH(bool, known);

    QCOMPARE(MarathonStatus::fromMesosState(state), expected);
    QCOMPARE(MarathonStatus::isKnownMesosState(state), known);
    // Whatever the input, the answer belongs to Marathon's taxonomy.
    QCOMPARE(int(StatusTaxonomy::system(MarathonStatus::fromMesosState(state))), int(TaskSystem::Marathon));
    // A reason or a message only matters for TASK_LOST.
    if (state.compare(QLatin1StringView("TASK_LOST"), Qt::CaseInsensitive) != 0) {
        QCOMPARE(MarathonStatus::fromMesosState(state, u"REASON_TASK_UNKNOWN", prefix), expected);
        QCOMPARE(MarathonStatus::fromMesosState(state, u"REASON_RECONCILIATION"), expected);
    }
}

void TestMarathonStatus::resolveLost_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("message");
    QTest::addColumn<Status>("expected");

    // marathon-api.md §5, "How TASK_LOST is resolved, in order". Rule 3: reconciliation
    // hides the original reason, so Marathon assumes the task may come back.
    QTest::newRow("REASON_RECONCILIATION") << QStringLiteral("REASON_RECONCILIATION") << QString()
                                           << Status::MarUnreachable;
    QTest::newRow("REASON_SLAVE_DISCONNECTED") << QStringLiteral("REASON_SLAVE_DISCONNECTED") << QString()
                                               << Status::MarUnreachable;
    QTest::newRow("REASON_AGENT_DISCONNECTED (v1)") << QStringLiteral("REASON_AGENT_DISCONNECTED") << QString()
                                                    << Status::MarUnreachable;
    QTest::newRow("REASON_SLAVE_REMOVED") << QStringLiteral("REASON_SLAVE_REMOVED") << QString()
                                          << Status::MarUnreachable;
    QTest::newRow("REASON_AGENT_REMOVED (v1)") << QStringLiteral("REASON_AGENT_REMOVED") << QString()
                                               << Status::MarUnreachable;

    // Rule 1.
    QTest::newRow("REASON_TASK_UNKNOWN") << QStringLiteral("REASON_TASK_UNKNOWN") << QString()
                                         << Status::MarUnknown;
    QTest::newRow("message prefix, no reason") << QString() << prefix << Status::MarUnknown;
    QTest::newRow("message prefix + master") << QString() << QString(prefix + u" master")
                                             << Status::MarUnknown;
    QTest::newRow("message prefix + other reason") << QStringLiteral("REASON_EXECUTOR_TERMINATED")
                                                   << QString(prefix + u" master") << Status::MarUnknown;
    // The message rule comes first, so it wins over reasons that would mean Unreachable.
    QTest::newRow("message wins over RECONCILIATION") << QStringLiteral("REASON_RECONCILIATION")
                                                      << QString(prefix + u" master") << Status::MarUnknown;
    QTest::newRow("message wins over AGENT_DISCONNECTED") << QStringLiteral("REASON_AGENT_DISCONNECTED")
                                                          << prefix << Status::MarUnknown;
    QTest::newRow("message wins over SLAVE_REMOVED") << QStringLiteral("REASON_SLAVE_REMOVED")
                                                     << QString(prefix + u" agent") << Status::MarUnknown;
    // Only a message that *starts* with the phrase counts.
    QTest::newRow("phrase not at start") << QStringLiteral("REASON_RECONCILIATION")
                                         << QString(u"Note: " + prefix) << Status::MarUnreachable;
    QTest::newRow("phrase not at start, no reason") << QString() << QString(u"Note: " + prefix)
                                                    << Status::MarGone;
    QTest::newRow("other message, unreachable reason") << QStringLiteral("REASON_AGENT_REMOVED")
                                                       << QStringLiteral("Agent removed") << Status::MarUnreachable;

    // Rule 2: any other reason, the v1 agent reasons and a missing reason are Gone.
    QTest::newRow("REASON_AGENT_RESTARTED") << QStringLiteral("REASON_AGENT_RESTARTED") << QString()
                                            << Status::MarGone;
    QTest::newRow("REASON_AGENT_UNKNOWN") << QStringLiteral("REASON_AGENT_UNKNOWN") << QString()
                                          << Status::MarGone;
    QTest::newRow("REASON_AGENT_REMOVED_BY_OPERATOR") << QStringLiteral("REASON_AGENT_REMOVED_BY_OPERATOR")
                                                      << QString() << Status::MarGone;
    QTest::newRow("empty reason") << QString() << QString() << Status::MarGone;
    QTest::newRow("REASON_EXECUTOR_TERMINATED") << QStringLiteral("REASON_EXECUTOR_TERMINATED") << QString()
                                                << Status::MarGone;
    QTest::newRow("REASON_CONTAINER_LAUNCH_FAILED") << QStringLiteral("REASON_CONTAINER_LAUNCH_FAILED")
                                                    << QStringLiteral("Failed to launch") << Status::MarGone;
    QTest::newRow("garbage reason") << QStringLiteral("frobnicated") << QString() << Status::MarGone;
    QTest::newRow("reason with suffix") << QStringLiteral("REASON_RECONCILIATION_X") << QString()
                                        << Status::MarGone;
}

void TestMarathonStatus::resolveLost()
{
    QFETCH(QString, reason);
    QFETCH(QString, message);
    QFETCH(Status, expected);

    QCOMPARE(MarathonStatus::resolveLost(reason, message), expected);
    // fromMesosState resolves TASK_LOST the same way, whatever the case of the state.
    QCOMPARE(MarathonStatus::fromMesosState(u"TASK_LOST", reason, message), expected);
    QCOMPARE(MarathonStatus::fromMesosState(u"task_lost", reason, message), expected);
}

void TestMarathonStatus::fromCondition_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<Status>("expected");

    // The conditions of marathon-api.md §1 (instance_changed_event) and §5.
    QTest::newRow("Scheduled") << QStringLiteral("Scheduled") << Status::MarScheduled;
    QTest::newRow("Provisioned") << QStringLiteral("Provisioned") << Status::MarStaging;  // deviation (3)
    QTest::newRow("Staging") << QStringLiteral("Staging") << Status::MarStaging;
    QTest::newRow("Starting") << QStringLiteral("Starting") << Status::MarStarting;
    QTest::newRow("Running") << QStringLiteral("Running") << Status::MarRunning;
    QTest::newRow("Killing") << QStringLiteral("Killing") << Status::MarKilling;
    QTest::newRow("Unreachable") << QStringLiteral("Unreachable") << Status::MarUnreachable;
    // Deviation (3): shown as TASK_UNREACHABLE by /v2/tasks.
    QTest::newRow("UnreachableInactive") << QStringLiteral("UnreachableInactive") << Status::MarUnreachable;
    QTest::newRow("Finished") << QStringLiteral("Finished") << Status::MarFinished;
    QTest::newRow("Killed") << QStringLiteral("Killed") << Status::MarKilled;
    QTest::newRow("Failed") << QStringLiteral("Failed") << Status::MarFailed;
    QTest::newRow("Error") << QStringLiteral("Error") << Status::MarError;
    QTest::newRow("Dropped") << QStringLiteral("Dropped") << Status::MarDropped;
    QTest::newRow("Gone") << QStringLiteral("Gone") << Status::MarGone;
    QTest::newRow("Unknown") << QStringLiteral("Unknown") << Status::MarUnknown;

    // Case-insensitive.
    QTest::newRow("running") << QStringLiteral("running") << Status::MarRunning;
    QTest::newRow("UNREACHABLEINACTIVE") << QStringLiteral("UNREACHABLEINACTIVE") << Status::MarUnreachable;
    QTest::newRow("provisioned") << QStringLiteral("provisioned") << Status::MarStaging;
    QTest::newRow("sCHEDULED") << QStringLiteral("sCHEDULED") << Status::MarScheduled;
    QTest::newRow("gone") << QStringLiteral("gone") << Status::MarGone;

    // Unknown strings become Unknown.
    QTest::newRow("empty") << QString() << Status::MarUnknown;
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << Status::MarUnknown;
    QTest::newRow("Mesos state") << QStringLiteral("TASK_RUNNING") << Status::MarUnknown;
    QTest::newRow("Unreachable Inactive") << QStringLiteral("Unreachable Inactive") << Status::MarUnknown;
    QTest::newRow("Run") << QStringLiteral("Run") << Status::MarUnknown;
    QTest::newRow("Lost") << QStringLiteral("Lost") << Status::MarUnknown;
}

void TestMarathonStatus::fromCondition()
{
    QFETCH(QString, condition);
    QFETCH(Status, expected);

    const Status status = MarathonStatus::fromCondition(condition);
    QCOMPARE(status, expected);
    QCOMPARE(int(StatusTaxonomy::system(status)), int(TaskSystem::Marathon));
}

QTEST_GUILESS_MAIN(TestMarathonStatus)
#include "tst_marathonstatus.moc"
