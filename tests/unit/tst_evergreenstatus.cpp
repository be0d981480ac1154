// SPDX-License-Identifier: GPL-3.0-or-later
// Evergreen's display-status derivation, checked against reference/evergreen-api.md §1.2
// (the server's twelve rules, first match wins) and DESIGN.md §3.1; written from those
// documents, not from evergreenstatus.cpp.
#include "backends/evergreen/evergreenstatus.h"

#include <QList>
#include <QTest>

namespace {
QByteArray statusName(Status status)
{
    static const char *const names[] = {
        "EvgUnscheduled", "EvgInactive",     "EvgPending",       "EvgWillRun",       "EvgDispatched",
        "EvgStarted",     "EvgAborting",     "EvgSuccess",       "EvgFailed",        "EvgKnownIssue",
        "EvgTaskTimedOut", "EvgTestTimedOut", "EvgSetupFailed",  "EvgSystemFailed",  "EvgSystemTimedOut",
        "EvgSystemUnresponsive", "EvgAborted", "EvgBlocked",     "EvgOther"};
    static_assert(std::size(names) == size_t(EvgStatus::Count_));
    if (status == Status::Unset)
        return "Unset";
    if (const std::optional<EvgStatus> local = EvergreenSystem::local(status))
        return names[size_t(*local)];
    return "Status(" + QByteArray::number(int(status)) + ')';
}

// Raw fields of one row, everything off unless a row says otherwise.
struct Raw
{
    const char *status;
    CommandType type = CommandType::Unset;
    bool timedOut = false;
    const char *desc = "";
    bool activated = false;
    bool aborted = false;
    bool blocked = false;
    bool annotations = false;
};

void addRow(const char *name, const Raw &raw, Status expected)
{
    QTest::newRow(name) << QString::fromLatin1(raw.status) << raw.type << raw.timedOut
                        << QString::fromLatin1(raw.desc) << raw.activated << raw.aborted
                        << raw.blocked << raw.annotations << expected;
}

constexpr CommandType Test = CommandType::Test;
constexpr CommandType System = CommandType::System;
constexpr CommandType Setup = CommandType::Setup;
} // namespace

char *toString(Status status)
{
    return qstrdup(statusName(status).constData());
}

class TestEvergreenStatus final : public QObject
{
    Q_OBJECT

private slots:
    void derive_data();
    void derive();
    void fromDisplayStatus_data();
    void fromDisplayStatus();
    void keysAreDisplayStatuses();
    void commandTypeFromString_data();
    void commandTypeFromString();
    void timeoutTypeFromString_data();
    void timeoutTypeFromString();
    void defaultTimeouts_data();
    void defaultTimeouts();
};

