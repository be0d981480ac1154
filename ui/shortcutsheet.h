// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QAction;

// "?": every keyboard shortcut of the window, read from the actions themselves so the
// sheet cannot drift from what the keys really do.
class ShortcutSheet final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutSheet)

public:
    explicit ShortcutSheet(const QList<QAction *> &actions, QWidget *parent = nullptr);
};
