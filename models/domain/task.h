// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "internedstring.h"
#include "taskenums.h"
#include "taskstatus.h"

#include <QByteArray>
#include <QList>
#include <QSharedData>
#include <QString>

// One dependency of an Evergreen task (depends_on[]).
struct TaskDependency
{
    QString taskId;
    QString requiredStatus;   // "success", "failed", "*"
    bool operator==(const TaskDependency &) const = default;
};

// One Marathon health check result (healthCheckResults[]).
struct HealthCheckResult
{
    bool alive = false;
    int consecutiveFailures = 0;
    qint64 lastSuccessAt = 0;
    qint64 lastFailureAt = 0;
    QString lastFailureCause;
    bool operator==(const HealthCheckResult &) const = default;
};

// An issue linked from an Evergreen task annotation.
struct IssueLink
{
    QString url;
    QString key;
    double confidence = 0;
    bool operator==(const IssueLink &) const = default;
};

struct TaskAnnotations
{
    bool loaded = false;
    QList<IssueLink> issues;          // make the task a Known Issue
    QList<IssueLink> suspectedIssues; // possibly related; do not
    QString note;
    bool operator==(const TaskAnnotations &) const = default;
};

// The rarely needed, variable-length part of a task, shared between copies. Most Marathon
// tasks have none, which keeps a million of them small.
struct TaskDetails : QSharedData
{
    // Extra fields for the details pane, in display order: ("Project", "mongodb-mongo-master").
    QList<std::pair<QString, QString>> fields;
    QList<TaskDependency> dependsOn;
    QList<HealthCheckResult> healthChecks;
    TaskAnnotations annotations;

    bool operator==(const TaskDetails &other) const
    {
        return fields == other.fields && dependsOn == other.dependsOn
            && healthChecks == other.healthChecks && annotations == other.annotations;
    }
};

// Milliseconds since the Unix epoch, UTC; 0 means "not known".
using Timestamp = qint64;

// A task of either system. A plain value type: backends fill it, the store keeps it, views
// read it. Repeating strings are interned; the id is the one string every task owns.
struct Task
{
    QByteArray id;               // unique across sources; UTF-8
    InternedString name;         // Evergreen display_name; Marathon app base name
    InternedString group;        // Marathon app id; Evergreen build variant
    InternedString host;
    InternedString message;      // last status message or failure description
    InternedString nativeStatus; // exactly what the system said: "TASK_LOST", "failed"
    InternedString reason;       // Marathon: Mesos reason; Evergreen: failing command
    InternedString version;      // Marathon app version; Evergreen version id
    InternedString scope;        // Evergreen build id; empty for Marathon
    QExplicitlySharedDataPointer<const TaskDetails> details;

    Timestamp createdAt = 0;
    Timestamp scheduledAt = 0;   // Evergreen scheduled_time; Marathon stagedAt
    Timestamp startedAt = 0;
    Timestamp finishedAt = 0;
    Timestamp updatedAt = 0;     // last change, server time when the server says
    Timestamp firstSeenAt = 0;   // when taskmon first saw the task

    qint32 priority = 0;
    quint16 flags = 0;           // TaskFlag bits
    quint16 execution = 0;       // Evergreen execution number
    SystemId source = NoSystem;  // the system that reported the task
    Status status = Status::Unset;
    Health health = Health::None;
    CommandType commandType = CommandType::Unset;
    TimeoutType timeoutType = TimeoutType::None;
    quint8 connection = 0;       // which connection the task came from (set by the session)

    bool hasFlag(quint16 flag) const { return flags & flag; }
    void setFlag(quint16 flag, bool on = true) { flags = on ? quint16(flags | flag) : quint16(flags & ~flag); }

    const StatusInfo &statusInfo() const { return StatusTaxonomy::info(status); }
    Stage stage() const { return statusInfo().stage; }
    FailureKind failureKind() const { return statusInfo().kind; }
    SystemId system() const { return statusInfo().system; }

    QString idString() const { return QString::fromUtf8(id); }
    // A detached, editable copy of the details (creates them when missing).
    TaskDetails &editDetails();

    // Compares what the systems said; firstSeenAt and connection are bookkeeping.
    bool operator==(const Task &other) const;
    // Equal details, compared by value only when the two do not share them.
    bool sameDetailsAs(const Task &other) const;
};
