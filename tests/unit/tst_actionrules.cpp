// SPDX-License-Identifier: GPL-3.0-or-later
// Which action is allowed in which status, checked against DESIGN.md §3.1/§3.2 and §4
// (selection summaries, --read-only). The expected table below is written out from the
// specification, with the documented deviations marked; it never asks the code.
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "domain/actionrules.h"

#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <initializer_list>
#include <iterator>
#include <limits>

namespace {
using A = TaskAction;
using S = Status;

quint32 actions(std::initializer_list<TaskAction> list)
{
    quint32 mask = 0;
    for (TaskAction action : list)
        mask |= 1u << int(action);
    return mask;
}

const char *const actionNames[] = {
    "Abort", "Restart", "Schedule", "Unschedule", "SetPriority", "OverrideDependencies",
    "Kill", "KillAndScale", "KillAndWipe", "RestartApp",
};

struct Expected
{
    Status status;
    const char *name;
    SystemId source;     // the connection such a task comes from
    quint32 allowed;       // without local volumes
    quint32 withVolumes;   // with TaskFlag::HasLocalVolumes
};

// §3.1 Evergreen.
const quint32 EvgParked = actions({evgAction(EvgAction::Schedule), evgAction(EvgAction::SetPriority)});        // unscheduled, inactive
const quint32 EvgQueued = actions({evgAction(EvgAction::Unschedule), evgAction(EvgAction::SetPriority)});      // pending, will-run
const quint32 EvgFinished = actions({evgAction(EvgAction::Restart)});
// §3.2 Marathon. Deviation (2): "Restart app (the task's whole app) for any task", so every
// Marathon status allows Restart App; Kill & Wipe additionally needs local volumes.
const quint32 MarActive = actions({marAction(MarAction::Kill), marAction(MarAction::KillAndScale), marAction(MarAction::RestartApp)});
const quint32 MarActiveVolumes = MarActive | actions({marAction(MarAction::KillAndWipe)});
const quint32 MarAppOnly = actions({marAction(MarAction::RestartApp)});

const SystemId Evg = EvergreenSystem::id();
const SystemId Mar = MarathonSystem::id();

const Expected expectedTable[] = {
    // Not known yet: nothing to act on.
    {S::Unset, "Unset", NoSystem, 0, 0},

    {evg(EvgStatus::Unscheduled), "EvgUnscheduled", Evg, EvgParked, EvgParked},
    {evg(EvgStatus::Inactive), "EvgInactive", Evg, EvgParked, EvgParked},
    {evg(EvgStatus::Pending), "EvgPending", Evg, EvgQueued, EvgQueued},
    {evg(EvgStatus::WillRun), "EvgWillRun", Evg, EvgQueued, EvgQueued},
    // Deviation (1): DESIGN.md offers Unschedule; the server's IsAbortable accepts dispatched
    // tasks and Evergreen's canUnschedule refuses them, so dispatched allows Abort only.
    {evg(EvgStatus::Dispatched), "EvgDispatched", Evg, actions({evgAction(EvgAction::Abort)}), actions({evgAction(EvgAction::Abort)})},
    {evg(EvgStatus::Started), "EvgStarted", Evg, actions({evgAction(EvgAction::Abort)}), actions({evgAction(EvgAction::Abort)})},
    {evg(EvgStatus::Aborting), "EvgAborting", Evg, 0, 0},   // "none (wait)"
    {evg(EvgStatus::Success), "EvgSuccess", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::Failed), "EvgFailed", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::KnownIssue), "EvgKnownIssue", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::TaskTimedOut), "EvgTaskTimedOut", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::TestTimedOut), "EvgTestTimedOut", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::SetupFailed), "EvgSetupFailed", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::SystemFailed), "EvgSystemFailed", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::SystemTimedOut), "EvgSystemTimedOut", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::SystemUnresponsive), "EvgSystemUnresponsive", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::Aborted), "EvgAborted", Evg, EvgFinished, EvgFinished},
    {evg(EvgStatus::Blocked), "EvgBlocked", Evg, actions({evgAction(EvgAction::OverrideDependencies)}), actions({evgAction(EvgAction::OverrideDependencies)})},
    // Deviation (4): an unknown Evergreen status allows nothing.
    {evg(EvgStatus::Other), "EvgOther", Evg, 0, 0},

    // Scheduled is not in the §3.2 table: the instance has no Mesos task yet (marathon-api.md
    // §2: "Scheduled instances are invisible"), so there is nothing to kill; its app can
    // still be restarted (deviation 2).
    {mar(MarStatus::Scheduled), "MarScheduled", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Staging), "MarStaging", Mar, MarActive, MarActiveVolumes},
    {mar(MarStatus::Starting), "MarStarting", Mar, MarActive, MarActiveVolumes},
    {mar(MarStatus::Running), "MarRunning", Mar, MarActive, MarActiveVolumes},
    {mar(MarStatus::Killing), "MarKilling", Mar, MarAppOnly, MarAppOnly},   // "none (wait)" + deviation (2)
    {mar(MarStatus::Unreachable), "MarUnreachable", Mar, MarActive, MarActiveVolumes},
    {mar(MarStatus::Finished), "MarFinished", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Killed), "MarKilled", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Failed), "MarFailed", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Error), "MarError", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Dropped), "MarDropped", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Gone), "MarGone", Mar, MarAppOnly, MarAppOnly},
    {mar(MarStatus::Unknown), "MarUnknown", Mar, MarAppOnly, MarAppOnly},
};

