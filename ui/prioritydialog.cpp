// SPDX-License-Identifier: GPL-3.0-or-later
#include "prioritydialog.h"

#include "domain/actionrules.h"
#include "domain/plural.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

PriorityDialog::PriorityDialog(int current, int taskCount, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Set Priority"));
    m_value = new QSpinBox(this);
    m_value->setRange(ActionRules::MinPriority, ActionRules::MaxPriority);
    m_value->setValue(std::clamp(current, ActionRules::MinPriority, ActionRules::MaxPriority));
    m_admin = new QCheckBox(tr("Admin request: allow priorities above 100"), this);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Priority for %1:").arg(countOf(taskCount, "PriorityDialog", "task", "tasks")), m_value);
    form->addRow(QString(), m_admin);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(m_admin, &QCheckBox::toggled, this, [this](bool on) {
        m_value->setMaximum(on ? std::numeric_limits<qint32>::max() : ActionRules::MaxPriority);
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
    else if (value <= 100)
        hint = tr("High priority: the task runs before most others.");
    else
        hint = tr("Above 100 needs Evergreen project admin rights; without them the server answers 401.");
    m_hint->setText(hint);
}
