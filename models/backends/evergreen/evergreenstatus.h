// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evergreensystem.h"

#include <QString>
#include <QStringView>

// The raw fields Evergreen derives its display status from.
struct EvergreenRawStatus
{
    QStringView status;             // task.status: undispatched, dispatched, started, …
    CommandType detailsType = CommandType::Unset;
    bool timedOut = false;
    QStringView detailsDescription; // status_details.desc ("heartbeat" matters)
    bool activated = false;
    bool aborted = false;
    bool blocked = false;           // the REST "blocked" field (already honours overrides)
    bool hasAnnotations = false;
};

namespace EvergreenStatus {
// The display status by the server's rule order (model/task/task.go, first match wins),
// with one refinement: an aborted task whose raw status is still started or dispatched is
// Aborting, because Evergreen has only marked it and it is still running.
Status derive(const EvergreenRawStatus &raw);

// A display_status string as the server sends it, for cross-checking; "aborted" maps to
// Aborted. Unknown strings give EvgOther.
Status fromDisplayStatus(QStringView displayStatus);

CommandType commandTypeFromString(QStringView type);
TimeoutType timeoutTypeFromString(QStringView type);

// Evergreen's documented defaults, shown when the server does not return the limit.
qint64 defaultTimeoutSeconds(TimeoutType type);
// "idle timeout: a command produced no output for too long (default 2 h)".
QString timeoutDescription(TimeoutType type);
}
