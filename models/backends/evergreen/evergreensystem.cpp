// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreensystem.h"

#include "evergreenstatus.h"
#include "itemmodels/taskcolumns.h"
#include "itemmodels/taskformat.h"
#include "system/systemregistry.h"

#include <QCoreApplication>

#include <array>
#include <limits>

namespace {
using St = Stage;
using K = FailureKind;
using P = PaletteClass;
using G = Glyph;
namespace R = ActionRank;

constexpr QLatin1StringView Abort("abort"), Restart("restart"), Schedule("schedule"),
    Unschedule("unschedule"), SetPriority("set-priority"), OverrideDependencies("override-dependencies");

class EvergreenDescriptor final : public SystemDescriptor
{
    Q_DECLARE_TR_FUNCTIONS(EvergreenRules)

public:
    QLatin1StringView key() const override { return QLatin1StringView("evergreen"); }
    QString name() const override { return tr("Evergreen"); }

    QList<StatusDefinition> statuses() const override
    {
        const QList<QLatin1StringView> parked{Schedule, SetPriority};
        const QList<QLatin1StringView> queued{Unschedule, SetPriority};
        const QList<QLatin1StringView> restart{Restart};
#define L(text) QT_TRANSLATE_NOOP("Status", text)
        // In EvgStatus order. DESIGN.md §3.1; deviations are explained next to the row.
        return {
            {QLatin1StringView("unscheduled"), L("Unscheduled"), St::Scheduled, K::None, P::Muted, G::Pause,
             R::Parked, parked, false, true, false, L("unscheduled")},
            {QLatin1StringView("inactive"), L("Unscheduled"), St::Scheduled, K::None, P::Muted, G::Pause,
             R::Parked, parked, false, true, false, L("unscheduled")},
            {QLatin1StringView("pending"), L("Pending"), St::Scheduled, K::None, P::Scheduled, G::Clock,
             R::Scheduled, queued},
            {QLatin1StringView("will-run"), L("Will Run"), St::Scheduled, K::None, P::Scheduled, G::Clock,
             R::Scheduled, queued},
            // DESIGN.md offers Unschedule here; the server's IsAbortable accepts dispatched tasks
            // and Evergreen's own canUnschedule refuses them (deactivating does not recall an
            // agent), so a dispatched task is aborted, not unscheduled.
            {QLatin1StringView("dispatched"), L("Dispatched"), St::Scheduled, K::None, P::Scheduled, G::Clock,
             R::Scheduled, {Abort}, false, false, false, L("dispatched")},
            {QLatin1StringView("started"), L("Running"), St::InProgress, K::None, P::InProgress, G::Play,
             R::Running, {Abort}},
            {QLatin1StringView("aborting"), L("Aborting…"), St::InProgress, K::None, P::InProgress, G::Hourglass,
             R::Stopping, {}, false, false, false, L("already aborting")},
            {QLatin1StringView("success"), L("Succeeded"), St::Finished, K::None, P::Success, G::Check, R::Done,
             restart},
            {QLatin1StringView("failed"), L("Failed"), St::Finished, K::Test, P::TestFailure, G::Cross, R::Failure,
             restart},
            {QLatin1StringView("known-issue"), L("Known Issue"), St::Finished, K::Test, P::KnownIssue,
             G::CrossOutline, R::Known, restart, true},
            {QLatin1StringView("task-timed-out"), L("Task Timed Out"), St::Finished, K::Test, P::TestFailure,
             G::ClockAlert, R::Failure, restart},
            {QLatin1StringView("test-timed-out"), L("Task Timed Out"), St::Finished, K::Test, P::TestFailure,
             G::ClockAlert, R::Failure, restart},
            {QLatin1StringView("setup-failed"), L("Setup Failed"), St::Finished, K::Setup, P::SetupFailure,
             G::Wrench, R::Failure, restart},
            {QLatin1StringView("system-failed"), L("System Failed"), St::Finished, K::System, P::SystemFailure,
             G::Gear, R::Failure, restart},
            {QLatin1StringView("system-timed-out"), L("System Timed Out"), St::Finished, K::System,
             P::SystemFailure, G::ClockAlert, R::Failure, restart},
            {QLatin1StringView("system-unresponsive"), L("System Unresponsive"), St::Finished, K::System,
             P::SystemFailure, G::Unlink, R::Failure, restart},
            {QLatin1StringView("aborted"), L("Aborted"), St::Finished, K::None, P::Muted, G::Stop, R::Done, restart},
            {QLatin1StringView("blocked"), L("Blocked"), St::Finished, K::None, P::Muted, G::Lock, R::Parked,
             {OverrideDependencies}, false, false, false, L("blocked")},
            {QLatin1StringView("other"), L("Other"), St::Finished, K::None, P::Muted, G::Question, R::Done, {},
             false, false, false, L("unknown status")},
        };
#undef L
    }

