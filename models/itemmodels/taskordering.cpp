// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskordering.h"

#include "taskformat.h"

namespace {
template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareText(InternedString a, InternedString b)
{
    if (a == b)
        return 0;
    return a.view().compare(b.view(), Qt::CaseInsensitive);
}

int compareStatus(const Task &a, const Task &b)
{
    if (int c = threeWay(a.statusInfo().actionRank, b.statusInfo().actionRank))
        return c;
    if (int c = threeWay(b.updatedAt, a.updatedAt)) // newest first
        return c;
    return threeWay(int(a.status), int(b.status));
}
} // namespace

int TaskOrdering::compare(TaskColumn::Column column, const Task &a, const Task &b, Timestamp now)
{
    int c = 0;
    switch (column) {
    case TaskColumn::Status:
        c = compareStatus(a, b);
        break;
    case TaskColumn::Name:
        c = compareText(a.name, b.name);
        break;
    case TaskColumn::Id:
        break;
    case TaskColumn::Group:
        c = compareText(a.group, b.group);
        break;
    case TaskColumn::Source:
        c = threeWay(int(a.source), int(b.source));
        break;
    case TaskColumn::Stage:
        c = threeWay(int(a.stage()), int(b.stage()));
        break;
    case TaskColumn::Kind:
        c = threeWay(int(a.failureKind()), int(b.failureKind()));
        break;
    case TaskColumn::Priority:
        c = threeWay(a.priority, b.priority);
        break;
    case TaskColumn::Host:
        c = compareText(a.host, b.host);
        break;
    case TaskColumn::Health:
        c = threeWay(int(a.health), int(b.health));
        break;
    case TaskColumn::Started:
        c = threeWay(a.startedAt, b.startedAt);
        break;
    case TaskColumn::Duration:
        c = threeWay(TaskFormat::runTime(a, now), TaskFormat::runTime(b, now));
        break;
    case TaskColumn::Updated:
        c = threeWay(a.updatedAt, b.updatedAt);
        break;
    case TaskColumn::Message:
        c = compareText(a.message, b.message);
        break;
    case TaskColumn::Count:
        break;
    }
    if (c != 0)
        return c;
    return threeWay(a.id, b.id);
}