const Expected *findExpected(Status status)
{
    for (const Expected &row : expectedTable) {
        if (row.status == status)
            return &row;
    }
    return nullptr;
}

const Expected &expectedFor(Status status)
{
    const Expected *row = findExpected(status);
    if (!row)
        qFatal("status %d has no row in expectedTable", int(status));
    return *row;
}

Task makeTask(Status status, bool volumes = false)
{
    static int counter = 0;
    Task task;
    task.id = "task-" + QByteArray::number(++counter);
    task.source = expectedFor(status).source;
    task.status = status;
    task.setFlag(TaskFlag::HasLocalVolumes, volumes);
    return task;
}

QList<Task> makeTasks(std::initializer_list<std::pair<Status, int>> groups)
{
    QList<Task> tasks;
    for (const auto &[status, count] : groups) {
        for (int i = 0; i < count; ++i)
            tasks.append(makeTask(status));
    }
    return tasks;
}

// "a refusal always carries one human sentence": no line breaks, no second sentence,
// ends with a full stop.
bool isOneSentence(const QString &text)
{
    static const QRegularExpression sentenceBreak(QStringLiteral("[.!?]\\s+\\S"));
    return !text.isEmpty() && text.trimmed() == text && !text.contains(u'\n')
        && (text.endsWith(u'.') || text.endsWith(u'!')) && !sentenceBreak.match(text).hasMatch();
}

quint32 maskFromCheck(const Task &task, const ActionContext &context)
{
    quint32 mask = 0;
    for (int i = 0; i < TaskActions::count(); ++i) {
        if (ActionRules::check(task, TaskAction(i), context).allowed)
            mask |= 1u << i;
    }
    return mask;
}

QByteArray describe(quint32 mask)
{
    QByteArrayList names;
    for (int i = 0; i < TaskActions::count(); ++i) {
        if (mask & (1u << i))
            names.append(actionNames[i]);
    }
    return '{' + names.join(", ") + '}';
}
} // namespace

char *toString(Status status)
{
    const Expected *row = findExpected(status);
    return qstrdup(row ? row->name : QByteArray("Status(" + QByteArray::number(int(status)) + ')').constData());
}

class TestActionRules final : public QObject
{
    Q_OBJECT

private slots:
    void coversEveryStatus();
    void check_data();
    void check();
    void abortingCannotRestart();
    void dispatchedIsAbortedNotUnscheduled();
    void marathonFinishedRestart_data();
    void marathonFinishedRestart();
    void killAndWipeNeedsLocalVolumes_data();
    void killAndWipeNeedsLocalVolumes();
    void demoTasksFollowTheirSystem();
    void executionTasksDeferToTheirDisplayTask_data();
    void executionTasksDeferToTheirDisplayTask();
    void readOnlyRefusesEverything();
    void unsupportedAction();
    void allowedActionsMatchesCheck();
    void plan_data();
    void plan();
    void planAllRefused();
    void planMixedSystems();
    void planEmpty();
    void checkPriority_data();
    void checkPriority();
};

void TestActionRules::coversEveryStatus()
{
    QCOMPARE(TaskActions::count(), int(std::size(actionNames)));
    QCOMPARE(int(std::size(expectedTable)), StatusTaxonomy::count());
    QSet<int> seen;
    for (const Expected &row : expectedTable)
        seen.insert(int(row.status));
    QCOMPARE(int(seen.size()), StatusTaxonomy::count());
}

