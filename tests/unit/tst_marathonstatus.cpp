// SPDX-License-Identifier: GPL-3.0-or-later
// Marathon's Mesos state and condition mapping, checked against reference/marathon-api.md
// §5 and DESIGN.md §3.2 (not against marathonstatus.cpp).
#include "backends/marathon/marathonstatus.h"

#include <QTest>

namespace {
QByteArray statusName(Status status)
{
    static const char *const names[] = {"MarScheduled", "MarStaging", "MarStarting", "MarRunning",
                                        "MarKilling",   "MarUnreachable", "MarFinished", "MarKilled",
                                        "MarFailed",    "MarError",   "MarDropped", "MarGone", "MarUnknown"};
    static_assert(std::size(names) == size_t(MarStatus::Count_));
    if (const std::optional<MarStatus> local = MarathonSystem::local(status))
        return names[size_t(*local)];
    return "Status(" + QByteArray::number(int(status)) + ')';
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
    QTest::newRow("TASK_STAGING") << QStringLiteral("TASK_STAGING") << mar(MarStatus::Staging) << true;
    QTest::newRow("TASK_STARTING") << QStringLiteral("TASK_STARTING") << mar(MarStatus::Starting) << true;
    QTest::newRow("TASK_RUNNING") << QStringLiteral("TASK_RUNNING") << mar(MarStatus::Running) << true;
    QTest::newRow("TASK_KILLING") << QStringLiteral("TASK_KILLING") << mar(MarStatus::Killing) << true;
    QTest::newRow("TASK_FINISHED") << QStringLiteral("TASK_FINISHED") << mar(MarStatus::Finished) << true;
    QTest::newRow("TASK_FAILED") << QStringLiteral("TASK_FAILED") << mar(MarStatus::Failed) << true;
    QTest::newRow("TASK_KILLED") << QStringLiteral("TASK_KILLED") << mar(MarStatus::Killed) << true;
    QTest::newRow("TASK_ERROR") << QStringLiteral("TASK_ERROR") << mar(MarStatus::Error) << true;
    QTest::newRow("TASK_DROPPED") << QStringLiteral("TASK_DROPPED") << mar(MarStatus::Dropped) << true;
    QTest::newRow("TASK_UNREACHABLE") << QStringLiteral("TASK_UNREACHABLE") << mar(MarStatus::Unreachable) << true;
    QTest::newRow("TASK_GONE") << QStringLiteral("TASK_GONE") << mar(MarStatus::Gone) << true;
    // Deviation (3): both Gone states are one status.
    QTest::newRow("TASK_GONE_BY_OPERATOR") << QStringLiteral("TASK_GONE_BY_OPERATOR") << mar(MarStatus::Gone) << true;
    QTest::newRow("TASK_UNKNOWN") << QStringLiteral("TASK_UNKNOWN") << mar(MarStatus::Unknown) << true;
    // TASK_LOST without reason or message: a missing reason (proto default 0) is Gone.
    QTest::newRow("TASK_LOST, no reason") << QStringLiteral("TASK_LOST") << mar(MarStatus::Gone) << true;

    // "Condition(str) is case-insensitive".
    QTest::newRow("task_running") << QStringLiteral("task_running") << mar(MarStatus::Running) << true;
    QTest::newRow("Task_Finished") << QStringLiteral("Task_Finished") << mar(MarStatus::Finished) << true;
    QTest::newRow("task_gone_by_operator") << QStringLiteral("task_gone_by_operator") << mar(MarStatus::Gone) << true;
    QTest::newRow("task_lost") << QStringLiteral("task_lost") << mar(MarStatus::Gone) << true;

    // Deviation (4): "unknown strings become Unknown", as Marathon's Condition(str) does.
    QTest::newRow("empty") << QString() << mar(MarStatus::Unknown) << false;
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << mar(MarStatus::Unknown) << false;
    QTest::newRow("condition name") << QStringLiteral("Running") << mar(MarStatus::Unknown) << false;
    QTest::newRow("prefix only") << QStringLiteral("TASK_") << mar(MarStatus::Unknown) << false;
    QTest::newRow("truncated") << QStringLiteral("TASK_RUNNIN") << mar(MarStatus::Unknown) << false;
    QTest::newRow("longer") << QStringLiteral("TASK_RUNNINGS") << mar(MarStatus::Unknown) << false;
    QTest::newRow("lost prefix") << QStringLiteral("TASK_LOSTX") << mar(MarStatus::Unknown) << false;
    QTest::newRow("not latin") << QStringLiteral("TASK_RÜNNING") << mar(MarStatus::Unknown) << false;
    QTest::newRow("nul inside") << QString(QStringLiteral("TASK_RUNNING") + QChar(0) + u'x')
                                << mar(MarStatus::Unknown) << false;
    QTest::newRow("TASK_UNKNOWN itself") << QStringLiteral("TASK_UNKNOWN") << mar(MarStatus::Unknown) << true;
}

void TestMarathonStatus::fromMesosState()
{
    QFETCH(QString, state);
    QFETCH(Status, expected);
    QFETCH(bool, known);

    QCOMPARE(MarathonStatus::fromMesosState(state), expected);
    QCOMPARE(MarathonStatus::isKnownMesosState(state), known);
    // Whatever the input, the answer belongs to Marathon's taxonomy.
    QCOMPARE(int(StatusTaxonomy::system(MarathonStatus::fromMesosState(state))), int(MarathonSystem::id()));
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
                                           << mar(MarStatus::Unreachable);
    QTest::newRow("REASON_SLAVE_DISCONNECTED") << QStringLiteral("REASON_SLAVE_DISCONNECTED") << QString()
                                               << mar(MarStatus::Unreachable);
    QTest::newRow("REASON_AGENT_DISCONNECTED (v1)") << QStringLiteral("REASON_AGENT_DISCONNECTED") << QString()
                                                    << mar(MarStatus::Unreachable);
    QTest::newRow("REASON_SLAVE_REMOVED") << QStringLiteral("REASON_SLAVE_REMOVED") << QString()
                                          << mar(MarStatus::Unreachable);
    QTest::newRow("REASON_AGENT_REMOVED (v1)") << QStringLiteral("REASON_AGENT_REMOVED") << QString()
                                               << mar(MarStatus::Unreachable);

    // Rule 1.
    QTest::newRow("REASON_TASK_UNKNOWN") << QStringLiteral("REASON_TASK_UNKNOWN") << QString()
                                         << mar(MarStatus::Unknown);
    QTest::newRow("message prefix, no reason") << QString() << prefix << mar(MarStatus::Unknown);
    QTest::newRow("message prefix + master") << QString() << QString(prefix + u" master")
                                             << mar(MarStatus::Unknown);
    QTest::newRow("message prefix + other reason") << QStringLiteral("REASON_EXECUTOR_TERMINATED")
                                                   << QString(prefix + u" master") << mar(MarStatus::Unknown);
    // The message rule comes first, so it wins over reasons that would mean Unreachable.
    QTest::newRow("message wins over RECONCILIATION") << QStringLiteral("REASON_RECONCILIATION")
                                                      << QString(prefix + u" master") << mar(MarStatus::Unknown);
    QTest::newRow("message wins over AGENT_DISCONNECTED") << QStringLiteral("REASON_AGENT_DISCONNECTED")
                                                          << prefix << mar(MarStatus::Unknown);
    QTest::newRow("message wins over SLAVE_REMOVED") << QStringLiteral("REASON_SLAVE_REMOVED")
                                                     << QString(prefix + u" agent") << mar(MarStatus::Unknown);
    // Only a message that *starts* with the phrase counts.
    QTest::newRow("phrase not at start") << QStringLiteral("REASON_RECONCILIATION")
                                         << QString(u"Note: " + prefix) << mar(MarStatus::Unreachable);
    QTest::newRow("phrase not at start, no reason") << QString() << QString(u"Note: " + prefix)
                                                    << mar(MarStatus::Gone);
    QTest::newRow("other message, unreachable reason") << QStringLiteral("REASON_AGENT_REMOVED")
                                                       << QStringLiteral("Agent removed") << mar(MarStatus::Unreachable);

    // Rule 2: any other reason, the v1 agent reasons and a missing reason are Gone.
    QTest::newRow("REASON_AGENT_RESTARTED") << QStringLiteral("REASON_AGENT_RESTARTED") << QString()
                                            << mar(MarStatus::Gone);
    QTest::newRow("REASON_AGENT_UNKNOWN") << QStringLiteral("REASON_AGENT_UNKNOWN") << QString()
                                          << mar(MarStatus::Gone);
    QTest::newRow("REASON_AGENT_REMOVED_BY_OPERATOR") << QStringLiteral("REASON_AGENT_REMOVED_BY_OPERATOR")
                                                      << QString() << mar(MarStatus::Gone);
    QTest::newRow("empty reason") << QString() << QString() << mar(MarStatus::Gone);
    QTest::newRow("REASON_EXECUTOR_TERMINATED") << QStringLiteral("REASON_EXECUTOR_TERMINATED") << QString()
                                                << mar(MarStatus::Gone);
    QTest::newRow("REASON_CONTAINER_LAUNCH_FAILED") << QStringLiteral("REASON_CONTAINER_LAUNCH_FAILED")
                                                    << QStringLiteral("Failed to launch") << mar(MarStatus::Gone);
    QTest::newRow("garbage reason") << QStringLiteral("frobnicated") << QString() << mar(MarStatus::Gone);
    QTest::newRow("reason with suffix") << QStringLiteral("REASON_RECONCILIATION_X") << QString()
                                        << mar(MarStatus::Gone);
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
    QTest::newRow("Scheduled") << QStringLiteral("Scheduled") << mar(MarStatus::Scheduled);
    QTest::newRow("Provisioned") << QStringLiteral("Provisioned") << mar(MarStatus::Staging);  // deviation (3)
    QTest::newRow("Staging") << QStringLiteral("Staging") << mar(MarStatus::Staging);
    QTest::newRow("Starting") << QStringLiteral("Starting") << mar(MarStatus::Starting);
    QTest::newRow("Running") << QStringLiteral("Running") << mar(MarStatus::Running);
    QTest::newRow("Killing") << QStringLiteral("Killing") << mar(MarStatus::Killing);
    QTest::newRow("Unreachable") << QStringLiteral("Unreachable") << mar(MarStatus::Unreachable);
    // Deviation (3): shown as TASK_UNREACHABLE by /v2/tasks.
    QTest::newRow("UnreachableInactive") << QStringLiteral("UnreachableInactive") << mar(MarStatus::Unreachable);
    QTest::newRow("Finished") << QStringLiteral("Finished") << mar(MarStatus::Finished);
    QTest::newRow("Killed") << QStringLiteral("Killed") << mar(MarStatus::Killed);
    QTest::newRow("Failed") << QStringLiteral("Failed") << mar(MarStatus::Failed);
    QTest::newRow("Error") << QStringLiteral("Error") << mar(MarStatus::Error);
    QTest::newRow("Dropped") << QStringLiteral("Dropped") << mar(MarStatus::Dropped);
    QTest::newRow("Gone") << QStringLiteral("Gone") << mar(MarStatus::Gone);
    QTest::newRow("Unknown") << QStringLiteral("Unknown") << mar(MarStatus::Unknown);

    // Case-insensitive.
    QTest::newRow("running") << QStringLiteral("running") << mar(MarStatus::Running);
    QTest::newRow("UNREACHABLEINACTIVE") << QStringLiteral("UNREACHABLEINACTIVE") << mar(MarStatus::Unreachable);
    QTest::newRow("provisioned") << QStringLiteral("provisioned") << mar(MarStatus::Staging);
    QTest::newRow("sCHEDULED") << QStringLiteral("sCHEDULED") << mar(MarStatus::Scheduled);
    QTest::newRow("gone") << QStringLiteral("gone") << mar(MarStatus::Gone);

    // Unknown strings become Unknown.
    QTest::newRow("empty") << QString() << mar(MarStatus::Unknown);
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << mar(MarStatus::Unknown);
    QTest::newRow("Mesos state") << QStringLiteral("TASK_RUNNING") << mar(MarStatus::Unknown);
    QTest::newRow("Unreachable Inactive") << QStringLiteral("Unreachable Inactive") << mar(MarStatus::Unknown);
    QTest::newRow("Run") << QStringLiteral("Run") << mar(MarStatus::Unknown);
    QTest::newRow("Lost") << QStringLiteral("Lost") << mar(MarStatus::Unknown);
}

void TestMarathonStatus::fromCondition()
{
    QFETCH(QString, condition);
    QFETCH(Status, expected);

    const Status status = MarathonStatus::fromCondition(condition);
    QCOMPARE(status, expected);
    QCOMPARE(int(StatusTaxonomy::system(status)), int(MarathonSystem::id()));
}

QTEST_GUILESS_MAIN(TestMarathonStatus)
#include "tst_marathonstatus.moc"
