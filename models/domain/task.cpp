// SPDX-License-Identifier: GPL-3.0-or-later
#include "task.h"

TaskDetails &Task::editDetails()
{
    if (!details)
        details.reset(new TaskDetails);
    else
        details.detach();   // copies only when another task shares them
    return const_cast<TaskDetails &>(*details);
}

bool Task::sameDetailsAs(const Task &other) const
{
    if (details == other.details)
        return true;
    if (!details || !other.details)
        return false;
    return *details == *other.details;
}

bool Task::operator==(const Task &other) const
{
    return id == other.id && name == other.name && group == other.group && host == other.host
        && message == other.message && nativeStatus == other.nativeStatus
        && reason == other.reason && version == other.version && scope == other.scope
        && createdAt == other.createdAt && scheduledAt == other.scheduledAt
        && startedAt == other.startedAt && finishedAt == other.finishedAt
        && updatedAt == other.updatedAt && priority == other.priority && flags == other.flags
        && execution == other.execution && source == other.source && status == other.status
        && health == other.health && commandType == other.commandType
        && timeoutType == other.timeoutType && sameDetailsAs(other);
}
