// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskstatus.h"

#include "taskaction.h"

#include <QCoreApplication>

#include <array>

namespace {
using A = TaskAction;
using S = Status;
using St = Stage;
using K = FailureKind;
using P = PaletteClass;
using G = Glyph;
constexpr TaskSystem Evg = TaskSystem::Evergreen;
constexpr TaskSystem Mar = TaskSystem::Marathon;

constexpr quint16 actions(std::initializer_list<TaskAction> list)
{
    return ActionSet(list).bits();
}

// Rank: failures first, then in-progress work, then scheduled work, then the rest. All
// untriaged failures share a rank, so the newest come first whatever their kind; known
// issues, which somebody already looked at, follow them.
constexpr quint8 RankFailure = 0, RankKnown = 1, RankRunning = 2, RankStopping = 3,
                 RankScheduled = 4, RankParked = 5, RankDone = 6;
constexpr quint8 RankTest = RankFailure, RankTimeout = RankFailure, RankSetup = RankFailure,
                 RankSystem = RankFailure;

constexpr quint16 EvgParked = actions({A::Schedule, A::SetPriority});
constexpr quint16 EvgQueued = actions({A::Unschedule, A::SetPriority});
constexpr quint16 EvgRestart = actions({A::Restart});
constexpr quint16 MarActive = actions({A::Kill, A::KillAndScale, A::KillAndWipe, A::RestartApp});
constexpr quint16 MarAppOnly = actions({A::RestartApp});

#define L(text) QT_TRANSLATE_NOOP("Status", text)
#define K1(text) QLatin1StringView(text)

// The one table. DESIGN.md §3.1 and §3.2; deviations are explained next to the row.
constexpr std::array<StatusInfo, StatusCount> table{{
    {S::Unset, TaskSystem::None, K1("unset"), L("Unknown"), St::Scheduled, K::None, false, false,
     P::Muted, G::Dot, RankDone, 0},

    {S::EvgUnscheduled, Evg, K1("unscheduled"), L("Unscheduled"), St::Scheduled, K::None, false,
     true, P::Muted, G::Pause, RankParked, EvgParked},
    {S::EvgInactive, Evg, K1("inactive"), L("Unscheduled"), St::Scheduled, K::None, false, true,
     P::Muted, G::Pause, RankParked, EvgParked},
    {S::EvgPending, Evg, K1("pending"), L("Pending"), St::Scheduled, K::None, false, false,
     P::Scheduled, G::Clock, RankScheduled, EvgQueued},
    {S::EvgWillRun, Evg, K1("will-run"), L("Will Run"), St::Scheduled, K::None, false, false,
     P::Scheduled, G::Clock, RankScheduled, EvgQueued},
    // DESIGN.md offers Unschedule here; the server's IsAbortable accepts dispatched tasks and
    // Evergreen's own canUnschedule refuses them (deactivating does not recall an agent), so
    // a dispatched task is aborted, not unscheduled.
    {S::EvgDispatched, Evg, K1("dispatched"), L("Dispatched"), St::Scheduled, K::None, false,
     false, P::Scheduled, G::Clock, RankScheduled, actions({A::Abort})},
    {S::EvgStarted, Evg, K1("started"), L("Running"), St::InProgress, K::None, false, false,
     P::InProgress, G::Play, RankRunning, actions({A::Abort})},
    {S::EvgAborting, Evg, K1("aborting"), L("Aborting…"), St::InProgress, K::None, false, false,
     P::InProgress, G::Hourglass, RankStopping, 0},
    {S::EvgSuccess, Evg, K1("success"), L("Succeeded"), St::Finished, K::None, false, false,
     P::Success, G::Check, RankDone, EvgRestart},
    {S::EvgFailed, Evg, K1("failed"), L("Failed"), St::Finished, K::Test, false, false,
     P::TestFailure, G::Cross, RankTest, EvgRestart},
    {S::EvgKnownIssue, Evg, K1("known-issue"), L("Known Issue"), St::Finished, K::Test, true,
     false, P::KnownIssue, G::CrossOutline, RankKnown, EvgRestart},
    {S::EvgTaskTimedOut, Evg, K1("task-timed-out"), L("Task Timed Out"), St::Finished, K::Test,
     false, false, P::TestFailure, G::ClockAlert, RankTimeout, EvgRestart},
    {S::EvgTestTimedOut, Evg, K1("test-timed-out"), L("Task Timed Out"), St::Finished, K::Test,
     false, false, P::TestFailure, G::ClockAlert, RankTimeout, EvgRestart},
    {S::EvgSetupFailed, Evg, K1("setup-failed"), L("Setup Failed"), St::Finished, K::Setup, false,
     false, P::SetupFailure, G::Wrench, RankSetup, EvgRestart},
    {S::EvgSystemFailed, Evg, K1("system-failed"), L("System Failed"), St::Finished, K::System,
     false, false, P::SystemFailure, G::Gear, RankSystem, EvgRestart},
    {S::EvgSystemTimedOut, Evg, K1("system-timed-out"), L("System Timed Out"), St::Finished,
     K::System, false, false, P::SystemFailure, G::ClockAlert, RankSystem, EvgRestart},
    {S::EvgSystemUnresponsive, Evg, K1("system-unresponsive"), L("System Unresponsive"),
     St::Finished, K::System, false, false, P::SystemFailure, G::Unlink, RankSystem, EvgRestart},
    {S::EvgAborted, Evg, K1("aborted"), L("Aborted"), St::Finished, K::None, false, false,
     P::Muted, G::Stop, RankDone, EvgRestart},
    {S::EvgBlocked, Evg, K1("blocked"), L("Blocked"), St::Finished, K::None, false, false,
     P::Muted, G::Lock, RankParked, actions({A::OverrideDependencies})},
    {S::EvgOther, Evg, K1("other"), L("Other"), St::Finished, K::None, false, false, P::Muted,
     G::Question, RankDone, 0},

    // A Scheduled instance has no Mesos task yet, so there is nothing to kill.
    {S::MarScheduled, Mar, K1("SCHEDULED"), L("Scheduled"), St::Scheduled, K::None, false, false,
     P::Scheduled, G::Clock, RankScheduled, MarAppOnly},
    {S::MarStaging, Mar, K1("TASK_STAGING"), L("Staging"), St::Scheduled, K::None, false, false,
     P::Scheduled, G::Clock, RankScheduled, MarActive},
    {S::MarStarting, Mar, K1("TASK_STARTING"), L("Starting"), St::InProgress, K::None, false,
     false, P::InProgress, G::Play, RankRunning, MarActive},
    {S::MarRunning, Mar, K1("TASK_RUNNING"), L("Running"), St::InProgress, K::None, false, false,
     P::InProgress, G::Play, RankRunning, MarActive},
    {S::MarKilling, Mar, K1("TASK_KILLING"), L("Killing"), St::InProgress, K::None, false, false,
     P::InProgress, G::Hourglass, RankStopping, MarAppOnly},
    {S::MarUnreachable, Mar, K1("TASK_UNREACHABLE"), L("Unreachable"), St::InProgress, K::System,
     false, false, P::SystemFailure, G::Unlink, RankSystem, MarActive},
    {S::MarFinished, Mar, K1("TASK_FINISHED"), L("Finished"), St::Finished, K::None, false, false,
     P::Success, G::Check, RankDone, MarAppOnly},
    {S::MarKilled, Mar, K1("TASK_KILLED"), L("Killed"), St::Finished, K::None, false, false,
     P::Muted, G::Stop, RankDone, MarAppOnly},
    {S::MarFailed, Mar, K1("TASK_FAILED"), L("Failed"), St::Finished, K::Test, false, false,
     P::TestFailure, G::Cross, RankTest, MarAppOnly},
    {S::MarError, Mar, K1("TASK_ERROR"), L("Error"), St::Finished, K::Setup, false, false,
     P::SetupFailure, G::Wrench, RankSetup, MarAppOnly},
    {S::MarDropped, Mar, K1("TASK_DROPPED"), L("Dropped"), St::Finished, K::System, false, false,
     P::SystemFailure, G::Gear, RankSystem, MarAppOnly},
    {S::MarGone, Mar, K1("TASK_GONE"), L("Gone"), St::Finished, K::System, false, false,
     P::SystemFailure, G::Gear, RankSystem, MarAppOnly},
    {S::MarUnknown, Mar, K1("TASK_UNKNOWN"), L("Unknown"), St::Finished, K::System, false, false,
     P::SystemFailure, G::Question, RankSystem, MarAppOnly},
}};
#undef L
#undef K1

constexpr bool tableIsInEnumOrder()
{
    for (int i = 0; i < StatusCount; ++i) {
        if (int(table[size_t(i)].status) != i)
            return false;
    }
    return true;
}
static_assert(tableIsInEnumOrder(), "the taxonomy table must list statuses in enum order");
} // namespace

