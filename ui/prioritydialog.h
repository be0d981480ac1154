// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;

// Asks for the value of an action that takes one (Evergreen's Set Priority: −1, the same as
// unscheduling, to 100), in the range its definition declares; above it only when the user
// ticks the explicit admin request, which warns that the server refuses it without rights.
class PriorityDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriorityDialog)

public:
    PriorityDialog(const ActionDefinition &action, int current, int taskCount, QWidget *parent = nullptr);

    int priority() const;
    bool adminRequest() const;
    QSpinBox *spinBox() const { return m_value; }
    QCheckBox *adminBox() const { return m_admin; }

private:
    void updateHint();

    QSpinBox *m_value;
    QCheckBox *m_admin;
    QLabel *m_hint;
    ActionDefinition m_action;
};
