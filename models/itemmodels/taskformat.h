// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/duration.h"
#include "domain/task.h"

#include <QString>

// How times and durations read in the table, the details pane and taskmon-cli.
namespace TaskFormat {
// Local wall-clock time: "12:04:31" today, "Nov 20 12:04" otherwise; empty for 0.
QString time(Timestamp at, Timestamp now);
// Run time of a task: start to finish, or start to now while it runs; -1 if unknown.
qint64 runTime(const Task &task, Timestamp now);
QString sourceName(SystemId source);   // the system's name: "Marathon"
// What tells tasks of one name apart, as the task's system says (Marathon's instance uuid,
// shortened: "1a2b3c4d"); empty for tasks whose name is already their own.
QString shortInstance(const Task &task);
// The name column: "web · 1a2b3c4d" when the system tells instances apart, the name otherwise.
QString displayName(const Task &task);
QString healthName(Health health);
QString commandTypeName(CommandType type);
}