void TestEvergreenStatus::derive_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<QString>("desc");
    QTest::addColumn<bool>("activated");
    QTest::addColumn<bool>("aborted");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<bool>("hasAnnotations");
    QTest::addColumn<Status>("expected");

    // Rule 1: has_annotations → known-issue, before everything else.
    addRow("1 failed + annotations", {.status = "failed", .type = Test, .activated = true, .annotations = true},
           evg(EvgStatus::KnownIssue));
    addRow("1 failed + annotations + timed out",
           {.status = "failed", .type = Test, .timedOut = true, .activated = true, .annotations = true},
           evg(EvgStatus::KnownIssue));
    addRow("1 system failure + annotations",
           {.status = "failed", .type = System, .timedOut = true, .desc = "heartbeat", .annotations = true},
           evg(EvgStatus::KnownIssue));
    addRow("1 setup failure + annotations", {.status = "failed", .type = Setup, .annotations = true},
           evg(EvgStatus::KnownIssue));
    addRow("1 aborted + annotations", {.status = "failed", .type = Test, .desc = "aborted", .aborted = true,
                                       .annotations = true},
           evg(EvgStatus::KnownIssue));
    addRow("1 success + annotations", {.status = "success", .annotations = true}, evg(EvgStatus::KnownIssue));

    // Rule 2: aborted → aborted; taskmon shows Aborting… while the raw status is still
    // started or dispatched (DESIGN.md §3.1).
    addRow("2 aborted, raw started", {.status = "started", .aborted = true}, evg(EvgStatus::Aborting));
    addRow("2 aborted, raw dispatched", {.status = "dispatched", .aborted = true}, evg(EvgStatus::Aborting));
    addRow("2 aborted, raw started, activated", {.status = "started", .activated = true, .aborted = true},
           evg(EvgStatus::Aborting));
    addRow("2 aborted, raw failed", {.status = "failed", .type = Test, .desc = "aborted", .aborted = true},
           evg(EvgStatus::Aborted));
    addRow("2 aborted, raw failed, system type", {.status = "failed", .type = System, .aborted = true},
           evg(EvgStatus::Aborted));
    addRow("2 aborted, raw failed, timed out", {.status = "failed", .type = Test, .timedOut = true,
                                                .aborted = true},
           evg(EvgStatus::Aborted));
    addRow("2 aborted, raw success", {.status = "success", .aborted = true}, evg(EvgStatus::Aborted));
    addRow("2 aborted, raw undispatched", {.status = "undispatched", .activated = true, .aborted = true,
                                           .blocked = true},
           evg(EvgStatus::Aborted));

    // Rule 3: success.
    addRow("3 success", {.status = "success", .activated = true}, evg(EvgStatus::Success));
    addRow("3 success beats timed out", {.status = "success", .type = Test, .timedOut = true}, evg(EvgStatus::Success));
    addRow("3 success beats system type", {.status = "success", .type = System, .timedOut = true,
                                           .desc = "heartbeat"},
           evg(EvgStatus::Success));
    addRow("3 success beats setup type", {.status = "success", .type = Setup}, evg(EvgStatus::Success));

    // Rule 4: details.type setup, before the system and timeout rules.
    addRow("4 setup", {.status = "failed", .type = Setup}, evg(EvgStatus::SetupFailed));
    addRow("4 setup beats timed out", {.status = "failed", .type = Setup, .timedOut = true}, evg(EvgStatus::SetupFailed));
    addRow("4 setup beats heartbeat", {.status = "failed", .type = Setup, .timedOut = true, .desc = "heartbeat"},
           evg(EvgStatus::SetupFailed));

    // Rules 5–7: system.
    addRow("5 system + timed out + heartbeat", {.status = "failed", .type = System, .timedOut = true,
                                                .desc = "heartbeat"},
           evg(EvgStatus::SystemUnresponsive));
    addRow("6 system + timed out", {.status = "failed", .type = System, .timedOut = true},
           evg(EvgStatus::SystemTimedOut));
    addRow("6 system + timed out + stranded", {.status = "failed", .type = System, .timedOut = true,
                                               .desc = "stranded"},
           evg(EvgStatus::SystemTimedOut));
    addRow("7 system", {.status = "failed", .type = System}, evg(EvgStatus::SystemFailed));
    addRow("7 system + heartbeat, not timed out", {.status = "failed", .type = System, .desc = "heartbeat"},
           evg(EvgStatus::SystemFailed));
    addRow("7 system + stranded", {.status = "failed", .type = System, .desc = "stranded"},
           evg(EvgStatus::SystemFailed));

    // Rule 8: any other timeout is the task's own.
    addRow("8 test + timed out", {.status = "failed", .type = Test, .timedOut = true}, evg(EvgStatus::TaskTimedOut));
    addRow("8 untyped + timed out", {.status = "failed", .timedOut = true}, evg(EvgStatus::TaskTimedOut));
    addRow("8 test + timed out + heartbeat", {.status = "failed", .type = Test, .timedOut = true,
                                              .desc = "heartbeat"},
           evg(EvgStatus::TaskTimedOut));
    addRow("8 legacy test-timed-out with details", {.status = "test-timed-out", .type = Test, .timedOut = true},
           evg(EvgStatus::TaskTimedOut));

    // Rules 9–11: undispatched.
    addRow("9 undispatched, not activated", {.status = "undispatched"}, evg(EvgStatus::Unscheduled));
    addRow("9 undispatched, not activated, blocked", {.status = "undispatched", .blocked = true},
           evg(EvgStatus::Unscheduled));
    addRow("10 undispatched, activated, blocked", {.status = "undispatched", .activated = true, .blocked = true},
           evg(EvgStatus::Blocked));
    addRow("11 undispatched, activated", {.status = "undispatched", .activated = true}, evg(EvgStatus::WillRun));

    // Rule 12: otherwise the raw status.
    addRow("12 dispatched", {.status = "dispatched", .activated = true}, evg(EvgStatus::Dispatched));
    addRow("12 started", {.status = "started", .activated = true}, evg(EvgStatus::Started));
    addRow("12 started, not activated", {.status = "started"}, evg(EvgStatus::Started));
    addRow("12 started, blocked", {.status = "started", .activated = true, .blocked = true}, evg(EvgStatus::Started));
    addRow("12 failed", {.status = "failed", .type = Test, .activated = true}, evg(EvgStatus::Failed));
    addRow("12 failed, untyped", {.status = "failed"}, evg(EvgStatus::Failed));
    addRow("12 failed, blocked", {.status = "failed", .type = Test, .blocked = true}, evg(EvgStatus::Failed));
    addRow("12 failed, heartbeat desc only", {.status = "failed", .type = Test, .desc = "heartbeat"},
           evg(EvgStatus::Failed));
    addRow("12 pending", {.status = "pending"}, evg(EvgStatus::Pending));
    // Legacy raw statuses (§1.1): inactive is unscheduled, test-timed-out is no longer produced.
    addRow("12 legacy inactive", {.status = "inactive"}, evg(EvgStatus::Inactive));
    addRow("12 legacy test-timed-out", {.status = "test-timed-out"}, evg(EvgStatus::TestTimedOut));
    // Deviation (4): a status this version does not know.
    addRow("12 unknown raw status", {.status = "frobnicated", .activated = true}, evg(EvgStatus::Other));
    addRow("12 empty raw status", {.status = ""}, evg(EvgStatus::Other));
}

