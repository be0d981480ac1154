// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenstatus.h"

#include <QLatin1StringView>

namespace {
bool is(QStringView text, const char *name)
{
    return text.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0;
}
} // namespace

Status EvergreenStatus::derive(const EvergreenRawStatus &raw)
{
    if (raw.hasAnnotations)
        return Status::EvgKnownIssue;
    if (raw.aborted) {
        if (is(raw.status, "started") || is(raw.status, "dispatched"))
            return Status::EvgAborting;
        return Status::EvgAborted;
    }
    if (is(raw.status, "success"))
        return Status::EvgSuccess;
    if (raw.detailsType == CommandType::Setup)
        return Status::EvgSetupFailed;
    if (raw.detailsType == CommandType::System) {
        if (raw.timedOut && is(raw.detailsDescription, "heartbeat"))
            return Status::EvgSystemUnresponsive;
        if (raw.timedOut)
            return Status::EvgSystemTimedOut;
        return Status::EvgSystemFailed;
    }
    if (raw.timedOut)
        return Status::EvgTaskTimedOut;
    if (is(raw.status, "undispatched")) {
        if (!raw.activated)
            return Status::EvgUnscheduled;
        if (raw.blocked)
            return Status::EvgBlocked;
        return Status::EvgWillRun;
    }
    return fromDisplayStatus(raw.status);
}

Status EvergreenStatus::fromDisplayStatus(QStringView displayStatus)
{
    static constexpr struct
    {
        const char *name;
        Status status;
    } names[] = {
        {"unscheduled", Status::EvgUnscheduled},
        {"inactive", Status::EvgInactive},
        {"pending", Status::EvgPending},
        {"will-run", Status::EvgWillRun},
        {"undispatched", Status::EvgWillRun},
        {"unstarted", Status::EvgWillRun},
        {"dispatched", Status::EvgDispatched},
        {"started", Status::EvgStarted},
        {"success", Status::EvgSuccess},
        {"failed", Status::EvgFailed},
        {"known-issue", Status::EvgKnownIssue},
        {"task-timed-out", Status::EvgTaskTimedOut},
        {"test-timed-out", Status::EvgTestTimedOut},
        {"setup-failed", Status::EvgSetupFailed},
        {"system-failed", Status::EvgSystemFailed},
        {"system-timed-out", Status::EvgSystemTimedOut},
        {"system-unresponsive", Status::EvgSystemUnresponsive},
        {"aborted", Status::EvgAborted},
        {"blocked", Status::EvgBlocked},
    };
    for (const auto &entry : names) {
        if (is(displayStatus, entry.name))
            return entry.status;
    }
    return Status::EvgOther;
}

CommandType EvergreenStatus::commandTypeFromString(QStringView type)
{
    if (is(type, "test"))
        return CommandType::Test;
    if (is(type, "system"))
        return CommandType::System;
    if (is(type, "setup"))
        return CommandType::Setup;
    return CommandType::Unset;
}

TimeoutType EvergreenStatus::timeoutTypeFromString(QStringView type)
{
    if (type.isEmpty())
        return TimeoutType::None;
    for (int i = 1; i < int(TimeoutType::Other); ++i) {
        const auto candidate = TimeoutType(i);
        if (is(type, StatusTaxonomy::timeoutTypeKey(candidate).data()))
            return candidate;
    }
    return TimeoutType::Other;
}

qint64 EvergreenStatus::defaultTimeoutSeconds(TimeoutType type)
{
    switch (type) {
    case TimeoutType::Exec:
        return 6 * 3600;   // DefaultExecTimeout
    case TimeoutType::Idle:
        return 2 * 3600;   // DefaultIdleTimeout, per command without output
    case TimeoutType::Callback:
        return 15 * 60;
    case TimeoutType::Pre:
        return 2 * 3600;
    case TimeoutType::Post:
        return 30 * 60;
    case TimeoutType::TeardownGroup:
        return 3 * 60;
    default:
        return 0;
    }
}
