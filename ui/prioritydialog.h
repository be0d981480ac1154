// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;

// Asks for an Evergreen priority: −1 (the same as unscheduling) to 100; above 100 only
// when the user ticks the explicit admin request, which warns that the server refuses it
// without project admin rights.
class PriorityDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriorityDialog)

public:
    explicit PriorityDialog(int current, int taskCount, QWidget *parent = nullptr);

    int priority() const;
    bool adminRequest() const;
    QSpinBox *spinBox() const { return m_value; }
    QCheckBox *adminBox() const { return m_admin; }

private:
    void updateHint();

    QSpinBox *m_value;
    QCheckBox *m_admin;
    QLabel *m_hint;
};
