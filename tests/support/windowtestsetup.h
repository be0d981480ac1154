#pragma once

#include "systems/registersystems.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

// Window tests must not read or write the operator's real settings (column layout, theme),
// and they leave their screenshots in ./screenshots for a person to look at.
inline void prepareWindowTests()
{
    registerSystems();
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QDir().mkpath(QDir::current().absoluteFilePath(QStringLiteral("screenshots")));
}
