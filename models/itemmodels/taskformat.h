// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QString>

// How times and durations read in the table, the details pane and taskmon-cli.
namespace TaskFormat {
// "45 s", "12 min", "3 h 12 min", "2 d 4 h"; empty for negative input.
QString duration(qint64 milliseconds);
// Local wall-clock time: "12:04:31" today, "Nov 20 12:04" otherwise; empty for 0.
QString time(Timestamp at, Timestamp now);
// Run time of a task: start to finish, or start to now while it runs; -1 if unknown.
qint64 runTime(const Task &task, Timestamp now);
QString sourceName(TaskSource source);
// What tells tasks of one app apart: Marathon's instance uuid, shortened ("1a2b3c4d");
// empty for tasks whose name is already their own (Evergreen's display names).
QString shortInstance(const Task &task);
// The name column: "web · 1a2b3c4d" for a Marathon task, the display name otherwise.
QString displayName(const Task &task);
QString healthName(Health health);
QString commandTypeName(CommandType type);
// "idle timeout (no output for 2 h, Evergreen's default)".
QString timeoutDescription(TimeoutType type);
}
