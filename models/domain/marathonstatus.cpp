// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonstatus.h"

#include <QLatin1StringView>

#include <array>

namespace {
struct Mapping
{
    QLatin1StringView name;
    Status status;
};

constexpr std::array<Mapping, 13> mesosStates{{
    {QLatin1StringView("TASK_STAGING"), Status::MarStaging},
    {QLatin1StringView("TASK_STARTING"), Status::MarStarting},
    {QLatin1StringView("TASK_RUNNING"), Status::MarRunning},
    {QLatin1StringView("TASK_KILLING"), Status::MarKilling},
    {QLatin1StringView("TASK_FINISHED"), Status::MarFinished},
    {QLatin1StringView("TASK_FAILED"), Status::MarFailed},
    {QLatin1StringView("TASK_KILLED"), Status::MarKilled},
    {QLatin1StringView("TASK_ERROR"), Status::MarError},
    {QLatin1StringView("TASK_DROPPED"), Status::MarDropped},
    {QLatin1StringView("TASK_UNREACHABLE"), Status::MarUnreachable},
    {QLatin1StringView("TASK_GONE"), Status::MarGone},
    {QLatin1StringView("TASK_GONE_BY_OPERATOR"), Status::MarGone},
    {QLatin1StringView("TASK_UNKNOWN"), Status::MarUnknown},
}};

constexpr std::array<Mapping, 15> conditions{{
    {QLatin1StringView("Scheduled"), Status::MarScheduled},
    {QLatin1StringView("Provisioned"), Status::MarStaging},
    {QLatin1StringView("Staging"), Status::MarStaging},
    {QLatin1StringView("Starting"), Status::MarStarting},
    {QLatin1StringView("Running"), Status::MarRunning},
    {QLatin1StringView("Killing"), Status::MarKilling},
    {QLatin1StringView("Unreachable"), Status::MarUnreachable},
    {QLatin1StringView("UnreachableInactive"), Status::MarUnreachable},
    {QLatin1StringView("Finished"), Status::MarFinished},
    {QLatin1StringView("Killed"), Status::MarKilled},
    {QLatin1StringView("Failed"), Status::MarFailed},
    {QLatin1StringView("Error"), Status::MarError},
    {QLatin1StringView("Dropped"), Status::MarDropped},
    {QLatin1StringView("Gone"), Status::MarGone},
    {QLatin1StringView("Unknown"), Status::MarUnknown},
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
        return Status::MarUnknown;
    }
    // 3. Reconciliation hides the original reason; the agent may come back. v1 names the
    //    agent reasons REASON_AGENT_*; v0 says SLAVE.
    if (isOneOf(reason, {"REASON_RECONCILIATION", "REASON_SLAVE_DISCONNECTED",
                         "REASON_AGENT_DISCONNECTED", "REASON_SLAVE_REMOVED",
                         "REASON_AGENT_REMOVED"})) {
        return Status::MarUnreachable;
    }
    // 2. Any other reason, including none at all, means the task is gone.
    return Status::MarGone;
}

Status MarathonStatus::fromMesosState(QStringView state, QStringView reason, QStringView message)
{
    if (state.compare(lost, Qt::CaseInsensitive) == 0)
        return resolveLost(reason, message);
    for (const Mapping &mapping : mesosStates) {
        if (state.compare(mapping.name, Qt::CaseInsensitive) == 0)
            return mapping.status;
    }
    return Status::MarUnknown;
}

Status MarathonStatus::fromCondition(QStringView condition)
{
    for (const Mapping &mapping : conditions) {
        if (condition.compare(mapping.name, Qt::CaseInsensitive) == 0)
            return mapping.status;
    }
    return Status::MarUnknown;
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