void TestActionRules::check_data()
{
    QTest::addColumn<Status>("status");
    QTest::addColumn<TaskAction>("action");
    QTest::addColumn<bool>("volumes");
    QTest::addColumn<bool>("allowed");

    // Every (status, action) pair, with and without local volumes.
    for (const Expected &row : expectedTable) {
        for (int i = 0; i < TaskActions::count(); ++i) {
            for (bool volumes : {false, true}) {
                const quint32 mask = volumes ? row.withVolumes : row.allowed;
                QTest::addRow("%s / %s%s", row.name, actionNames[i], volumes ? " +volumes" : "")
                    << row.status << TaskAction(i) << volumes << bool(mask & (1u << i));
            }
        }
    }
}

void TestActionRules::check()
{
    QFETCH(Status, status);
    QFETCH(TaskAction, action);
    QFETCH(bool, volumes);
    QFETCH(bool, allowed);

    const ActionVerdict verdict = ActionRules::check(makeTask(status, volumes), action);
    QCOMPARE(verdict.allowed, allowed);
    QCOMPARE(bool(verdict), allowed);
    if (allowed) {
        QVERIFY2(verdict.reason.isEmpty(), qPrintable(verdict.reason));
    } else {
        // A disabled action says why in its tooltip (DESIGN.md §4).
        QVERIFY2(isOneSentence(verdict.reason), qPrintable(QString(u'"' + verdict.reason + u'"')));
        QVERIFY(!verdict.category.trimmed().isEmpty());
    }
}

void TestActionRules::abortingCannotRestart()
{
    // §3.1: "show Aborting… until the task really finishes, and keep Restart disabled
    // meanwhile" (evergreen #6110).
    const Task task = makeTask(evg(EvgStatus::Aborting));
    const ActionVerdict restart = ActionRules::check(task, evgAction(EvgAction::Restart));
    QVERIFY(!restart.allowed);
    QVERIFY2(restart.reason.contains(QLatin1StringView("abort"), Qt::CaseInsensitive), qPrintable(restart.reason));
    // Nor can it be aborted twice.
    const ActionVerdict abort = ActionRules::check(task, evgAction(EvgAction::Abort));
    QVERIFY(!abort.allowed);
    QVERIFY(!abort.reason.isEmpty());
}

void TestActionRules::dispatchedIsAbortedNotUnscheduled()
{
    // Deviation (1): the refusal must point the user at the action that works.
    const Task task = makeTask(evg(EvgStatus::Dispatched));
    QVERIFY(ActionRules::check(task, evgAction(EvgAction::Abort)).allowed);
    const ActionVerdict unschedule = ActionRules::check(task, evgAction(EvgAction::Unschedule));
    QVERIFY(!unschedule.allowed);
    QVERIFY2(unschedule.reason.contains(QLatin1StringView("abort"), Qt::CaseInsensitive),
             qPrintable(unschedule.reason));
}

void TestActionRules::marathonFinishedRestart_data()
{
    QTest::addColumn<Status>("status");
    for (Status status : {mar(MarStatus::Finished), mar(MarStatus::Killed), mar(MarStatus::Failed), mar(MarStatus::Error), mar(MarStatus::Dropped), mar(MarStatus::Gone),
                          mar(MarStatus::Unknown)}) {
        QTest::newRow(expectedFor(status).name) << status;
    }
}

void TestActionRules::marathonFinishedRestart()
{
    QFETCH(Status, status);

    // §3.2: "A finished Marathon task is not restarted by hand: Marathon expunges it and
    // launches a replacement (say so in the disabled action's tooltip)."
    const Task task = makeTask(status);
    const ActionVerdict restart = ActionRules::check(task, evgAction(EvgAction::Restart));
    QVERIFY(!restart.allowed);
    QVERIFY2(restart.reason.contains(QLatin1StringView("Marathon")), qPrintable(restart.reason));
    QVERIFY2(restart.reason.contains(QLatin1StringView("replac"), Qt::CaseInsensitive), qPrintable(restart.reason));
    QVERIFY(ActionRules::check(task, marAction(MarAction::RestartApp)).allowed);
}

void TestActionRules::killAndWipeNeedsLocalVolumes_data()
{
    QTest::addColumn<Status>("status");
    for (Status status : {mar(MarStatus::Staging), mar(MarStatus::Starting), mar(MarStatus::Running), mar(MarStatus::Unreachable)})
        QTest::newRow(expectedFor(status).name) << status;
}

