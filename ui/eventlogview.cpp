// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlogview.h"

#include "session/eventlogmodel.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

QVariant EventLogStyleModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole && index.column() != EventLogModel::Time) {
        const auto severity = LogEntry::Severity(index.data(EventLogModel::SeverityRole).toInt());
        const Theme theme = UiTheme::current();
        if (severity == LogEntry::Severity::Error)
            return UiTheme::color(theme == Theme::Dark ? 0xFF6960 : 0xC62828);
        if (severity == LogEntry::Severity::Warning)
            return UiTheme::color(theme == Theme::Dark ? 0xFFC010 : 0x944F01);
    }
    return QIdentityProxyModel::data(index, role);
}

EventLogView::EventLogView(EventLogModel *log, QWidget *parent)
    : QWidget(parent)
{
    auto *style = new EventLogStyleModel(this);
    style->setSourceModel(log);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(style);
    m_filter->setFilterRole(EventLogModel::SeverityRole);
    m_filter->setFilterKeyColumn(0);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("eventLogTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(EventLogModel::Time, 100);
    m_table->setColumnWidth(EventLogModel::Severity, 70);
    m_table->setColumnWidth(EventLogModel::Origin, 220);

    m_severity = new QComboBox(this);
    m_severity->addItem(tr("Everything"), QString());
    m_severity->addItem(tr("Warnings and errors"), QStringLiteral("[12]"));
    m_severity->addItem(tr("Errors"), QStringLiteral("2"));
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setFilterRegularExpression(m_severity->currentData().toString());
    });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_severity);
    bar->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    // Follow new entries only while the user looks at the newest ones.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *scroll = m_table->verticalScrollBar();
        if (scroll->value() >= scroll->maximum() - 2)
            QMetaObject::invokeMethod(m_table, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
}
