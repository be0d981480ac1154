// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskaction.h"

#include "system/systemregistry.h"

#include <QCoreApplication>

// count() and definition() read the registry's table (system/systemregistry.cpp).

QLatin1StringView TaskActions::key(TaskAction action)
{
    return definition(action).key;
}

bool TaskActions::fromKey(QStringView text, TaskAction *action)
{
    return SystemRegistry::action(text, action);
}

QString TaskActions::label(TaskAction action)
{
    return QCoreApplication::translate("TaskAction", definition(action).label);
}

QString TaskActions::help(TaskAction action)
{
    return QCoreApplication::translate("TaskAction", definition(action).help);
}

bool TaskActions::isDestructive(TaskAction action)
{
    return definition(action).destructive;
}

bool TaskActions::concerns(TaskAction action, SystemId system)
{
    return SystemRegistry::declares(system, action);
}
