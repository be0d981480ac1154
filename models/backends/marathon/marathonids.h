// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

// Marathon's id formats (reference/marathon-api.md §2 "ID formats", core/task/Task.scala):
//   legacy task id    <safe path>.<uuid>   or  <safe path>_<uuid>
//   current task id   <safe path>.instance-<uuid>._app   (resident apps: ._app.<n>;
//                     pods: .<container> instead of ._app; "marathon-" for "instance-")
//   instance id       <safe path>.instance-<uuid>, legacy <safe path>.marathon-<uuid>
// A safe path is the app id without its leading slash and with '/' written as '_'; app id
// segments cannot contain '_', so the mapping back is exact.
namespace MarathonIds {
struct Parsed
{
    bool valid = false;
    QByteArray safePath;     // "prod_web"
    QByteArray instanceId;   // "prod_web.instance-<uuid>"; legacy: "prod_web.marathon-<uuid>"
    bool appTask = false;    // an app's task (not a pod container)
    bool plainAppTask = false; // exactly "<instanceId>._app": derivable from the instance id
};
Parsed parse(QByteArrayView taskId);

// "/prod/web" for "prod_web.instance-….​_app"; empty when the id has none of the formats.
QString appIdOfTask(QByteArrayView taskId);
QByteArray instanceOfTask(QByteArrayView taskId);
}

// What this connection knows exists, from the last snapshot and the status updates since:
// which tasks an instance id stands for (instance events name instances, the table holds
// tasks), and which tasks already have a start or staging time. It holds a 64-bit hash per
// task rather than its id, so a million tasks cost megabytes, not a second copy of every id;
// only tasks whose id cannot be derived from their instance id (resident apps, pods,
// legacy ids) are kept in full.
class MarathonTaskIndex
{
public:
    enum Flag : quint8 { Started = 1, Staged = 2 };

    void clear();
    // Records the task; returns its flags before this call (0 for a new task).
    quint8 add(QByteArrayView taskId, quint8 flags = 0);
    bool contains(QByteArrayView taskId) const;
    quint8 flags(QByteArrayView taskId) const;

    // The tasks of an instance this index knows; for an app, the latest one.
    QList<QByteArray> tasksOf(QByteArrayView instanceId) const;
    qsizetype size() const { return m_tasks.size(); }

private:
    static quint64 key(QByteArrayView id);

    QHash<quint64, quint8> m_tasks;
    QHash<QByteArray, QList<QByteArray>> m_irregular;   // instance → task ids
};