    QList<ActionDefinition> actions() const override
    {
#define T(text) QT_TRANSLATE_NOOP("TaskAction", text)
        ActionDefinition abort{.key = Abort, .label = T("Abort"), .help = T("Abort the running Evergreen task")};
        abort.destructive = true;
        abort.stopsTask = true;
        ActionDefinition restart{.key = Restart, .label = T("Restart"), .help = T("Run a finished task again")};
        restart.shortcut = "Ctrl+R";
        ActionDefinition schedule{.key = Schedule, .label = T("Schedule"), .help = T("Let the Evergreen scheduler run the task")};
        ActionDefinition unschedule{Unschedule, T("Unschedule"),
                                    T("Keep the Evergreen scheduler from running the task")};
        ActionDefinition priority{.key = SetPriority, .label = T("Set Priority"), .help = T("Change the Evergreen priority (−1 to 100)")};
        priority.shortcut = "Ctrl+P";
        priority.cliCommand = QLatin1StringView("priority");
        priority.input = ActionInput::Priority;
        priority.minValue = EvergreenSystem::MinPriority;
        priority.maxValue = EvergreenSystem::MaxPriority;
        priority.adminMaxValue = std::numeric_limits<qint32>::max();
        priority.valueHelp = T("Priority must be an integer from −1 to 100 (−1 is the same as unscheduling).");
        priority.adminHelp = T("Priorities above 100 need Evergreen project admin rights; send them as an explicit admin request.");
        ActionDefinition override{OverrideDependencies, T("Override Dependencies"),
                                  T("Run the blocked task although a dependency failed")};
#undef T
        return {abort, restart, schedule, unschedule, priority, override};
    }

    QString refusal(const Task &task, TaskAction action) const override
    {
        const std::optional<EvgStatus> status = EvergreenSystem::local(task.status);
        const Stage stage = task.stage();
        if (status == EvgStatus::Other)
            return tr("Evergreen reported a status taskmon does not know; it will not act on it.");
        const bool parked = status == EvgStatus::Unscheduled || status == EvgStatus::Inactive;

        if (action == evgAction(EvgAction::Abort)) {
            if (status == EvgStatus::Aborting)
                return tr("Abort was already requested; Evergreen is stopping the task.");
            if (status == EvgStatus::Blocked)
                return tr("The task is blocked by a dependency and has not run.");
            if (stage == Stage::Scheduled)
                return tr("The task has not been dispatched yet; unschedule it instead.");
            return tr("The task has already finished.");
        }
        if (action == evgAction(EvgAction::Restart)) {
            if (status == EvgStatus::Aborting)
                return tr("Abort was requested; the task can be restarted once it has really finished.");
            if (stage == Stage::InProgress)
                return tr("The task is still running; abort it first and restart it once it has finished.");
            if (status == EvgStatus::Blocked)
                return tr("The task is blocked and has not run; override its dependencies instead.");
            return tr("The task has not run yet; only finished tasks can be restarted.");
        }
        if (action == evgAction(EvgAction::Schedule)) {
            if (status == EvgStatus::Blocked)
                return tr("The task is scheduled but blocked by a dependency; override its dependencies instead.");
            if (stage == Stage::Scheduled)
                return tr("The task is already scheduled.");
            if (stage == Stage::InProgress)
                return tr("The task is already running.");
            return tr("The task has finished; restart it to run it again.");
        }
        if (action == evgAction(EvgAction::Unschedule)) {
            if (parked)
                return tr("The task is not scheduled.");
            if (status == EvgStatus::Dispatched)
                return tr("The task has already been dispatched to a host; abort it instead.");
            if (status == EvgStatus::Blocked)
                return tr("The task is blocked by a dependency and will not run until its dependencies are overridden.");
            if (stage == Stage::InProgress)
                return tr("The task is already running; abort it instead.");
            return tr("The task has already finished.");
        }
        if (action == evgAction(EvgAction::SetPriority)) {
            if (status == EvgStatus::Dispatched)
                return tr("The task has already been dispatched; priority only matters while a task waits in the queue.");
            if (stage == Stage::InProgress)
                return tr("The task is already running; priority only matters while a task waits in the queue.");
            return tr("The task has finished; priority only matters while a task waits in the queue.");
        }
        if (action == evgAction(EvgAction::OverrideDependencies))
            return tr("The task is not blocked by a dependency.");
        return tr("%1 is not an Evergreen action; Evergreen tasks are aborted, restarted, scheduled or re-prioritised.")
            .arg(TaskActions::label(action));
    }