void TestActionRules::killAndWipeNeedsLocalVolumes()
{
    QFETCH(Status, status);

    // §3.2: "Kill & wipe only for tasks with local volumes".
    const ActionVerdict without = ActionRules::check(makeTask(status, false), marAction(MarAction::KillAndWipe));
    QVERIFY(!without.allowed);
    QVERIFY2(without.reason.contains(QLatin1StringView("volume"), Qt::CaseInsensitive), qPrintable(without.reason));
    QVERIFY(!without.category.isEmpty());
    QVERIFY(ActionRules::check(makeTask(status, true), marAction(MarAction::KillAndWipe)).allowed);
    // Plain kills do not care.
    QVERIFY(ActionRules::check(makeTask(status, false), marAction(MarAction::Kill)).allowed);
    QVERIFY(ActionRules::check(makeTask(status, false), marAction(MarAction::KillAndScale)).allowed);
}

void TestActionRules::demoTasksFollowTheirSystem()
{
    // §1: the demo cluster "produces both kinds of tasks"; a demo task obeys its status.
    Task evergreen = makeTask(evg(EvgStatus::Started));
    evergreen.source = NoSystem;
    QCOMPARE(describe(maskFromCheck(evergreen, {})), describe(actions({evgAction(EvgAction::Abort)})));
    Task marathon = makeTask(mar(MarStatus::Running));
    marathon.source = NoSystem;
    QCOMPARE(describe(maskFromCheck(marathon, {})), describe(MarActive));
    Task blocked = makeTask(evg(EvgStatus::Blocked));
    blocked.source = NoSystem;
    QCOMPARE(describe(maskFromCheck(blocked, {})), describe(actions({evgAction(EvgAction::OverrideDependencies)})));
}

void TestActionRules::executionTasksDeferToTheirDisplayTask_data()
{
    // evergreen-api.md §4: canRestart, canSchedule and canUnschedule all refuse execution
    // tasks; abort and priority still apply to them.
    QTest::addColumn<Status>("status");
    QTest::addColumn<TaskAction>("action");
    QTest::addColumn<bool>("allowedForExecutionTask");
    QTest::newRow("failed restart") << evg(EvgStatus::Failed) << evgAction(EvgAction::Restart) << false;
    QTest::newRow("unscheduled schedule") << evg(EvgStatus::Unscheduled) << evgAction(EvgAction::Schedule) << false;
    QTest::newRow("will-run unschedule") << evg(EvgStatus::WillRun) << evgAction(EvgAction::Unschedule) << false;
    QTest::newRow("will-run priority") << evg(EvgStatus::WillRun) << evgAction(EvgAction::SetPriority) << true;
    QTest::newRow("started abort") << evg(EvgStatus::Started) << evgAction(EvgAction::Abort) << true;
}

void TestActionRules::executionTasksDeferToTheirDisplayTask()
{
    QFETCH(Status, status);
    QFETCH(TaskAction, action);
    QFETCH(bool, allowedForExecutionTask);
    Task task = makeTask(status);
    QVERIFY(ActionRules::check(task, action).allowed);
    task.setFlag(TaskFlag::ExecutionTask);
    const ActionVerdict verdict = ActionRules::check(task, action);
    QCOMPARE(verdict.allowed, allowedForExecutionTask);
    if (!allowedForExecutionTask)
        QVERIFY2(verdict.reason.contains(QStringLiteral("display task")), qPrintable(verdict.reason));
}

void TestActionRules::readOnlyRefusesEverything()
{
    // §4: "--read-only disables every action".
    ActionContext context;
    context.readOnly = true;
    for (const Expected &row : expectedTable) {
        for (bool volumes : {false, true}) {
            const Task task = makeTask(row.status, volumes);
            for (int i = 0; i < TaskActions::count(); ++i) {
                const QByteArray what = QByteArray(row.name) + " / " + actionNames[i];
                const ActionVerdict verdict = ActionRules::check(task, TaskAction(i), context);
                QVERIFY2(!verdict.allowed, what.constData());
                QVERIFY2(verdict.reason.contains(QLatin1StringView("--read-only")),
                         qPrintable(QString(QString::fromLatin1(what) + u": " + verdict.reason)));
                QVERIFY2(isOneSentence(verdict.reason), what.constData());
                QVERIFY2(!verdict.category.isEmpty(), what.constData());
            }
            QVERIFY2(ActionRules::allowedActions(task, context).isEmpty(), row.name);
        }
    }
}

