// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskaction.h"
#include "taskenums.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

// A status of some task system. Each system declares its statuses in its descriptor
// (system/systemdescriptor.h); the SystemRegistry numbers them 1, 2, … as the systems are
// registered, and keeps one flat table of StatusInfo so that a lookup is an array index.
// A task stores one of these (its resolved status) next to its native status text;
// everything else (label, stage, failure kind, colours, glyph, allowed actions) is looked
// up in the table, never decided by scattered ifs.
enum class Status : quint8 { Unset = 0 };
// Status masks (the query language, the sidebar) are 64-bit: Unset and 63 statuses.
inline constexpr int MaxStatuses = 64;

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

// Ranks of the default sort, most actionable first. All untriaged failures share a rank, so
// the newest come first whatever their kind; known issues, which somebody already looked at,
// follow them.
namespace ActionRank {
inline constexpr quint8 Failure = 0, Known = 1, Running = 2, Stopping = 3, Scheduled = 4,
                        Parked = 5, Done = 6;
}

struct StatusInfo
{
    Status status = Status::Unset;
    SystemId system = NoSystem;
    QLatin1StringView key;        // stable machine name: Evergreen's string or Mesos' TASK_*
    // Display label and refusal category are translated in the context "Status":
    // systems declare them with QT_TRANSLATE_NOOP("Status", …).
    const char *label = "Unknown";
    Stage stage = Stage::Scheduled;
    FailureKind kind = FailureKind::None;
    bool knownIssue = false;      // a test failure somebody already linked to an issue
    bool parked = false;          // scheduled, but the scheduler ignores it until a user acts
    bool unreachable = false;     // the task's host is lost; time since then is shown
    PaletteClass palette = PaletteClass::Muted;
    Glyph glyph = Glyph::Dot;
    quint8 actionRank = ActionRank::Done;
    ActionSet actions;            // what this status allows before per-task rules
    // Why a status refuses an action, as a short phrase to count refusals by ("already
    // aborting"); null: the stage says it ("finished", "running", "scheduled").
    const char *refusalCategory = nullptr;
};

namespace StatusTaxonomy {
const StatusInfo &info(Status status);
// One more than the highest registered status: loop `for (int i = 1; i < count(); ++i)`.
int count();
QString label(Status status);
QLatin1StringView key(Status status);
inline Stage stage(Status status) { return info(status).stage; }
inline FailureKind kind(Status status) { return info(status).kind; }
inline SystemId system(Status status) { return info(status).system; }
inline bool isFailure(Status status) { return info(status).kind != FailureKind::None; }

// "Will Run", "will-run", "WILL_RUN" and "Aborting…"/"aborting" are the same name:
// lower case, spaces and underscores as dashes, no ellipsis.
QString normalName(QStringView text);

QString stageName(Stage stage);        // "Scheduled", "In progress", "Finished"
QLatin1StringView stageKey(Stage stage);  // "scheduled", "in-progress", "finished"
QString failureKindName(FailureKind kind);
QLatin1StringView failureKindKey(FailureKind kind); // "none", "test", "system", "setup"
// The colours and glyph that stand for a failure kind (sidebar, legend, charts).
PaletteClass failureKindPalette(FailureKind kind);
Glyph failureKindGlyph(FailureKind kind);
QLatin1StringView glyphName(Glyph glyph);
QLatin1StringView timeoutTypeKey(TimeoutType type);
}
