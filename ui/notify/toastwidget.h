// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notification.h"

#include <QFrame>
#include <QTimer>

class QLabel;

// The notification shown inside the window when the desktop has no notification service:
// a small box in the bottom-right corner of the anchor (the window's central widget) that
// replaces itself for updates of the same burst, hides after a while and offers "Show"
// like the desktop's default action. It is a child of the window, not of the anchor: a
// QSplitter would take a child widget for one of its panes.
class ToastWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToastWidget)

public:
    ToastWidget(QWidget *anchor, QWidget *parent);

    void showNotification(const Notification &notification);
    const Notification &current() const { return m_current; }
    void setVisibleMs(int milliseconds) { m_hideTimer.setInterval(milliseconds); }

signals:
    void showTasksRequested(const QString &key, const QList<QByteArray> &taskIds);
    void dismissed(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void dismiss();

    QWidget *m_anchor;
    Notification m_current;
    QLabel *m_summary;
    QLabel *m_body;
    QTimer m_hideTimer;
};