void TestEvergreenStatus::derive()
{
    QFETCH(QString, status);
    QFETCH(CommandType, type);
    QFETCH(bool, timedOut);
    QFETCH(QString, desc);
    QFETCH(bool, activated);
    QFETCH(bool, aborted);
    QFETCH(bool, blocked);
    QFETCH(bool, hasAnnotations);
    QFETCH(Status, expected);

    EvergreenRawStatus raw;
    raw.status = status;
    raw.detailsType = type;
    raw.timedOut = timedOut;
    raw.detailsDescription = desc;
    raw.activated = activated;
    raw.aborted = aborted;
    raw.blocked = blocked;
    raw.hasAnnotations = hasAnnotations;

    const Status derived = EvergreenStatus::derive(raw);
    QCOMPARE(derived, expected);
    QCOMPARE(int(StatusTaxonomy::system(derived)), int(EvergreenSystem::id()));
}

void TestEvergreenStatus::fromDisplayStatus_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<Status>>("acceptable");

    using S = Status;
    // evergreen-api.md §1.1, the raw strings.
    QTest::newRow("dispatched") << QStringLiteral("dispatched") << QList<S>{evg(EvgStatus::Dispatched)};
    QTest::newRow("started") << QStringLiteral("started") << QList<S>{evg(EvgStatus::Started)};
    QTest::newRow("success") << QStringLiteral("success") << QList<S>{evg(EvgStatus::Success)};
    QTest::newRow("failed") << QStringLiteral("failed") << QList<S>{evg(EvgStatus::Failed)};
    QTest::newRow("test-timed-out") << QStringLiteral("test-timed-out") << QList<S>{evg(EvgStatus::TestTimedOut)};
    QTest::newRow("inactive") << QStringLiteral("inactive") << QList<S>{evg(EvgStatus::Inactive)};
    QTest::newRow("pending") << QStringLiteral("pending") << QList<S>{evg(EvgStatus::Pending)};
    // "won't run if activated=false, will run if activated=true": a bare display string
    // cannot tell which, either is a fair reading.
    QTest::newRow("undispatched") << QStringLiteral("undispatched") << QList<S>{evg(EvgStatus::WillRun), evg(EvgStatus::Unscheduled)};
    // "all" is a UI filter value, not a status.
    QTest::newRow("all") << QStringLiteral("all") << QList<S>{evg(EvgStatus::Other)};

    // The display-only strings.
    QTest::newRow("unscheduled") << QStringLiteral("unscheduled") << QList<S>{evg(EvgStatus::Unscheduled)};
    QTest::newRow("will-run") << QStringLiteral("will-run") << QList<S>{evg(EvgStatus::WillRun)};
    QTest::newRow("blocked") << QStringLiteral("blocked") << QList<S>{evg(EvgStatus::Blocked)};
    QTest::newRow("aborted") << QStringLiteral("aborted") << QList<S>{evg(EvgStatus::Aborted)};
    QTest::newRow("known-issue") << QStringLiteral("known-issue") << QList<S>{evg(EvgStatus::KnownIssue)};
    QTest::newRow("setup-failed") << QStringLiteral("setup-failed") << QList<S>{evg(EvgStatus::SetupFailed)};
    QTest::newRow("system-failed") << QStringLiteral("system-failed") << QList<S>{evg(EvgStatus::SystemFailed)};
    QTest::newRow("system-timed-out") << QStringLiteral("system-timed-out") << QList<S>{evg(EvgStatus::SystemTimedOut)};
    QTest::newRow("system-unresponsive") << QStringLiteral("system-unresponsive")
                                         << QList<S>{evg(EvgStatus::SystemUnresponsive)};
    QTest::newRow("task-timed-out") << QStringLiteral("task-timed-out") << QList<S>{evg(EvgStatus::TaskTimedOut)};
    // The UI's "unstarted": a display task waiting to re-run, in the Scheduled umbrella (§2.4).
    QTest::newRow("unstarted") << QStringLiteral("unstarted") << QList<S>{evg(EvgStatus::WillRun), evg(EvgStatus::Pending)};

    // Unknown strings.
    QTest::newRow("empty") << QString() << QList<S>{evg(EvgStatus::Other)};
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << QList<S>{evg(EvgStatus::Other)};
    QTest::newRow("Marathon state") << QStringLiteral("TASK_RUNNING") << QList<S>{evg(EvgStatus::Other)};
    QTest::newRow("taskmon's aborting") << QStringLiteral("aborting") << QList<S>{evg(EvgStatus::Other)};
    QTest::newRow("label, not a status") << QStringLiteral("Succeeded") << QList<S>{evg(EvgStatus::Other)};
    QTest::newRow("prefix") << QStringLiteral("system") << QList<S>{evg(EvgStatus::Other)};
}