void TestActionRules::unsupportedAction()
{
    const QString reason = QStringLiteral("Evergreen's REST API cannot override dependencies.");
    ActionContext context;
    QVERIFY(!context.isUnsupported(EvergreenSystem::id(), evgAction(EvgAction::OverrideDependencies)));
    context.setUnsupported(EvergreenSystem::id(), evgAction(EvgAction::OverrideDependencies), reason);
    QVERIFY(context.isUnsupported(EvergreenSystem::id(), evgAction(EvgAction::OverrideDependencies)));
    QCOMPARE(context.unsupportedReason(EvergreenSystem::id(), evgAction(EvgAction::OverrideDependencies)), reason);
    QVERIFY(!context.isUnsupported(EvergreenSystem::id(), evgAction(EvgAction::Restart)));
    QVERIFY(!context.isUnsupported(NoSystem, evgAction(EvgAction::OverrideDependencies)));

    // The status would allow it; the connection cannot do it, and says so in its words.
    const Task blocked = makeTask(evg(EvgStatus::Blocked));
    QVERIFY(ActionRules::check(blocked, evgAction(EvgAction::OverrideDependencies)).allowed);
    const ActionVerdict verdict = ActionRules::check(blocked, evgAction(EvgAction::OverrideDependencies), context);
    QVERIFY(!verdict.allowed);
    QCOMPARE(verdict.reason, reason);
    QVERIFY(!verdict.category.isEmpty());
    QVERIFY(!ActionRules::allowedActions(blocked, context).contains(evgAction(EvgAction::OverrideDependencies)));

    // Other actions and other systems are untouched (unsupported actions are per system).
    QVERIFY(ActionRules::check(makeTask(evg(EvgStatus::Failed)), evgAction(EvgAction::Restart), context).allowed);
    QVERIFY(ActionRules::check(makeTask(evg(EvgStatus::Started)), evgAction(EvgAction::Abort), context).allowed);
    QVERIFY(ActionRules::check(makeTask(mar(MarStatus::Running)), marAction(MarAction::Kill), context).allowed);

    // The same for a Marathon action.
    const QString noWipe = QStringLiteral("This Marathon does not support wiping.");
    context.setUnsupported(MarathonSystem::id(), marAction(MarAction::KillAndWipe), noWipe);
    const ActionVerdict wipe = ActionRules::check(makeTask(mar(MarStatus::Running), true), marAction(MarAction::KillAndWipe),
                                                  context);
    QVERIFY(!wipe.allowed);
    QCOMPARE(wipe.reason, noWipe);
    QVERIFY(ActionRules::check(makeTask(mar(MarStatus::Running), true), marAction(MarAction::Kill), context).allowed);
}

void TestActionRules::allowedActionsMatchesCheck()
{
    ActionContext readOnly;
    readOnly.readOnly = true;
    ActionContext unsupported;
    unsupported.setUnsupported(EvergreenSystem::id(), evgAction(EvgAction::OverrideDependencies),
                               QStringLiteral("Not over REST."));
    unsupported.setUnsupported(MarathonSystem::id(), marAction(MarAction::KillAndScale), QStringLiteral("Not here."));

    for (const Expected &row : expectedTable) {
        for (bool volumes : {false, true}) {
            const Task task = makeTask(row.status, volumes);
            const QByteArray what = QByteArray(row.name) + (volumes ? " +volumes" : "");
            for (const ActionContext *context : {&readOnly, &unsupported}) {
                QCOMPARE(describe(ActionRules::allowedActions(task, *context).bits()),
                         describe(maskFromCheck(task, *context)));
            }
            const quint32 allowed = ActionRules::allowedActions(task).bits();
            QCOMPARE(describe(allowed), describe(maskFromCheck(task, {})));
            const quint32 expected = volumes ? row.withVolumes : row.allowed;
            QVERIFY2(allowed == expected,
                     qPrintable(QStringLiteral("%1: %2, expected %3")
                                    .arg(QString::fromLatin1(what), QString::fromLatin1(describe(allowed)),
                                         QString::fromLatin1(describe(expected)))));
        }
    }
}

