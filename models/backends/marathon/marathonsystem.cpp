// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonsystem.h"

#include "itemmodels/taskcolumns.h"
#include "itemmodels/taskformat.h"
#include "marathonids.h"
#include "marathonstatus.h"
#include "system/systemregistry.h"

#include <QCoreApplication>

#include <array>

namespace {
using St = Stage;
using K = FailureKind;
using P = PaletteClass;
using G = Glyph;
namespace R = ActionRank;

constexpr QLatin1StringView Kill("kill"), KillAndScale("kill-and-scale"),
    KillAndWipe("kill-and-wipe"), RestartApp("restart-app"), Restart("restart");

class MarathonDescriptor final : public SystemDescriptor
{
    Q_DECLARE_TR_FUNCTIONS(MarathonRules)

public:
    QLatin1StringView key() const override { return QLatin1StringView("marathon"); }
    QString name() const override { return tr("Marathon"); }

    QList<StatusDefinition> statuses() const override
    {
        const QList<QLatin1StringView> active{Kill, KillAndScale, KillAndWipe, RestartApp};
        const QList<QLatin1StringView> appOnly{RestartApp};
#define L(text) QT_TRANSLATE_NOOP("Status", text)
        // In MarStatus order. DESIGN.md §3.2; deviations are explained next to the row.
        return {
            // A Scheduled instance has no Mesos task yet, so there is nothing to kill.
            {QLatin1StringView("SCHEDULED"), L("Scheduled"), St::Scheduled, K::None, P::Scheduled, G::Clock,
             R::Scheduled, appOnly, false, false, false, L("not launched yet")},
            {QLatin1StringView("TASK_STAGING"), L("Staging"), St::Scheduled, K::None, P::Scheduled, G::Clock,
             R::Scheduled, active},
            {QLatin1StringView("TASK_STARTING"), L("Starting"), St::InProgress, K::None, P::InProgress, G::Play,
             R::Running, active},
            {QLatin1StringView("TASK_RUNNING"), L("Running"), St::InProgress, K::None, P::InProgress, G::Play,
             R::Running, active},
            {QLatin1StringView("TASK_KILLING"), L("Killing"), St::InProgress, K::None, P::InProgress,
             G::Hourglass, R::Stopping, appOnly, false, false, false, L("already being killed")},
            {QLatin1StringView("TASK_UNREACHABLE"), L("Unreachable"), St::InProgress, K::System, P::SystemFailure,
             G::Unlink, R::Failure, active, false, false, true},
            {QLatin1StringView("TASK_FINISHED"), L("Finished"), St::Finished, K::None, P::Success, G::Check,
             R::Done, appOnly},
            {QLatin1StringView("TASK_KILLED"), L("Killed"), St::Finished, K::None, P::Muted, G::Stop, R::Done,
             appOnly},
            {QLatin1StringView("TASK_FAILED"), L("Failed"), St::Finished, K::Test, P::TestFailure, G::Cross,
             R::Failure, appOnly},
            {QLatin1StringView("TASK_ERROR"), L("Error"), St::Finished, K::Setup, P::SetupFailure, G::Wrench,
             R::Failure, appOnly},
            {QLatin1StringView("TASK_DROPPED"), L("Dropped"), St::Finished, K::System, P::SystemFailure, G::Gear,
             R::Failure, appOnly},
            {QLatin1StringView("TASK_GONE"), L("Gone"), St::Finished, K::System, P::SystemFailure, G::Gear,
             R::Failure, appOnly},
            {QLatin1StringView("TASK_UNKNOWN"), L("Unknown"), St::Finished, K::System, P::SystemFailure,
             G::Question, R::Failure, appOnly},
        };
#undef L
    }

    QList<ActionDefinition> actions() const override
    {
#define T(text) QT_TRANSLATE_NOOP("TaskAction", text)
        ActionDefinition kill{.key = Kill, .label = T("Kill"), .help = T("Kill the Marathon task; Marathon launches a replacement")};
        kill.destructive = true;
        kill.stopsTask = true;
        ActionDefinition scale{.key = KillAndScale, .label = T("Kill & Scale"), .help = T("Kill the task and scale its app down by one")};
        scale.destructive = true;
        scale.cliCommand = Kill;
        scale.cliFlag = QLatin1StringView("scale");
        scale.cliFlagHelp = T("Also scale the app down by one (Kill & Scale).");
        ActionDefinition wipe{.key = KillAndWipe, .label = T("Kill & Wipe"), .help = T("Kill a resident task and free its local volumes")};
        wipe.destructive = true;
        wipe.cliCommand = Kill;
        wipe.cliFlag = QLatin1StringView("wipe");
        wipe.cliFlagHelp = T("Also free the task's local volumes (Kill & Wipe).");
        ActionDefinition app{.key = RestartApp, .label = T("Restart App"), .help = T("Rolling restart of the task's whole Marathon app")};
        app.destructive = true;
        app.targetsGroup = true;
        // Marathon cannot restart one task; declaring Restart lets its refusal say what to do.
        ActionDefinition restart{.key = Restart, .label = T("Restart"), .help = T("Run a finished task again")};
        restart.shortcut = "Ctrl+R";
#undef T
        return {kill, scale, wipe, app, restart};
    }

