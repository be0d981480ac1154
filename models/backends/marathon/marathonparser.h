// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "marathonids.h"
#include "system/logentry.h"
#include "store/taskdelta.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// Marathon's JSON, decoded into plain structs (reference/marathon-api.md §1–3). The only
// place nlohmann/json meets Marathon. Nothing here throws: input that is not JSON, or not
// the shape its type promises, comes back as an error with a snippet of the offending text;
// fields of the wrong type count as missing.
namespace MarathonParser {

// What /v2/tasks (or /v2/apps/{id}/tasks) lists.
struct TaskListing
{
    QList<Task> tasks;
    MarathonTaskIndex index;   // of the listed tasks, Started/Staged set where known
    int skipped = 0;           // entries that were not task objects with an id
    qsizetype repairedUtf8 = 0;   // invalid UTF-8 sequences read as U+FFFD
    QString error;             // set when the body was not a task listing at all
};
TaskListing parseTasks(QByteArrayView body);

// The fields a /v2/tasks listing speaks for; the rest (the last status message, when a
// task finished) comes from the event stream and must survive a resync.
quint32 snapshotFields();
inline constexpr quint16 snapshotFlagMask = TaskFlag::HasLocalVolumes;

// One frame of /v2/events, reduced to what it means for the table and the log.
struct Event
{
    enum class Kind : quint8 {
        TaskUpdate,      // delta: one task, fields as the event knows them
        InstanceUpdate,  // instanceId with a condition and/or health, for its tasks
        Attached,        // event_stream_attached
        Ignored,         // known, but changes nothing taskmon shows
        Unknown,         // an eventType taskmon does not know
        Malformed,       // not JSON, or missing what its type needs; error says why
    };

    Kind kind = Kind::Ignored;
    QByteArray type;             // eventType, or the frame's event name when the JSON has none
    Timestamp at = 0;            // the event's timestamp

    TaskDelta delta;             // TaskUpdate
    // TaskUpdate from TASK_LOST without a reason: the status is left to the
    // instance_changed_event Marathon sends with it (it knows the reason; the event does not).
    bool statusDeferred = false;

    QByteArray instanceId;       // InstanceUpdate
    Status condition = Status::Unset;   // instance_changed_event, resolved
    QString conditionName;       // as Marathon wrote it ("UnreachableInactive")
    std::optional<Health> health;
    QString host;                // InstanceUpdate: the agent's host, when known

    // A line for the event log (deployments, app terminations, unhealthy kills, …).
    QString logText;
    LogEntry::Severity logSeverity = LogEntry::Severity::Info;

    QString error;               // Malformed
    qsizetype repairedUtf8 = 0;  // invalid UTF-8 sequences read as U+FFFD
};
Event parseEvent(QByteArrayView eventName, QByteArrayView data);

// Actions: the body of POST /v2/tasks/delete, and the ids a kill answer says were killed
// (nullopt when the answer lists none, as a scale=true deployment answer does).
QByteArray killBody(const QList<QByteArray> &ids);
std::optional<QList<QByteArray>> killedIds(QByteArrayView body);
// The deploymentId of a DeploymentResult ({"deploymentId":…,"version":…}); empty otherwise.
QString deploymentId(QByteArrayView body);

// The details pane's raw record: the task's object from a /v2/apps/{id}/tasks answer,
// pretty-printed; empty when the listing does not hold it.
QString prettyTask(QByteArrayView body, QByteArrayView taskId, QString *error);
}
