// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskaction.h"

#include <QCoreApplication>

#include <array>

namespace {
struct ActionNames
{
    QLatin1StringView key;
    const char *label;
    bool destructive;
};

constexpr std::array<ActionNames, TaskActionCount> actionNames{{
    {QLatin1StringView("abort"), QT_TRANSLATE_NOOP("TaskAction", "Abort"), true},
    {QLatin1StringView("restart"), QT_TRANSLATE_NOOP("TaskAction", "Restart"), false},
    {QLatin1StringView("schedule"), QT_TRANSLATE_NOOP("TaskAction", "Schedule"), false},
    {QLatin1StringView("unschedule"), QT_TRANSLATE_NOOP("TaskAction", "Unschedule"), false},
    {QLatin1StringView("set-priority"), QT_TRANSLATE_NOOP("TaskAction", "Set Priority"), false},
    {QLatin1StringView("override-dependencies"),
     QT_TRANSLATE_NOOP("TaskAction", "Override Dependencies"), false},
    {QLatin1StringView("kill"), QT_TRANSLATE_NOOP("TaskAction", "Kill"), true},
    {QLatin1StringView("kill-and-scale"), QT_TRANSLATE_NOOP("TaskAction", "Kill & Scale"), true},
    {QLatin1StringView("kill-and-wipe"), QT_TRANSLATE_NOOP("TaskAction", "Kill & Wipe"), true},
    {QLatin1StringView("restart-app"), QT_TRANSLATE_NOOP("TaskAction", "Restart App"), true},
}};
}

QLatin1StringView TaskActions::key(TaskAction action)
{
    return actionNames[size_t(action)].key;
}

bool TaskActions::fromKey(QStringView text, TaskAction *action)
{
    for (int i = 0; i < TaskActionCount; ++i) {
        if (text.compare(actionNames[size_t(i)].key, Qt::CaseInsensitive) == 0) {
            *action = TaskAction(i);
            return true;
        }
    }
    return false;
}

QString TaskActions::label(TaskAction action)
{
    return QCoreApplication::translate("TaskAction", actionNames[size_t(action)].label);
}

bool TaskActions::isDestructive(TaskAction action)
{
    return actionNames[size_t(action)].destructive;
}

bool TaskActions::concerns(TaskAction action, TaskSystem system)
{
    const bool evergreenAction = isEvergreenAction(action);
    switch (system) {
    case TaskSystem::Evergreen:
        return evergreenAction;
    case TaskSystem::Marathon:
        return !evergreenAction || action == TaskAction::Restart;
    case TaskSystem::None:
        return false;
    }
    return false;
}