const StatusInfo &StatusTaxonomy::info(Status status)
{
    const auto index = size_t(status);
    return index < table.size() ? table[index] : table[0];
}

QString StatusTaxonomy::label(Status status)
{
    return QCoreApplication::translate("Status", info(status).label);
}

QLatin1StringView StatusTaxonomy::key(Status status)
{
    return info(status).key;
}

QString StatusTaxonomy::normalName(QStringView text)
{
    QString result = text.toString().toLower();
    result.replace(u' ', u'-');
    result.replace(u'_', u'-');
    result.remove(u'…');
    return result;
}

Status StatusTaxonomy::fromKeyOrLabel(QStringView input)
{
    const QString wanted = normalName(input);
    for (const StatusInfo &entry : table) {
        if (entry.status != Status::Unset && normalName(QString(entry.key)) == wanted)
            return entry.status;
    }
    for (const StatusInfo &entry : table) {
        if (entry.status != Status::Unset && normalName(QString::fromUtf8(entry.label)) == wanted)
            return entry.status;
    }
    return Status::Unset;
}

QString StatusTaxonomy::stageName(Stage stage)
{
    switch (stage) {
    case Stage::Scheduled:
        return QCoreApplication::translate("Stage", "Scheduled");
    case Stage::InProgress:
        return QCoreApplication::translate("Stage", "In progress");
    case Stage::Finished:
        return QCoreApplication::translate("Stage", "Finished");
    }
    return {};
}

