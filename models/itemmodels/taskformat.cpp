// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskformat.h"

#include "domain/evergreenstatus.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TaskFormat", text);
}
} // namespace

QString TaskFormat::duration(qint64 milliseconds)
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

QString TaskFormat::time(Timestamp at, Timestamp now)
{
    if (at == 0)
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(at);
    const QDateTime today = QDateTime::fromMSecsSinceEpoch(now);
    if (local.date() == today.date())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("MMM d HH:mm"));
}

qint64 TaskFormat::runTime(const Task &task, Timestamp now)
{
    if (task.startedAt == 0)
        return -1;
    const Timestamp end = task.finishedAt ? task.finishedAt
                                          : (task.stage() == Stage::Finished ? 0 : now);
    return end >= task.startedAt ? end - task.startedAt : -1;
}

QString TaskFormat::sourceName(TaskSource source)
{
    switch (source) {
    case TaskSource::Demo:
        return tr("Demo");
    case TaskSource::Marathon:
        return tr("Marathon");
    case TaskSource::Evergreen:
        return tr("Evergreen");
    }
    return {};
}

QString TaskFormat::healthName(Health health)
{
    switch (health) {
    case Health::None:
        return {};
    case Health::Healthy:
        return tr("Healthy");
    case Health::Unhealthy:
        return tr("Unhealthy");
    }
    return {};
}

QString TaskFormat::commandTypeName(CommandType type)
{
    switch (type) {
    case CommandType::Unset:
        return {};
    case CommandType::Test:
        return tr("test");
    case CommandType::System:
        return tr("system");
    case CommandType::Setup:
        return tr("setup");
    }
    return {};
}

QString TaskFormat::timeoutDescription(TimeoutType type)
{
    const qint64 limit = EvergreenStatus::defaultTimeoutSeconds(type) * 1000;
    switch (type) {
    case TimeoutType::None:
        return {};
    case TimeoutType::Exec:
        return tr("exec timeout: the whole task ran longer than its limit (default %1)")
            .arg(duration(limit));
    case TimeoutType::Idle:
        return tr("idle timeout: a command produced no output for too long (default %1)")
            .arg(duration(limit));
    default:
        break;
    }
    const QString name = QString(StatusTaxonomy::timeoutTypeKey(type));
    if (limit > 0)
        return tr("%1 timeout (default %2)").arg(name, duration(limit));
    return tr("%1 timeout").arg(name);
}

QString TaskFormat::shortInstance(const Task &task)
{
    if (task.system() != TaskSystem::Marathon)
        return {};
    // <app>.instance-<uuid>._app[.n], or the legacy <app>.<uuid>.
    const QByteArray &id = task.id;
    const qsizetype instance = id.indexOf(".instance-");
    const qsizetype start = instance >= 0 ? instance + 10 : id.indexOf('.') + 1;
    // The uuid's first group (8 hex digits) is unique enough to tell instances apart.
    qsizetype end = start;
    while (end < id.size() && end - start < 8 && id[end] != '.' && id[end] != '-')
        ++end;
    return QString::fromUtf8(id.mid(start, end - start));
}

QString TaskFormat::displayName(const Task &task)
{
    if (task.name.isEmpty())
        return task.idString();
    const QString instance = shortInstance(task);
    return instance.isEmpty() ? task.name.toString() : task.name.toString() + QStringLiteral(" · ") + instance;
}