    std::optional<std::pair<QString, QString>> refineVerdict(const Task &task, TaskAction action) const override
    {
        // Evergreen acts on the display task that groups it (canRestart, canSchedule).
        if (task.hasFlag(TaskFlag::ExecutionTask)
            && (action == evgAction(EvgAction::Restart) || action == evgAction(EvgAction::Schedule)
                || action == evgAction(EvgAction::Unschedule))) {
            return std::pair{tr("This is an execution task of a display task; %1 the display task instead.")
                                 .arg(TaskActions::label(action).toLower()),
                             tr("execution tasks")};
        }
        return std::nullopt;
    }
    quint16 verdictFlags() const override { return TaskFlag::ExecutionTask; }

    bool fillsColumn(int column) const override { return column != TaskColumn::Health; }
    QString groupLabel() const override { return tr("Build variant"); }

    QList<std::pair<QString, QString>> detailRows(const Task &task) const override
    {
        return {{tr("Native status"), task.nativeStatus.toString()},
                {tr("Priority"), QString::number(task.priority)},
                {tr("Execution"), QString::number(task.execution)},
                {tr("Version"), task.version.toString()},
                {tr("Build"), task.scope.toString()}};
    }

    QList<std::pair<QString, QString>> failureRows(const Task &task) const override
    {
        QList<std::pair<QString, QString>> rows{{tr("Failing command"), task.reason.toString()}};
        if (task.hasFlag(TaskFlag::TimedOut) || task.timeoutType != TimeoutType::None) {
            rows.append({tr("Timeout"), task.timeoutType == TimeoutType::None
                                            ? tr("timed out (the server did not say which timeout)")
                                            : EvergreenStatus::timeoutDescription(task.timeoutType)});
        }
        return rows;
    }

    QStringList detailFlags(const Task &task) const override
    {
        if (!task.hasFlag(TaskFlag::Activated))
            return {tr("not activated")};
        return {};
    }

    QString dependenciesLabel(const Task &task) const override
    {
        if (task.status == evg(EvgStatus::Blocked))
            return tr("Blocked by");
        return SystemDescriptor::dependenciesLabel(task);
    }
};

struct Numbering
{
    SystemId id = NoSystem;
    std::array<TaskAction, size_t(EvgAction::Count_)> actions{};
};

const Numbering &numbering()
{
    static const Numbering numbers = [] {
        Numbering n;
        n.id = SystemRegistry::add(std::make_unique<EvergreenDescriptor>());
        const QLatin1StringView keys[] = {Abort, Restart, Schedule, Unschedule, SetPriority, OverrideDependencies};
        for (size_t i = 0; i < n.actions.size(); ++i)
            SystemRegistry::action(keys[i], &n.actions[i]);
        return n;
    }();
    return numbers;
}
} // namespace

SystemId EvergreenSystem::id()
{
    return numbering().id;
}

Status EvergreenSystem::status(EvgStatus local)
{
    return SystemRegistry::status(id(), int(local));
}

std::optional<EvgStatus> EvergreenSystem::local(Status status)
{
    const int index = int(status) - int(EvergreenSystem::status(EvgStatus(0)));
    if (status == Status::Unset || index < 0 || index >= int(EvgStatus::Count_))
        return std::nullopt;
    return EvgStatus(index);
}

TaskAction EvergreenSystem::action(EvgAction local)
{
    return numbering().actions[size_t(local)];
}

std::optional<EvgAction> EvergreenSystem::localAction(TaskAction action)
{
    const auto &actions = numbering().actions;
    for (size_t i = 0; i < actions.size(); ++i) {
        if (actions[i] == action)
            return EvgAction(i);
    }
    return std::nullopt;
}
