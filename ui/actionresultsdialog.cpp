// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionresultsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

ActionResultsDialog::ActionResultsDialog(const ActionOutcome &outcome, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("%1: results").arg(TaskActions::label(outcome.action)));
    setAttribute(Qt::WA_DeleteOnClose);
    QList<ActionResult> results = outcome.results;
    std::stable_sort(results.begin(), results.end(),
                     [](const ActionResult &a, const ActionResult &b) { return !a.ok && b.ok; });
    const int failed = int(std::count_if(results.cbegin(), results.cend(), [](const ActionResult &r) { return !r.ok; }));

    auto *summary = new QLabel(tr("%1 succeeded, %2 failed.").arg(results.size() - failed).arg(failed), this);
    m_table = new QTableWidget(int(results.size()), 4, this);
    m_table->setHorizontalHeaderLabels({tr("Task"), tr("Result"), tr("HTTP"), tr("Server's answer")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < results.size(); ++row) {
        const ActionResult &result = results[row];
        m_table->setItem(row, 0, new QTableWidgetItem(QString::fromUtf8(result.taskId)));
        auto *status = new QTableWidgetItem(result.ok ? tr("✓ done") : tr("✕ failed"));
        status->setForeground(result.ok ? QColor(0x00, 0xA3, 0x5C) : QColor(0xDB, 0x30, 0x30));
        m_table->setItem(row, 1, status);
        m_table->setItem(row, 2, new QTableWidgetItem(result.httpStatus ? QString::number(result.httpStatus) : QString()));
        m_table->setItem(row, 3, new QTableWidgetItem(result.message));
    }
    m_table->resizeColumnsToContents();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(760, 320);
}
