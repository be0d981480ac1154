// SPDX-License-Identifier: GPL-3.0-or-later
#include "duration.h"

#include <QCoreApplication>

namespace {
class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(Duration)

public:
    static QString of(qint64 milliseconds)
    {
        if (milliseconds < 0)
            return {};
        const qint64 seconds = milliseconds / 1000;
        if (seconds < 60)
            return tr("%1 s").arg(seconds);
        const qint64 minutes = seconds / 60;
        if (minutes < 60)
            return tr("%1 min").arg(minutes);
        const qint64 hours = minutes / 60;
        if (hours < 24)
            return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60) : tr("%1 h").arg(hours);
        const qint64 days = hours / 24;
        return hours % 24 ? tr("%1 d %2 h").arg(days).arg(hours % 24) : tr("%1 d").arg(days);
    }
};
} // namespace

QString Duration::text(qint64 milliseconds)
{
    return DurationText::of(milliseconds);
}
