// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notification.h"
#include "notify/notificationrule.h"

#include <QObject>
#include <QTimer>

class Acknowledgements;
class MainWindow;
class NotificationService;
class QAction;
class QSystemTrayIcon;
class QTreeWidgetItem;
class Session;
class ToastWidget;

// The window's side of notifications:
//   - Acknowledge (A, Task menu, context menu) marks the selected failures as seen; rows stay.
//   - "New failures" in the sidebar counts the unacknowledged problems and searches for them;
//     the window title and the tray icon carry the same count.
//   - A notification the desktop could not show becomes a toast in the window.
//   - Clicking a notification (bubble or toast) raises the window and selects its tasks.
//   - QApplication::alert() when a notification comes while the window is not active.
//   - Settings → Notifications… edits the saved rules; --notify rules of this run stay.
class WindowNotifications final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowNotifications)

public:
    WindowNotifications(MainWindow *window, Session *session, NotificationService *service,
                        Acknowledgements *acknowledgements);
    ~WindowNotifications() override;

    // The saved rules plus the ones of this run (--notify).
    void setRules(const QList<NotificationRule> &saved, const QList<NotificationRule> &thisRun);
    QList<NotificationRule> rules() const;

    QAction *acknowledgeAction() const { return m_acknowledge; }
    QAction *settingsAction() const { return m_settings; }
    ToastWidget *toast() const { return m_toast; }
    QTreeWidgetItem *newEntry() const { return m_newEntry; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    int newCount() const { return m_newCount; }

    // Raises the window and selects those of the tasks the table shows.
    void showTasks(const QList<QByteArray> &taskIds);
    void acknowledgeSelection();
    void refreshNewCount();

private:
    void onNotification(const Notification &notification);
    void editSettings();
    void applyRules();

    MainWindow *m_window;
    Session *m_session;
    NotificationService *m_service;
    Acknowledgements *m_acknowledgements;
    QAction *m_acknowledge;
    QAction *m_settings;
    ToastWidget *m_toast;
    QTreeWidgetItem *m_newEntry;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_baseTitle;
    QList<NotificationRule> m_saved;
    QList<NotificationRule> m_thisRun;
    int m_newCount = -1;
    QTimer m_countTimer;
};
