// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskenums.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

// Every status taskmon knows, of both systems. A task stores one of these (its resolved
// status) next to its native status text; everything else (label, stage, failure kind,
// colours, glyph, allowed actions) is looked up in the taxonomy table, never decided by
// scattered ifs. Append only: values are stored and compared as quint8.
enum class Status : quint8 {
    Unset,

    // Evergreen display statuses (model/task/task.go determineDisplayStatus), plus Aborting,
    // which is our name for "aborted but the raw status is still started/dispatched".
    EvgUnscheduled,
    EvgInactive,
    EvgPending,
    EvgWillRun,
    EvgDispatched,
    EvgStarted,
    EvgAborting,
    EvgSuccess,
    EvgFailed,
    EvgKnownIssue,
    EvgTaskTimedOut,
    EvgTestTimedOut,
    EvgSetupFailed,
    EvgSystemFailed,
    EvgSystemTimedOut,
    EvgSystemUnresponsive,
    EvgAborted,
    EvgBlocked,
    EvgOther,   // a status string this version does not know; shown verbatim, no actions

    // Marathon conditions (core/condition/Condition.scala), TASK_LOST already resolved.
    MarScheduled,
    MarStaging,   // also Provisioned
    MarStarting,
    MarRunning,
    MarKilling,
    MarUnreachable, // also UnreachableInactive
    MarFinished,
    MarKilled,
    MarFailed,
    MarError,
    MarDropped,
    MarGone,      // TASK_GONE and TASK_GONE_BY_OPERATOR
    MarUnknown,

    Count_
};
inline constexpr int StatusCount = int(Status::Count_);

enum class PaletteClass : quint8 {
    TestFailure, KnownIssue, SystemFailure, SetupFailure, Success, InProgress, Scheduled, Muted
};
inline constexpr int PaletteClassCount = 8;

// Each glyph is an SVG in resources/glyphs/<name>.svg.
enum class Glyph : quint8 {
    Dot, Cross, CrossOutline, ClockAlert, Gear, Wrench, Check, Play, Clock, Pause, Stop, Lock,
    Unlink, Hourglass, Question
};
inline constexpr int GlyphCount = 15;

struct StatusInfo
{
    Status status;
    TaskSystem system;
    QLatin1StringView key;   // stable machine name: Evergreen's string or Mesos' TASK_*
    const char *label;       // display label (translated through StatusTaxonomy::label)
    Stage stage;
    FailureKind kind;
    bool knownIssue;         // a test failure somebody already linked to an issue
    bool parked;             // scheduled, but the scheduler ignores it until a user acts
    PaletteClass palette;
    Glyph glyph;
    quint8 actionRank;       // 0 = most actionable; the default sort order
    quint16 actions;         // ActionSet of what this status allows before per-task flags
};

namespace StatusTaxonomy {
const StatusInfo &info(Status status);
QString label(Status status);
QLatin1StringView key(Status status);
inline Stage stage(Status status) { return info(status).stage; }
inline FailureKind kind(Status status) { return info(status).kind; }
inline TaskSystem system(Status status) { return info(status).system; }
inline bool isFailure(Status status) { return info(status).kind != FailureKind::None; }

// "Will Run", "will-run", "WILL_RUN" and "Aborting…"/"aborting" are the same name:
// lower case, spaces and underscores as dashes, no ellipsis.
QString normalName(QStringView text);
// Status whose key or label equals text as a normal name (keys first).
// Returns Status::Unset when nothing matches.
Status fromKeyOrLabel(QStringView text);

QString stageName(Stage stage);        // "Scheduled", "In progress", "Finished"
QLatin1StringView stageKey(Stage stage);  // "scheduled", "in-progress", "finished"
QString failureKindName(FailureKind kind);
QLatin1StringView failureKindKey(FailureKind kind); // "none", "test", "system", "setup"
QLatin1StringView sourceKey(TaskSource source);     // "demo", "marathon", "evergreen"
QLatin1StringView glyphName(Glyph glyph);
QLatin1StringView timeoutTypeKey(TimeoutType type);
}
