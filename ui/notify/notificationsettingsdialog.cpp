// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationsettingsdialog.h"

#include "itemmodels/taskquery.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

NotificationSettingsDialog::NotificationSettingsDialog(const QList<NotificationRule> &rules, qint64 intervalMs,
                                                       QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_interval(new QSpinBox(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Notifications"));
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setHorizontalHeaderLabels({tr("On"), tr("Name"), tr("Query")});
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QueryColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumWidth(560);

    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addRule({tr("New rule"), QStringLiteral("is:new-failure kind:system"), true});
        m_table->editItem(m_table->item(m_table->rowCount() - 1, NameColumn));
    });
    connect(remove, &QPushButton::clicked, this, &NotificationSettingsDialog::removeSelected);
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);

    m_interval->setRange(0, 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(int(intervalMs / 1000));
    m_interval->setToolTip(tr("A rule shows at most one notification this often; what comes in between is added to it."));
    auto *form = new QFormLayout;
    form->addRow(tr("At most one notification per rule every"), m_interval);

    m_problem->setObjectName(QStringLiteral("ruleProblem"));
    m_problem->setWordWrap(true);
    auto *hint = new QLabel(tr("A rule notifies when a task starts to match its query, for example "
                               "<code>kind:system source:marathon</code> or <code>is:new-failure group:/prod</code>."),
                            this);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table);
    layout->addLayout(rowButtons);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    for (const NotificationRule &rule : rules) {
        if (rule.persistent)
            addRule(rule);
    }
    connect(m_table, &QTableWidget::itemChanged, this, &NotificationSettingsDialog::validate);
    validate();
}

void NotificationSettingsDialog::addRule(const NotificationRule &rule)
{
    QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *enabled = new QTableWidgetItem;
    enabled->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    enabled->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
    m_table->setItem(row, EnabledColumn, enabled);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(rule.name));
    m_table->setItem(row, QueryColumn, new QTableWidgetItem(rule.query));
    blocker.unblock();
    validate();
}

void NotificationSettingsDialog::removeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<int> numbers;
    for (const QModelIndex &index : rows)
        numbers.append(index.row());
    std::sort(numbers.begin(), numbers.end(), std::greater<>());
    for (int row : numbers)
        m_table->removeRow(row);
    validate();
}

QList<NotificationRule> NotificationSettingsDialog::rules() const
{
    QList<NotificationRule> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        NotificationRule rule;
        rule.enabled = m_table->item(row, EnabledColumn)->checkState() == Qt::Checked;
        rule.name = m_table->item(row, NameColumn)->text().trimmed();
        rule.query = m_table->item(row, QueryColumn)->text().trimmed();
        if (rule.name.isEmpty())
            rule.name = rule.query;
        result.append(rule);
    }
    return result;
}

qint64 NotificationSettingsDialog::intervalMs() const
{
    return qint64(m_interval->value()) * 1000;
}

void NotificationSettingsDialog::validate()
{
    const QSignalBlocker blocker(m_table);   // marking a query is an item change too
    QString problem;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *query = m_table->item(row, QueryColumn);
        if (!query)
            continue;
        TaskQuery::Error error;
        const TaskQuery parsed = TaskQuery::parse(query->text(), &error);
        const bool bad = error.isError() || parsed.isEmpty();
        query->setForeground(bad ? QBrush(Qt::red) : QBrush());
        if (bad && problem.isEmpty())
            problem = tr("Rule %1: %2").arg(row + 1).arg(error.isError() ? error.message : tr("the query is empty."));
    }
    m_problem->setText(problem);
    if (m_ok)
        m_ok->setEnabled(problem.isEmpty());
}
