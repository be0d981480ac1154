// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstatus.h"

#include "itemmodels/taskformat.h"

#include <QCoreApplication>

#include <cmath>

QString ConnectionStatus::text(Timestamp now) const
{
    QString result;
    switch (state) {
    case State::Idle:
        result = QCoreApplication::translate("ConnectionStatus", "Idle");
        break;
    case State::Connecting:
        result = QCoreApplication::translate("ConnectionStatus", "Connecting…");
        break;
    case State::Live:
        result = QCoreApplication::translate("ConnectionStatus", "Live");
        break;
    case State::Polling:
        result = QCoreApplication::translate("ConnectionStatus", "Polling every %1").arg(Duration::text(pollIntervalMs));
        if (lastDataAt)
            result += QCoreApplication::translate("ConnectionStatus", " · last at %1").arg(TaskFormat::time(lastDataAt, now));
        break;
    case State::Reconnecting: {
        const qint64 seconds = std::max<qint64>(0, qint64(std::ceil((retryAt - now) / 1000.0)));
        result = seconds > 0 ? QCoreApplication::translate("ConnectionStatus", "Reconnecting in %1 s (attempt %2)").arg(seconds).arg(attempt)
                             : QCoreApplication::translate("ConnectionStatus", "Reconnecting (attempt %1)").arg(attempt);
        break;
    }
    case State::Stale:
        result = QCoreApplication::translate("ConnectionStatus", "Stale since %1").arg(TaskFormat::time(since ? since : lastDataAt, now));
        break;
    case State::Failed:
        result = QCoreApplication::translate("ConnectionStatus", "Failed");
        break;
    }
    if (!detail.isEmpty() && state != State::Live)
        result += QStringLiteral(": ") + detail;
    return result;
}
