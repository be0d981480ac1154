// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notification.h"

#include <QFrame>
#include <QTimer>

class QLabel;

// The notification shown inside the window when the desktop has no notification service:
// a small box in the bottom-right corner of its parent that replaces itself for updates of
// the same burst, hides after a while and offers "Show" like the desktop's default action.
class ToastWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToastWidget)

public:
    explicit ToastWidget(QWidget *parent);

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

    Notification m_current;
    QLabel *m_summary;
    QLabel *m_body;
    QTimer m_hideTimer;
};
