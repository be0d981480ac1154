// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QMetaType>
#include <QString>

// One line of the event log: connection changes, actions and their results, server errors,
// rejected input.
struct LogEntry
{
    enum class Severity : quint8 { Info, Warning, Error };
    enum class Category : quint8 { Connection, Action, Server, Input, Data };

    Timestamp at = 0;
    Severity severity = Severity::Info;
    Category category = Category::Connection;
    QString origin;   // the connection's name, or "taskmon"
    QString text;
};

Q_DECLARE_METATYPE(LogEntry)
