// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/connectionstatus.h"

#include <QTimer>
#include <QWidget>

class ConnectionIndicator;
class QLabel;
class Session;
class TaskFilterModel;

// The status bar: each connection's state, the event rate, and how many tasks there are,
// how many are problems and how many the current filter shows.
class StatusBarPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarPanel)

public:
    StatusBarPanel(Session *session, TaskFilterModel *proxy, QWidget *parent = nullptr);

    ConnectionIndicator *indicator(int connection) const { return m_indicators.value(connection); }
    QString countsText() const;
    void refreshCounts();

private:
    void tick();

    Session *m_session;
    TaskFilterModel *m_proxy;
    QList<ConnectionIndicator *> m_indicators;
    QLabel *m_rate;
    QLabel *m_counts;
    QTimer m_timer;
};
