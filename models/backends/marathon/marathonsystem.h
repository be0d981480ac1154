// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"
#include "domain/taskstatus.h"

#include <optional>

// Marathon's statuses, numbered locally; the registry gives them their global numbers.
// Marathon conditions (core/condition/Condition.scala), TASK_LOST already resolved.
enum class MarStatus : quint8 {
    Scheduled,
    Staging,      // also Provisioned
    Starting,
    Running,
    Killing,
    Unreachable,  // also UnreachableInactive
    Finished,
    Killed,
    Failed,
    Error,
    Dropped,
    Gone,         // TASK_GONE and TASK_GONE_BY_OPERATOR
    Unknown,
    Count_
};

enum class MarAction : quint8 { Kill, KillAndScale, KillAndWipe, RestartApp, Restart, Count_ };

// The Marathon system: its descriptor, registered on first use, and its numbering.
namespace MarathonSystem {
SystemId id();
Status status(MarStatus local);
// Which of Marathon's statuses a status is; nothing for another system's.
std::optional<MarStatus> local(Status status);
TaskAction action(MarAction local);
std::optional<MarAction> localAction(TaskAction action);
}

inline Status mar(MarStatus local)
{
    return MarathonSystem::status(local);
}

inline TaskAction marAction(MarAction local)
{
    return MarathonSystem::action(local);
}