QLatin1StringView StatusTaxonomy::stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Scheduled:
        return QLatin1StringView("scheduled");
    case Stage::InProgress:
        return QLatin1StringView("in-progress");
    case Stage::Finished:
        return QLatin1StringView("finished");
    }
    return {};
}

QString StatusTaxonomy::failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QCoreApplication::translate("FailureKind", "None");
    case FailureKind::Test:
        return QCoreApplication::translate("FailureKind", "Test failure");
    case FailureKind::System:
        return QCoreApplication::translate("FailureKind", "System failure");
    case FailureKind::Setup:
        return QCoreApplication::translate("FailureKind", "Setup failure");
    }
    return {};
}

QLatin1StringView StatusTaxonomy::failureKindKey(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QLatin1StringView("none");
    case FailureKind::Test:
        return QLatin1StringView("test");
    case FailureKind::System:
        return QLatin1StringView("system");
    case FailureKind::Setup:
        return QLatin1StringView("setup");
    }
    return {};
}

QLatin1StringView StatusTaxonomy::sourceKey(TaskSource source)
{
    switch (source) {
    case TaskSource::Demo:
        return QLatin1StringView("demo");
    case TaskSource::Marathon:
        return QLatin1StringView("marathon");
    case TaskSource::Evergreen:
        return QLatin1StringView("evergreen");
    }
    return {};
}

QLatin1StringView StatusTaxonomy::glyphName(Glyph glyph)
{
    static constexpr std::array<QLatin1StringView, GlyphCount> names{
        QLatin1StringView("dot"),          QLatin1StringView("cross"),
        QLatin1StringView("cross-outline"), QLatin1StringView("clock-alert"),
        QLatin1StringView("gear"),          QLatin1StringView("wrench"),
        QLatin1StringView("check"),         QLatin1StringView("play"),
        QLatin1StringView("clock"),         QLatin1StringView("pause"),
        QLatin1StringView("stop"),          QLatin1StringView("lock"),
        QLatin1StringView("unlink"),        QLatin1StringView("hourglass"),
        QLatin1StringView("question"),
    };
    return names[size_t(glyph)];
}

QLatin1StringView StatusTaxonomy::timeoutTypeKey(TimeoutType type)
{
    static constexpr std::array<QLatin1StringView, 11> names{
        QLatin1StringView(""),
        QLatin1StringView("exec"),
        QLatin1StringView("idle"),
        QLatin1StringView("callback"),
        QLatin1StringView("pre"),
        QLatin1StringView("post"),
        QLatin1StringView("setup_group"),
        QLatin1StringView("setup_task"),
        QLatin1StringView("teardown_task"),
        QLatin1StringView("teardown_group"),
        QLatin1StringView("other"),
    };
    return names[size_t(type)];
}