void TestActionRules::plan_data()
{
    QTest::addColumn<QList<Task>>("tasks");
    QTest::addColumn<TaskAction>("action");
    QTest::addColumn<QList<int>>("applicable");
    QTest::addColumn<QString>("summary");

    // DESIGN.md §4's own example. The three finished tasks are of three different finished
    // statuses and the two scheduled ones of two scheduled statuses: a category is the
    // stage, not the status.
    {
        QList<Task> tasks = makeTasks({{evg(EvgStatus::Success), 1}, {evg(EvgStatus::Started), 6}, {evg(EvgStatus::WillRun), 1},
                                       {evg(EvgStatus::Failed), 1}, {evg(EvgStatus::Started), 6}, {evg(EvgStatus::Pending), 1},
                                       {evg(EvgStatus::Aborted), 1}});
        QList<int> applicable;
        for (int i = 1; i <= 6; ++i)
            applicable.append(i);
        for (int i = 9; i <= 14; ++i)
            applicable.append(i);
        QTest::newRow("design example") << tasks << evgAction(EvgAction::Abort) << applicable
                                        << QStringLiteral("Abort 12 tasks; 5 not applicable: 3 finished, 2 scheduled");
    }
    QTest::newRow("none refused") << makeTasks({{evg(EvgStatus::Started), 2}}) << evgAction(EvgAction::Abort) << QList<int>{0, 1}
                                  << QStringLiteral("Abort 2 tasks");
    QTest::newRow("one task") << makeTasks({{evg(EvgStatus::Failed), 1}}) << evgAction(EvgAction::Restart) << QList<int>{0}
                              << QStringLiteral("Restart 1 task");
    QTest::newRow("singular, largest group first")
        << makeTasks({{evg(EvgStatus::WillRun), 1}, {evg(EvgStatus::Started), 1}, {evg(EvgStatus::Success), 1}, {evg(EvgStatus::SystemFailed), 1}})
        << evgAction(EvgAction::Abort) << QList<int>{1}
        << QStringLiteral("Abort 1 task; 3 not applicable: 2 finished, 1 scheduled");
    QTest::newRow("restart, finished kinds") << makeTasks({{evg(EvgStatus::Success), 1}, {evg(EvgStatus::KnownIssue), 1},
                                                           {evg(EvgStatus::SetupFailed), 1}, {evg(EvgStatus::TaskTimedOut), 1}})
                                             << evgAction(EvgAction::Restart) << QList<int>{0, 1, 2, 3}
                                             << QStringLiteral("Restart 4 tasks");
    QTest::newRow("marathon kill") << makeTasks({{mar(MarStatus::Running), 2}, {mar(MarStatus::Finished), 1}, {mar(MarStatus::Killed), 1},
                                                 {mar(MarStatus::Staging), 1}})
                                   << marAction(MarAction::Kill) << QList<int>{0, 1, 4}
                                   << QStringLiteral("Kill 3 tasks; 2 not applicable: 2 finished");
}

void TestActionRules::plan()
{
    QFETCH(QList<Task>, tasks);
    QFETCH(TaskAction, action);
    QFETCH(QList<int>, applicable);
    QFETCH(QString, summary);

    const BulkPlan plan = ActionRules::plan(tasks, action);
    QCOMPARE(int(plan.action), int(action));
    QCOMPARE(plan.total, int(tasks.size()));
    QCOMPARE(plan.applicable, applicable);
    QCOMPARE(int(plan.rejected.size()), int(tasks.size() - applicable.size()));
    QSet<int> all(applicable.cbegin(), applicable.cend());
    for (const auto &[index, verdict] : plan.rejected) {
        QVERIFY(!applicable.contains(index));
        QVERIFY(!verdict.allowed);
        QVERIFY(!verdict.reason.isEmpty());
        QVERIFY(!verdict.category.isEmpty());
        all.insert(index);
    }
    QCOMPARE(int(all.size()), int(tasks.size()));

    int grouped = 0;
    const auto groups = plan.rejectedByCategory();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        grouped += groups[i].second;
        if (i > 0)
            QVERIFY(groups[i - 1].second >= groups[i].second);   // largest group first
    }
    QCOMPARE(grouped, int(plan.rejected.size()));
    QCOMPARE(plan.summary(), summary);
}

