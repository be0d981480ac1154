// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Small closed vocabularies shared by every layer. Values are stored in quint8 fields of
// Task, so keep each enum below 256 entries and append rather than reorder.

// A task system (Marathon, Evergreen, …) as registered in the SystemRegistry: 1, 2, … in
// the order of registration; 0 is "none". Core code never names a system: it asks the
// system's descriptor.
using SystemId = quint8;
inline constexpr SystemId NoSystem = 0;
inline constexpr int MaxSystems = 8;   // StatusCounts and ActionContext keep arrays of this size

// The lifecycle of the Evergreen seed, applied to both systems.
enum class Stage : quint8 { Scheduled, InProgress, Finished };
inline constexpr int StageCount = 3;

// test = the task's own work failed, system = infrastructure failed,
// setup = the task could not be set up or its description is invalid.
enum class FailureKind : quint8 { None, Test, System, Setup };
inline constexpr int FailureKindCount = 4;

enum class Health : quint8 { None, Healthy, Unhealthy };

// Evergreen status_details.type: the command type that decides the failure colour.
enum class CommandType : quint8 { Unset, Test, System, Setup };

// Evergreen status_details.timeout_type; the agent records only the first timeout.
enum class TimeoutType : quint8 {
    None, Exec, Idle, Callback, Pre, Post, SetupGroup, SetupTask, TeardownTask, TeardownGroup, Other
};

// Task::flags bits.
namespace TaskFlag {
enum : quint16 {
    Activated = 1 << 0,           // Evergreen: the scheduler will consider the task
    Aborted = 1 << 1,             // Evergreen: abort requested (may still be running)
    Blocked = 1 << 2,             // Evergreen: a dependency finished with the wrong status
    HasAnnotations = 1 << 3,      // Evergreen: the execution has linked issues
    HasLocalVolumes = 1 << 4,     // Marathon: resident task with persistent volumes
    TimedOut = 1 << 5,            // Evergreen: status_details.timed_out
    OverrideDependencies = 1 << 6,// Evergreen: dependencies were overridden
    DisplayTask = 1 << 7,         // Evergreen: a display task grouping execution tasks
    ExecutionTask = 1 << 8,       // Evergreen: part of a display task
    ResetWhenFinished = 1 << 9,   // Evergreen: restart is deferred until the task finishes
};
}
