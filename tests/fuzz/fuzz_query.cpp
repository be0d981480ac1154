// SPDX-License-Identifier: GPL-3.0-or-later
// The query language: any text parses to a query or to an error inside the text, and a
// parsed query can be matched against a task.
#include "fuzzsupport.h"

#include "backends/marathon/marathonsystem.h"
#include "itemmodels/taskquery.h"
#include "systems/registersystems.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Status and source names come from the registered systems, as in taskmon.
    static const bool registered = (registerSystems(), true);
    Q_UNUSED(registered)
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    TaskQuery::Error error;
    const TaskQuery query = TaskQuery::parse(text, &error);
    if (error.isError()) {
        Fuzz::check(query.isEmpty(), "a malformed query that is not empty");
        Fuzz::check(error.position <= text.size() && error.length >= 0
                        && error.position + error.length <= text.size() + 1,
                    "an error outside the query text");
        Fuzz::check(!error.message.isEmpty(), "an error without a message");
        return 0;
    }
    static const Task task = [] {
        Task t;
        t.id = QByteArrayLiteral("web.instance-1._app");
        t.name = InternedString(QStringLiteral("web"));
        t.group = InternedString(QStringLiteral("/prod/web"));
        t.host = InternedString(QStringLiteral("agent-7"));
        t.message = InternedString(QStringLiteral("disk full"));
        t.status = mar(MarStatus::Failed);
        t.source = MarathonSystem::id();
        return t;
    }();
    query.matches(task);
    query.matches(Task());
    return 0;
}