void TestActionRules::planAllRefused()
{
    const QList<Task> tasks = makeTasks({{evg(EvgStatus::Success), 1}, {evg(EvgStatus::Failed), 1}, {evg(EvgStatus::Aborted), 1}});
    const BulkPlan plan = ActionRules::plan(tasks, evgAction(EvgAction::Abort));
    QCOMPARE(plan.total, 3);
    QVERIFY(plan.applicable.isEmpty());
    QCOMPARE(int(plan.rejected.size()), 3);
    const auto groups = plan.rejectedByCategory();
    QCOMPARE(int(groups.size()), 1);
    QCOMPARE(groups.first().first, QStringLiteral("finished"));
    QCOMPARE(groups.first().second, 3);

    // No "Abort 0 tasks": the summary says that nothing applies, and why.
    const QString summary = plan.summary();
    QVERIFY2(summary.contains(QLatin1StringView("Abort")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1StringView("3 finished")), qPrintable(summary));
    QVERIFY2(!summary.startsWith(QLatin1StringView("Abort 0")), qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1StringView("0 tasks")), qPrintable(summary));
}

void TestActionRules::planMixedSystems()
{
    // One selection can hold both systems (§3); a Marathon verb does not apply to Evergreen.
    const QList<Task> tasks = makeTasks({{mar(MarStatus::Running), 2}, {evg(EvgStatus::Started), 2}});
    const BulkPlan plan = ActionRules::plan(tasks, marAction(MarAction::Kill));
    QCOMPARE(plan.applicable, (QList<int>{0, 1}));
    QCOMPARE(int(plan.rejected.size()), 2);
    const QString summary = plan.summary();
    QVERIFY2(summary.startsWith(QLatin1StringView("Kill 2 tasks; 2 not applicable: 2 ")), qPrintable(summary));
}

void TestActionRules::planEmpty()
{
    const BulkPlan plan = ActionRules::plan({}, evgAction(EvgAction::Restart));
    QCOMPARE(plan.total, 0);
    QVERIFY(plan.applicable.isEmpty());
    QVERIFY(plan.rejected.isEmpty());
    QVERIFY(plan.rejectedByCategory().isEmpty());
}

void TestActionRules::checkPriority_data()
{
    QTest::addColumn<qint64>("priority");
    QTest::addColumn<bool>("admin");
    QTest::addColumn<bool>("accepted");

    // §3.1: "Priority is an integer from −1 to 100 (higher runs first); −1 is the same as
    // unscheduling; above 100 needs admin rights".
    QTest::newRow("-2") << qint64(-2) << false << false;
    QTest::newRow("-2 admin") << qint64(-2) << true << false;
    QTest::newRow("-1") << qint64(-1) << false << true;
    QTest::newRow("-1 admin") << qint64(-1) << true << true;
    QTest::newRow("0") << qint64(0) << false << true;
    QTest::newRow("50") << qint64(50) << false << true;
    QTest::newRow("100") << qint64(100) << false << true;
    QTest::newRow("100 admin") << qint64(100) << true << true;
    QTest::newRow("101") << qint64(101) << false << false;
    QTest::newRow("101 admin") << qint64(101) << true << true;
    QTest::newRow("1000 admin") << qint64(1000) << true << true;
    // Values that do not even fit Task::priority (qint32) are never sent.
    QTest::newRow("huge") << std::numeric_limits<qint64>::max() << false << false;
    QTest::newRow("huge admin") << std::numeric_limits<qint64>::max() << true << false;
    QTest::newRow("2^31 admin") << qint64(1) + std::numeric_limits<qint32>::max() << true << false;
    QTest::newRow("hugely negative") << std::numeric_limits<qint64>::min() << false << false;
    QTest::newRow("hugely negative admin") << std::numeric_limits<qint64>::min() << true << false;
}

void TestActionRules::checkPriority()
{
    QFETCH(qint64, priority);
    QFETCH(bool, admin);
    QFETCH(bool, accepted);

    QCOMPARE(EvergreenSystem::MinPriority, -1);
    QCOMPARE(EvergreenSystem::MaxPriority, 100);
    const QString why = ActionRules::checkValue(evgAction(EvgAction::SetPriority), priority, admin);
    if (accepted) {
        QVERIFY2(why.isEmpty(), qPrintable(why));
    } else {
        QVERIFY2(isOneSentence(why), qPrintable(why));
        // Only 101 and up, without the admin request, is a matter of rights.
        if (priority > 100 && !admin && priority <= std::numeric_limits<qint32>::max())
            QVERIFY2(why.contains(QLatin1StringView("admin"), Qt::CaseInsensitive), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestActionRules)
#include "tst_actionrules.moc"
