// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenstatus.h"

#include "domain/duration.h"

#include <QCoreApplication>
#include <QLatin1StringView>

namespace {
class TimeoutText
{
    Q_DECLARE_TR_FUNCTIONS(EvergreenStatus)

public:
    static QString describe(TimeoutType type)
    {
        const qint64 limit = EvergreenStatus::defaultTimeoutSeconds(type) * 1000;
        switch (type) {
        case TimeoutType::None:
            return {};
        case TimeoutType::Exec:
            return tr("exec timeout: the whole task ran longer than its limit (default %1)").arg(Duration::text(limit));
        case TimeoutType::Idle:
            return tr("idle timeout: a command produced no output for too long (default %1)")
                .arg(Duration::text(limit));
        default:
            break;
        }
        const QString name = QString(StatusTaxonomy::timeoutTypeKey(type));
        if (limit > 0)
            return tr("%1 timeout (default %2)").arg(name, Duration::text(limit));
        return tr("%1 timeout").arg(name);
    }
};

bool is(QStringView text, const char *name)
{
    return text.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0;
}
} // namespace

Status EvergreenStatus::derive(const EvergreenRawStatus &raw)
{
    if (raw.hasAnnotations)
        return evg(EvgStatus::KnownIssue);
    if (raw.aborted) {
        if (is(raw.status, "started") || is(raw.status, "dispatched"))
            return evg(EvgStatus::Aborting);
        return evg(EvgStatus::Aborted);
    }
    if (is(raw.status, "success"))
        return evg(EvgStatus::Success);
    if (raw.detailsType == CommandType::Setup)
        return evg(EvgStatus::SetupFailed);
    if (raw.detailsType == CommandType::System) {
        if (raw.timedOut && is(raw.detailsDescription, "heartbeat"))
            return evg(EvgStatus::SystemUnresponsive);
        if (raw.timedOut)
            return evg(EvgStatus::SystemTimedOut);
        return evg(EvgStatus::SystemFailed);
    }
    if (raw.timedOut)
        return evg(EvgStatus::TaskTimedOut);
    if (is(raw.status, "undispatched")) {
        if (!raw.activated)
            return evg(EvgStatus::Unscheduled);
        if (raw.blocked)
            return evg(EvgStatus::Blocked);
        return evg(EvgStatus::WillRun);
    }
    return fromDisplayStatus(raw.status);
}

Status EvergreenStatus::fromDisplayStatus(QStringView displayStatus)
{
    static constexpr struct
    {
        const char *name;
        EvgStatus status;
    } names[] = {
        {"unscheduled", EvgStatus::Unscheduled},
        {"inactive", EvgStatus::Inactive},
        {"pending", EvgStatus::Pending},
        {"will-run", EvgStatus::WillRun},
        {"undispatched", EvgStatus::WillRun},
        {"unstarted", EvgStatus::WillRun},
        {"dispatched", EvgStatus::Dispatched},
        {"started", EvgStatus::Started},
        {"success", EvgStatus::Success},
        {"failed", EvgStatus::Failed},
        {"known-issue", EvgStatus::KnownIssue},
        {"task-timed-out", EvgStatus::TaskTimedOut},
        {"test-timed-out", EvgStatus::TestTimedOut},
        {"setup-failed", EvgStatus::SetupFailed},
        {"system-failed", EvgStatus::SystemFailed},
        {"system-timed-out", EvgStatus::SystemTimedOut},
        {"system-unresponsive", EvgStatus::SystemUnresponsive},
        {"aborted", EvgStatus::Aborted},
        {"blocked", EvgStatus::Blocked},
    };
    for (const auto &entry : names) {
        if (is(displayStatus, entry.name))
            return evg(entry.status);
    }
    return evg(EvgStatus::Other);
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

QString EvergreenStatus::timeoutDescription(TimeoutType type)
{
    return TimeoutText::describe(type);
}
