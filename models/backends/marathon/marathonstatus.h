// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "marathonsystem.h"

#include <QStringView>

// Marathon's mapping of Mesos task states to conditions (reference/marathon-api.md §5).
namespace MarathonStatus {
// A raw Mesos state from status_update_event.taskStatus or /v2/tasks state. TASK_LOST is
// resolved through reason and message as Marathon does; unknown strings become Unknown,
// as Marathon's Condition(str) does. Case-insensitive.
Status fromMesosState(QStringView state, QStringView reason = {}, QStringView message = {});

// How Marathon resolves TASK_LOST (TaskConditionMapping.scala): Unknown, Unreachable or Gone.
Status resolveLost(QStringView reason, QStringView message);

// instance_changed_event.condition ("Running", "UnreachableInactive", …).
Status fromCondition(QStringView condition);

// True for the Mesos state names Marathon knows (TASK_LOST included).
bool isKnownMesosState(QStringView state);
}
