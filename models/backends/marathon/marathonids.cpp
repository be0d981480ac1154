// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonids.h"

#include <QHashFunctions>

#include <algorithm>

namespace {
constexpr QByteArrayView plainSuffix("._app");
constexpr qsizetype prefixLength = 10;   // ".instance-" and ".marathon-"

qsizetype lastOf(QByteArrayView text, char a, char b)
{
    return std::max(text.lastIndexOf(a), text.lastIndexOf(b));
}
} // namespace

MarathonIds::Parsed MarathonIds::parse(QByteArrayView taskId)
{
    Parsed result;
    const qsizetype marker = std::max(taskId.lastIndexOf(QByteArrayView(".instance-")),
                                      taskId.lastIndexOf(QByteArrayView(".marathon-")));
    if (marker > 0) {
        const qsizetype uuidStart = marker + prefixLength;
        qsizetype uuidEnd = uuidStart;
        while (uuidEnd < taskId.size() && taskId[uuidEnd] != '.' && taskId[uuidEnd] != '_')
            ++uuidEnd;
        if (uuidEnd == uuidStart)
            return result;
        result.valid = true;
        result.safePath = taskId.first(marker).toByteArray();
        result.instanceId = taskId.first(uuidEnd).toByteArray();
        const QByteArrayView rest = taskId.sliced(uuidEnd);
        if (rest.isEmpty())
            return result;   // an instance id, not a task id
        QByteArrayView container = rest.sliced(1);
        if (const qsizetype dot = container.indexOf('.'); dot >= 0)
            container = container.first(dot);
        result.appTask = container == "_app" || container == "$anon";
        result.plainAppTask = rest == plainSuffix;
        return result;
    }
    // Legacy: <safe path>[._]<uuid>, the uuid free of both separators.
    const qsizetype separator = lastOf(taskId, '.', '_');
    if (separator <= 0 || separator == taskId.size() - 1)
        return result;
    result.valid = true;
    result.safePath = taskId.first(separator).toByteArray();
    result.instanceId = result.safePath + ".marathon-" + taskId.sliced(separator + 1).toByteArray();
    result.appTask = true;
    return result;
}

QString MarathonIds::appIdOfTask(QByteArrayView taskId)
{
    const Parsed parsed = parse(taskId);
    if (!parsed.valid || parsed.safePath.isEmpty())
        return {};
    QByteArray path = parsed.safePath;
    path.replace('_', '/');
    return u'/' + QString::fromUtf8(path);
}

QByteArray MarathonIds::instanceOfTask(QByteArrayView taskId)
{
    return parse(taskId).instanceId;
}

quint64 MarathonTaskIndex::key(QByteArrayView id)
{
    // A fixed seed: the index is built in a worker thread and read in the GUI thread.
    return quint64(qHash(id, size_t(0x9e3779b97f4a7c15ULL)));
}

void MarathonTaskIndex::clear()
{
    m_tasks.clear();
    m_irregular.clear();
}

quint8 MarathonTaskIndex::add(QByteArrayView taskId, quint8 flags)
{
    const quint64 k = key(taskId);
    if (const auto it = m_tasks.find(k); it != m_tasks.end()) {
        const quint8 before = *it;
        *it |= flags;
        return before;
    }
    m_tasks.insert(k, flags);
    const MarathonIds::Parsed parsed = MarathonIds::parse(taskId);
    if (parsed.valid && !parsed.plainAppTask && !parsed.instanceId.isEmpty()) {
        QList<QByteArray> &tasks = m_irregular[parsed.instanceId];
        if (parsed.appTask)
            tasks = {taskId.toByteArray()};  // a resident app relaunches as ._app.<n+1>: the latest counts
        else
            tasks.append(taskId.toByteArray());  // one task per pod container
    }
    return 0;
}

bool MarathonTaskIndex::contains(QByteArrayView taskId) const
{
    return m_tasks.contains(key(taskId));
}

quint8 MarathonTaskIndex::flags(QByteArrayView taskId) const
{
    return m_tasks.value(key(taskId));
}

QList<QByteArray> MarathonTaskIndex::tasksOf(QByteArrayView instanceId) const
{
    QList<QByteArray> result;
    const QByteArray plain = instanceId.toByteArray() + plainSuffix.toByteArray();
    if (m_tasks.contains(key(plain)))
        result.append(plain);
    const auto it = m_irregular.constFind(instanceId.toByteArray());
    if (it != m_irregular.cend())
        result.append(*it);
    return result;
}
