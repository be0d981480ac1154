// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QRandomGenerator;

// Names that make the demo look like a real cluster and a real CI version.
namespace DemoNames {
struct App
{
    const char *id;          // Marathon app id
    int instances;
    bool residentVolumes;    // persistent local volumes (Kill & Wipe applies)
    bool healthChecks;
    bool lockedByDeployment; // Kill & Scale / Restart App answer 409 until forced
};
const QList<App> &apps();
const QStringList &buildVariants();
const QStringList &evergreenTasks();
QStringList hosts();
QByteArray marathonTaskId(const char *appId, QRandomGenerator &random);
QByteArray evergreenTaskId(const QString &variant, const QString &task, const QByteArray &revision);
QString failureMessage(QRandomGenerator &random);
}