void TestEvergreenStatus::fromDisplayStatus()
{
    QFETCH(QString, text);
    QFETCH(QList<Status>, acceptable);

    const Status status = EvergreenStatus::fromDisplayStatus(text);
    QVERIFY2(acceptable.contains(status), statusName(status).constData());
}

void TestEvergreenStatus::keysAreDisplayStatuses()
{
    // A status key is "Evergreen's string", so every Evergreen status the server can name
    // reads back from its own key. Aborting (taskmon's name) and Other (unknown) cannot.
    for (int i = 0; i < StatusTaxonomy::count(); ++i) {
        const auto status = Status(i);
        if (StatusTaxonomy::system(status) != EvergreenSystem::id() || status == evg(EvgStatus::Aborting)
            || status == evg(EvgStatus::Other)) {
            continue;
        }
        QCOMPARE(EvergreenStatus::fromDisplayStatus(QString(StatusTaxonomy::key(status))), status);
    }
}

void TestEvergreenStatus::commandTypeFromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CommandType>("expected");

    // §1.1 details.type.
    QTest::newRow("test") << QStringLiteral("test") << CommandType::Test;
    QTest::newRow("system") << QStringLiteral("system") << CommandType::System;
    QTest::newRow("setup") << QStringLiteral("setup") << CommandType::Setup;
    QTest::newRow("empty") << QString() << CommandType::Unset;
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << CommandType::Unset;
    QTest::newRow("setup-failed") << QStringLiteral("setup-failed") << CommandType::Unset;
    QTest::newRow("tests") << QStringLiteral("tests") << CommandType::Unset;
}

