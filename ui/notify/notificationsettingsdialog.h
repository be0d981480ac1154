// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationrule.h"

#include <QDialog>

class QLabel;
class QSpinBox;
class QTableWidget;

// Settings → Notifications: the saved rules as a table (on/off, name, query) with Add and
// Remove, and how often one rule may notify. A query that does not parse is marked and
// keeps OK disabled, so a broken rule is never saved.
class NotificationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationSettingsDialog)

public:
    enum Column { EnabledColumn, NameColumn, QueryColumn, ColumnCount };

    explicit NotificationSettingsDialog(const QList<NotificationRule> &rules, qint64 intervalMs,
                                        QWidget *parent = nullptr);

    QList<NotificationRule> rules() const;
    qint64 intervalMs() const;
    QTableWidget *table() const { return m_table; }

    void addRule(const NotificationRule &rule);

private:
    void removeSelected();
    void validate();

    QTableWidget *m_table;
    QSpinBox *m_interval;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
};
