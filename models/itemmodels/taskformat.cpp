// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskformat.h"

#include "system/systemregistry.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {
class TaskFormatText
{
    Q_DECLARE_TR_FUNCTIONS(TaskFormat)

public:
    static QString health(Health health)
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

    static QString commandType(CommandType type)
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
};
} // namespace

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

QString TaskFormat::sourceName(SystemId source)
{
    return SystemRegistry::name(source);
}

QString TaskFormat::healthName(Health health)
{
    return TaskFormatText::health(health);
}

QString TaskFormat::commandTypeName(CommandType type)
{
    return TaskFormatText::commandType(type);
}

QString TaskFormat::shortInstance(const Task &task)
{
    const SystemDescriptor *system = SystemRegistry::descriptor(task.system());
    return system ? system->shortInstance(task) : QString();
}

QString TaskFormat::displayName(const Task &task)
{
    if (task.name.isEmpty())
        return task.idString();
    const QString instance = shortInstance(task);
    return instance.isEmpty() ? task.name.toString() : task.name.toString() + QStringLiteral(" · ") + instance;
}
