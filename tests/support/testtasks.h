// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "domain/task.h"

#include <QString>

// Small builders for tests: a task of each system with the fields most tests care about.
namespace TestTasks {
inline Task marathon(const char *id, Status status, const char *app = "/web",
                     const char *host = "agent-1")
{
    Task task;
    task.id = id;
    task.source = MarathonSystem::id();
    task.status = status;
    task.nativeStatus = InternedString(QString(StatusTaxonomy::key(status)));
    task.group = InternedString(QString::fromUtf8(app));
    task.name = InternedString(QString::fromUtf8(app).section(u'/', -1));
    task.host = InternedString(QString::fromUtf8(host));
    return task;
}

inline Task evergreen(const char *id, Status status, const char *variant = "ubuntu2204",
                      int priority = 0)
{
    Task task;
    task.id = id;
    task.source = EvergreenSystem::id();
    task.status = status;
    task.nativeStatus = InternedString(QString(StatusTaxonomy::key(status)));
    task.group = InternedString(QString::fromUtf8(variant));
    task.name = InternedString(QStringLiteral("compile"));
    task.priority = priority;
    return task;
}
}
