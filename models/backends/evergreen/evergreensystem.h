// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"
#include "domain/taskstatus.h"

#include <optional>

// Evergreen's display statuses (model/task/task.go determineDisplayStatus), numbered locally,
// plus Aborting, which is our name for "aborted but the raw status is still
// started/dispatched". The registry gives them their global numbers.
enum class EvgStatus : quint8 {
    Unscheduled,
    Inactive,
    Pending,
    WillRun,
    Dispatched,
    Started,
    Aborting,
    Success,
    Failed,
    KnownIssue,
    TaskTimedOut,
    TestTimedOut,
    SetupFailed,
    SystemFailed,
    SystemTimedOut,
    SystemUnresponsive,
    Aborted,
    Blocked,
    Other,   // a status string this version does not know; shown verbatim, no actions
    Count_
};

enum class EvgAction : quint8 { Abort, Restart, Schedule, Unschedule, SetPriority, OverrideDependencies, Count_ };

// The Evergreen system: its descriptor, registered on first use, and its numbering.
namespace EvergreenSystem {
SystemId id();
Status status(EvgStatus local);
std::optional<EvgStatus> local(Status status);
TaskAction action(EvgAction local);
std::optional<EvgAction> localAction(TaskAction action);

// Evergreen priorities are integers from −1 (the same as unscheduling) to 100; higher needs
// project admin rights and is only sent as an explicit admin request.
inline constexpr int MinPriority = -1;
inline constexpr int MaxPriority = 100;
}

inline Status evg(EvgStatus local)
{
    return EvergreenSystem::status(local);
}

inline TaskAction evgAction(EvgAction local)
{
    return EvergreenSystem::action(local);
}
