// SPDX-License-Identifier: GPL-3.0-or-later
#include "prioritydialog.h"

#include "domain/actionrules.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

PriorityDialog::PriorityDialog(const ActionDefinition &action, int current, int taskCount, QWidget *parent)
    : QDialog(parent)
    , m_action(action)
{
    setWindowTitle(QCoreApplication::translate("TaskAction", action.label));
    m_value = new QSpinBox(this);
    m_value->setRange(action.minValue, action.maxValue);
    m_value->setValue(std::clamp(current, action.minValue, action.maxValue));
    m_admin = new QCheckBox(tr("Admin request: allow priorities above %1").arg(action.maxValue), this);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Priority for %n task(s):", nullptr, taskCount), m_value);
    form->addRow(QString(), m_admin);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(m_admin, &QCheckBox::toggled, this, [this](bool on) {
        m_value->setMaximum(on ? m_action.adminMaxValue : m_action.maxValue);
        updateHint();
    });
    connect(m_value, &QSpinBox::valueChanged, this, &PriorityDialog::updateHint);
    updateHint();
}

int PriorityDialog::priority() const
{
    return m_value->value();
}

bool PriorityDialog::adminRequest() const
{
    return m_admin->isChecked();
}

void PriorityDialog::updateHint()
{
    const int value = m_value->value();
    QString hint;
    if (value < 0)
        hint = tr("−1 is the same as unscheduling: the scheduler skips the task.");
    else if (value == 0)
        hint = tr("0 is the default priority.");
    else if (value < 50)
        hint = tr("Higher numbers run first.");
    else if (value <= m_action.maxValue)
        hint = tr("High priority: the task runs before most others.");
    else
        hint = QCoreApplication::translate("TaskAction", m_action.adminHelp);
    m_hint->setText(hint);
}
