// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"

#include <QDialog>

class QTableWidget;

// What each task's server answered to an action: one row per task, failures first.
class ActionResultsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionResultsDialog)

public:
    explicit ActionResultsDialog(const ActionOutcome &outcome, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
