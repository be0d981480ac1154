// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

// Every badge and what it means, grouped by colour class: one click from the toolbar.
class LegendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegendDialog)

public:
    explicit LegendDialog(QWidget *parent = nullptr);
};