    QString refusal(const Task &task, TaskAction action) const override
    {
        const std::optional<MarStatus> status = MarathonSystem::local(task.status);
        if (action == marAction(MarAction::Restart)) {
            if (task.stage() == Stage::Finished)
                return tr("Marathon replaces a finished task by itself; use Restart App to restart the whole app.");
            return tr("Marathon cannot restart a single task: kill it and Marathon launches a replacement, or use Restart App.");
        }
        if (!SystemRegistry::declares(MarathonSystem::id(), action)) {
            return tr("%1 is not a Marathon action; Marathon tasks are killed or their app is restarted.")
                .arg(TaskActions::label(action));
        }
        if (status == MarStatus::Killing)
            return tr("The task is already being killed.");
        if (status == MarStatus::Scheduled)
            return tr("Marathon has not launched this instance yet; there is no task to kill.");
        return tr("The task has already finished; Marathon launches a replacement by itself.");
    }

    std::optional<std::pair<QString, QString>> refineVerdict(const Task &task, TaskAction action) const override
    {
        if (action == marAction(MarAction::KillAndWipe) && !task.hasFlag(TaskFlag::HasLocalVolumes)) {
            return std::pair{tr("Only tasks with local persistent volumes can be wiped; use Kill instead."),
                             tr("no local volumes")};
        }
        return std::nullopt;
    }
    quint16 verdictFlags() const override { return TaskFlag::HasLocalVolumes; }

    bool isNativeStatus(QStringView text) const override { return MarathonStatus::isKnownMesosState(text); }
    bool fillsColumn(int column) const override { return column != TaskColumn::Priority; }
    QString groupLabel() const override { return tr("App"); }
    RetentionPolicy retention() const override { return {true, true}; }

    QString shortInstance(const Task &task) const override
    {
        // <app>.instance-<uuid>._app[.n], or the legacy <app>.<uuid>.
        const QByteArray &id = task.id;
        const qsizetype instance = id.indexOf(".instance-");
        const qsizetype start = instance >= 0 ? instance + 10 : id.indexOf('.') + 1;
        // The uuid's first group (8 hex digits) is unique enough to tell instances apart.
        qsizetype end = start;
        while (end < id.size() && end - start < 8 && id[end] != '.' && id[end] != '-')
            ++end;
        return QString::fromUtf8(id.mid(start, end - start));
    }

    QList<std::pair<QString, QString>> detailRows(const Task &task) const override
    {
        QString native = task.nativeStatus.toString();
        if (!task.reason.isEmpty())
            native += QStringLiteral(" (%1)").arg(task.reason.toString());
        return {{tr("Native status"), native},
                {tr("Health"), TaskFormat::healthName(task.health)},
                {tr("App version"), task.version.toString()}};
    }

    QList<std::pair<QString, QString>> failureRows(const Task &task) const override
    {
        return {{tr("Mesos reason"), task.reason.toString()}};
    }
};

struct Numbering
{
    SystemId id = NoSystem;
    std::array<TaskAction, size_t(MarAction::Count_)> actions{};
};

const Numbering &numbering()
{
    static const Numbering numbers = [] {
        Numbering n;
        n.id = SystemRegistry::add(std::make_unique<MarathonDescriptor>());
        const QLatin1StringView keys[] = {Kill, KillAndScale, KillAndWipe, RestartApp, Restart};
        for (size_t i = 0; i < n.actions.size(); ++i)
            SystemRegistry::action(keys[i], &n.actions[i]);
        return n;
    }();
    return numbers;
}
} // namespace

SystemId MarathonSystem::id()
{
    return numbering().id;
}

Status MarathonSystem::status(MarStatus local)
{
    return SystemRegistry::status(id(), int(local));
}

std::optional<MarStatus> MarathonSystem::local(Status status)
{
    const Status first = MarathonSystem::status(MarStatus(0));
    const int index = int(status) - int(first);
    if (status == Status::Unset || index < 0 || index >= int(MarStatus::Count_))
        return std::nullopt;
    return MarStatus(index);
}

TaskAction MarathonSystem::action(MarAction local)
{
    return numbering().actions[size_t(local)];
}

std::optional<MarAction> MarathonSystem::localAction(TaskAction action)
{
    const auto &actions = numbering().actions;
    for (size_t i = 0; i < actions.size(); ++i) {
        if (actions[i] == action)
            return MarAction(i);
    }
    return std::nullopt;
}
