// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/statuspalette.h"

#include <QColor>
#include <QPalette>

class QApplication;

// Light or dark, as the system palette says, and the colours that go with it.
namespace UiTheme {
// Dark when the window background is darker than its text.
Theme themeOf(const QPalette &palette);
Theme current();
// Forces a light or dark Fusion palette (for --theme and screenshots); the system palette
// otherwise.
void apply(QApplication &app, const QString &choice);

QColor color(quint32 rgb);
// The row tint for a task that has been unreachable for too long.
QColor overdueTint(Theme theme);
// The highlight a changed row starts with before it fades out.
QColor flashTint(Theme theme);
}