void TestEvergreenStatus::commandTypeFromString()
{
    QFETCH(QString, text);
    QFETCH(CommandType, expected);
    QCOMPARE(int(EvergreenStatus::commandTypeFromString(text)), int(expected));
}

void TestEvergreenStatus::timeoutTypeFromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TimeoutType>("expected");

    // §5: "one of exec, idle, callback, pre, post, setup_group, setup_task, teardown_task,
    // teardown_group".
    QTest::newRow("exec") << QStringLiteral("exec") << TimeoutType::Exec;
    QTest::newRow("idle") << QStringLiteral("idle") << TimeoutType::Idle;
    QTest::newRow("callback") << QStringLiteral("callback") << TimeoutType::Callback;
    QTest::newRow("pre") << QStringLiteral("pre") << TimeoutType::Pre;
    QTest::newRow("post") << QStringLiteral("post") << TimeoutType::Post;
    QTest::newRow("setup_group") << QStringLiteral("setup_group") << TimeoutType::SetupGroup;
    QTest::newRow("setup_task") << QStringLiteral("setup_task") << TimeoutType::SetupTask;
    QTest::newRow("teardown_task") << QStringLiteral("teardown_task") << TimeoutType::TeardownTask;
    QTest::newRow("teardown_group") << QStringLiteral("teardown_group") << TimeoutType::TeardownGroup;
    // No timeout recorded.
    QTest::newRow("empty") << QString() << TimeoutType::None;
    // Anything else is a timeout of a kind this version does not know.
    QTest::newRow("garbage") << QStringLiteral("frobnicated") << TimeoutType::Other;
    QTest::newRow("prefix") << QStringLiteral("setup") << TimeoutType::Other;
    QTest::newRow("longer") << QStringLiteral("exec_timeout_secs") << TimeoutType::Other;
}

void TestEvergreenStatus::timeoutTypeFromString()
{
    QFETCH(QString, text);
    QFETCH(TimeoutType, expected);
    const TimeoutType type = EvergreenStatus::timeoutTypeFromString(text);
    QCOMPARE(int(type), int(expected));
    // The key names the timeout the way Evergreen does.
    if (expected != TimeoutType::None && expected != TimeoutType::Other)
        QCOMPARE(QString(StatusTaxonomy::timeoutTypeKey(type)), text);
}

void TestEvergreenStatus::defaultTimeouts_data()
{
    QTest::addColumn<TimeoutType>("type");
    QTest::addColumn<qint64>("seconds");

    // §5 defaults (agent/globals/globals.go); DESIGN.md §3.1: exec 6 h, idle 2 h.
    QTest::newRow("exec") << TimeoutType::Exec << qint64(6 * 3600);
    QTest::newRow("idle") << TimeoutType::Idle << qint64(2 * 3600);
    QTest::newRow("callback") << TimeoutType::Callback << qint64(15 * 60);
    QTest::newRow("pre") << TimeoutType::Pre << qint64(2 * 3600);
    QTest::newRow("post") << TimeoutType::Post << qint64(30 * 60);
    QTest::newRow("teardown_group") << TimeoutType::TeardownGroup << qint64(3 * 60);
}

void TestEvergreenStatus::defaultTimeouts()
{
    QFETCH(TimeoutType, type);
    QFETCH(qint64, seconds);
    QCOMPARE(EvergreenStatus::defaultTimeoutSeconds(type), seconds);
}

QTEST_GUILESS_MAIN(TestEvergreenStatus)
#include "tst_evergreenstatus.moc"
