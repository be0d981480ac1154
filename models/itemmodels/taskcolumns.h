// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <Qt>

// The columns of the task table and the roles its model serves, in one place for the
// model, the proxy, the delegates and the tests.
namespace TaskColumn {
enum Column : int {
    Status,
    Name,
    Id,
    Group,
    Source,
    Stage,
    Kind,
    Priority,
    Host,
    Health,
    Started,
    Duration,
    Updated,
    Message,
    Count
};
QString title(Column column);
// Stable machine names for settings and taskmon-cli: "status", "group", …
QLatin1StringView key(Column column);
}

namespace TaskRole {
enum Role : int {
    Raw = Qt::UserRole + 1, // typed value for sorting: qint64, int or QString
    Status,                 // int(Status): the delegate's badge and the action rules
    Stage,                  // int(Stage)
    Kind,                   // int(FailureKind)
    TaskId,                 // QByteArray
    ChangedAt,              // quint32 store clock of the last change (rows flash)
    Overdue,                // bool: unreachable for longer than the threshold
};
}
