// SPDX-License-Identifier: GPL-3.0-or-later
#include "task.h"

TaskDetails &Task::editDetails()
{
    if (!details) {
        details = QExplicitlySharedDataPointer<const TaskDetails>(new TaskDetails);
    } else if (details->ref.loadRelaxed() != 1) {
        details = QExplicitlySharedDataPointer<const TaskDetails>(new TaskDetails(*details));
    }
    return const_cast<TaskDetails &>(*details);
}

static bool sameDetails(const Task &a, const Task &b)
{
    if (a.details == b.details)
        return true;
    if (!a.details || !b.details)
        return false;
    return *a.details == *b.details;
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
        && timeoutType == other.timeoutType && sameDetails(*this, other);
}
