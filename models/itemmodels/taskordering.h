// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskcolumns.h"

#include "domain/task.h"

// Orders two tasks by a column without building QVariants: negative, zero or positive.
// Status orders "most actionable first" (failures of any kind, known issues, running,
// scheduled, the rest), the most recently updated first within each; every column falls
// back to the id so the order is total.
namespace TaskOrdering {
int compare(TaskColumn::Column column, const Task &a, const Task &b, Timestamp now);
}
