// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatus.h"

#include "itemmodels/taskformat.h"

#include <QCoreApplication>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionStatus", text);
}
} // namespace

QString ConnectionStatus::text(Timestamp now) const
{
    QString result;
    switch (state) {
    case State::Idle:
        result = tr("Idle");
        break;
    case State::Connecting:
        result = tr("Connecting…");
        break;
    case State::Live:
        result = tr("Live");
        break;
    case State::Polling:
        result = tr("Polling every %1").arg(TaskFormat::duration(pollIntervalMs));
        if (lastDataAt)
            result += tr(" · last at %1").arg(TaskFormat::time(lastDataAt, now));
        break;
    case State::Reconnecting: {
        const qint64 seconds = std::max<qint64>(0, qint64(std::ceil((retryAt - now) / 1000.0)));
        result = seconds > 0 ? tr("Reconnecting in %1 s (attempt %2)").arg(seconds).arg(attempt)
                             : tr("Reconnecting (attempt %1)").arg(attempt);
        break;
    }
    case State::Stale:
        result = tr("Stale since %1").arg(TaskFormat::time(since ? since : lastDataAt, now));
        break;
    case State::Failed:
        result = tr("Failed");
        break;
    }
    if (!detail.isEmpty() && state != State::Live)
        result += QStringLiteral(": ") + detail;
    return result;
}
