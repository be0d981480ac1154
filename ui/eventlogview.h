// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>
#include <QWidget>

class EventLogModel;
class QComboBox;
class QSortFilterProxyModel;
class QTableView;

// Colours and icons for the event log by severity; the log model itself has none.
class EventLogStyleModel final : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override;
};

// The event log: connection changes, actions and their results, server errors, rejected
// input. Follows new entries while scrolled to the bottom; can show warnings and errors only.
class EventLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogView)

public:
    explicit EventLogView(EventLogModel *log, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }

private:
    QTableView *m_table;
    QComboBox *m_severity;
    QSortFilterProxyModel *m_filter;
};
