// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notification.h"
#include "notify/notificationrule.h"

#include <QObject>

class DesktopNotifier;
class NotificationCenter;
class QDBusConnection;
class Session;

// What both executables run: the rules of a session, delivered to the desktop.
//   - Rule entries become notifications (NotificationCenter) and go over D-Bus
//     (DesktopNotifier); a closed or clicked bubble ends its burst.
//   - When no notification service answers, the event log says so once and undelivered()
//     hands every notification to the caller's fallback (the window's toast, the CLI's line).
//   - A click on a bubble comes back as showTasks().
class NotificationService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationService)

public:
    explicit NotificationService(Session *session, QObject *parent = nullptr);
    NotificationService(Session *session, const QDBusConnection &bus, QObject *parent = nullptr);
    ~NotificationService() override;

    NotificationCenter *center() const { return m_center; }
    DesktopNotifier *notifier() const { return m_notifier; }
    // Applies the rules; a rule that does not parse is named once in the event log.
    void setRules(const QList<NotificationRule> &rules);
    // What the log adds when the desktop cannot show notifications: where they go instead.
    void setFallbackNote(const QString &note) { m_fallbackNote = note; }

signals:
    void notificationReady(const Notification &notification);
    void undelivered(const Notification &notification);
    void showTasks(const QList<QByteArray> &taskIds);

private:
    Session *m_session;
    NotificationCenter *m_center;
    DesktopNotifier *m_notifier;
    QString m_fallbackNote;
};
