// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonstatus.h"

#include <QLatin1StringView>

#include <array>

namespace {
struct Mapping
{
    QLatin1StringView name;
    MarStatus status;
};

constexpr std::array<Mapping, 13> mesosStates{{
    {QLatin1StringView("TASK_STAGING"), MarStatus::Staging},
    {QLatin1StringView("TASK_STARTING"), MarStatus::Starting},
    {QLatin1StringView("TASK_RUNNING"), MarStatus::Running},
    {QLatin1StringView("TASK_KILLING"), MarStatus::Killing},
    {QLatin1StringView("TASK_FINISHED"), MarStatus::Finished},
    {QLatin1StringView("TASK_FAILED"), MarStatus::Failed},
    {QLatin1StringView("TASK_KILLED"), MarStatus::Killed},
    {QLatin1StringView("TASK_ERROR"), MarStatus::Error},
    {QLatin1StringView("TASK_DROPPED"), MarStatus::Dropped},
    {QLatin1StringView("TASK_UNREACHABLE"), MarStatus::Unreachable},
    {QLatin1StringView("TASK_GONE"), MarStatus::Gone},
    {QLatin1StringView("TASK_GONE_BY_OPERATOR"), MarStatus::Gone},
    {QLatin1StringView("TASK_UNKNOWN"), MarStatus::Unknown},
}};

constexpr std::array<Mapping, 15> conditions{{
    {QLatin1StringView("Scheduled"), MarStatus::Scheduled},
    {QLatin1StringView("Provisioned"), MarStatus::Staging},
    {QLatin1StringView("Staging"), MarStatus::Staging},
    {QLatin1StringView("Starting"), MarStatus::Starting},
    {QLatin1StringView("Running"), MarStatus::Running},
    {QLatin1StringView("Killing"), MarStatus::Killing},
    {QLatin1StringView("Unreachable"), MarStatus::Unreachable},
    {QLatin1StringView("UnreachableInactive"), MarStatus::Unreachable},
    {QLatin1StringView("Finished"), MarStatus::Finished},
    {QLatin1StringView("Killed"), MarStatus::Killed},
    {QLatin1StringView("Failed"), MarStatus::Failed},
    {QLatin1StringView("Error"), MarStatus::Error},
    {QLatin1StringView("Dropped"), MarStatus::Dropped},
    {QLatin1StringView("Gone"), MarStatus::Gone},
    {QLatin1StringView("Unknown"), MarStatus::Unknown},
}};

constexpr QLatin1StringView lost("TASK_LOST");

bool isOneOf(QStringView reason, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (reason.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

Status MarathonStatus::resolveLost(QStringView reason, QStringView message)
{
    // 1. Reconciliation found nothing: the master has never heard of the task.
    if (message.startsWith(QLatin1StringView("Reconciliation: Task is unknown to the"))
        || isOneOf(reason, {"REASON_TASK_UNKNOWN"})) {
        return mar(MarStatus::Unknown);
    }
    // 3. Reconciliation hides the original reason; the agent may come back. v1 names the
    //    agent reasons REASON_AGENT_*; v0 says SLAVE.
    if (isOneOf(reason, {"REASON_RECONCILIATION", "REASON_SLAVE_DISCONNECTED",
                         "REASON_AGENT_DISCONNECTED", "REASON_SLAVE_REMOVED",
                         "REASON_AGENT_REMOVED"})) {
        return mar(MarStatus::Unreachable);
    }
    // 2. Any other reason, including none at all, means the task is gone.
    return mar(MarStatus::Gone);
}

Status MarathonStatus::fromMesosState(QStringView state, QStringView reason, QStringView message)
{
    if (state.compare(lost, Qt::CaseInsensitive) == 0)
        return resolveLost(reason, message);
    for (const Mapping &mapping : mesosStates) {
        if (state.compare(mapping.name, Qt::CaseInsensitive) == 0)
            return mar(mapping.status);
    }
    return mar(MarStatus::Unknown);
}

Status MarathonStatus::fromCondition(QStringView condition)
{
    for (const Mapping &mapping : conditions) {
        if (condition.compare(mapping.name, Qt::CaseInsensitive) == 0)
            return mar(mapping.status);
    }
    return mar(MarStatus::Unknown);
}

bool MarathonStatus::isKnownMesosState(QStringView state)
{
    if (state.compare(lost, Qt::CaseInsensitive) == 0)
        return true;
    for (const Mapping &mapping : mesosStates) {
        if (state.compare(mapping.name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
