// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QList>
#include <QMetaType>

// Which fields of a delta's task carry news. A Marathon status_update_event knows the
// status, host and message of a task but not its health; the store copies only what the
// mask names, so partial updates never wipe what an earlier event or snapshot said.
namespace TaskField {
enum : quint32 {
    Name = 1u << 0,
    Group = 1u << 1,
    Host = 1u << 2,
    Message = 1u << 3,
    Status = 1u << 4,      // status, nativeStatus, reason, commandType, timeoutType
    Priority = 1u << 5,
    CreatedAt = 1u << 6,
    ScheduledAt = 1u << 7,
    StartedAt = 1u << 8,
    FinishedAt = 1u << 9,
    UpdatedAt = 1u << 10,
    Health = 1u << 11,
    Version = 1u << 12,
    Scope = 1u << 13,
    Execution = 1u << 14,
    Details = 1u << 15,
    Flags = 1u << 16,      // only the bits named by TaskDelta::flagMask
    Source = 1u << 17,
    All = (1u << 18) - 1,
};
}

struct TaskDelta
{
    enum class Kind : quint8 { Upsert, Remove };

    Kind kind = Kind::Upsert;
    quint32 fields = TaskField::All;
    quint16 flagMask = 0xFFFF;
    Task task;

    static TaskDelta upsert(Task task, quint32 fields = TaskField::All, quint16 flagMask = 0xFFFF)
    {
        return {Kind::Upsert, fields, flagMask, std::move(task)};
    }
    static TaskDelta remove(QByteArray id)
    {
        TaskDelta delta;
        delta.kind = Kind::Remove;
        delta.task.id = std::move(id);
        return delta;
    }
};

using TaskBatch = QList<TaskDelta>;

// A status change as the store recorded it.
struct StatusTransition
{
    QByteArray id;
    Status from = Status::Unset;
    Status to = Status::Unset;
    Timestamp at = 0;
};

Q_DECLARE_METATYPE(TaskBatch)
Q_DECLARE_METATYPE(StatusTransition)
