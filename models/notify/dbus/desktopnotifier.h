// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notification.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QSet>

class QDBusPendingCallWatcher;

// Shows notifications through org.freedesktop.Notifications on the session bus, which works
// wherever a notification server runs (GNOME Shell, KDE, Xfce, dunst), tray or not
// (triage-apis §8: QSystemTrayIcon::showMessage shows nothing on stock GNOME).
//   - Updates of a burst carry the server's id as replaces_id, so they replace the bubble.
//   - A "default" action makes a click on the bubble come back as activated().
//   - When no server answers, unavailable() is emitted once (until one answers again) and
//     every notification that could not be shown comes back as undelivered() for a fallback.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    static constexpr const char *Service = "org.freedesktop.Notifications";
    static constexpr const char *Path = "/org/freedesktop/Notifications";
    static constexpr const char *Interface = "org.freedesktop.Notifications";

    explicit DesktopNotifier(QObject *parent = nullptr);
    DesktopNotifier(const QDBusConnection &connection, QObject *parent = nullptr);

    void setAppName(const QString &name) { m_appName = name; }
    void setDesktopEntry(const QString &entry) { m_desktopEntry = entry; }
    void deliver(const Notification &notification);
    // False after a call found no server, until one answers.
    bool isAvailable() const { return m_available; }
    // The server's id of the notification of this key, 0 when none is showing.
    uint serverId(const QString &key) const { return m_serverIds.value(key); }

signals:
    void delivered(const QString &key, uint serverId);
    void undelivered(const Notification &notification);
    void unavailable(const QString &reason);
    void activated(const QString &key, const QList<QByteArray> &taskIds);
    void closed(const QString &key);

private slots:
    // QtDBus connects signals of the bus by signature, which needs slots.
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    void send(const Notification &notification);
    void onReply(QDBusPendingCallWatcher *watcher, const Notification &notification);

    QDBusConnection m_bus;
    QString m_appName = QStringLiteral("taskmon");
    QString m_desktopEntry = QStringLiteral("taskmon");
    bool m_available = true;
    bool m_toldUnavailable = false;
    QHash<QString, uint> m_serverIds;       // key → the server's id
    QHash<uint, QString> m_keys;            // the server's id → key
    QHash<QString, QList<QByteArray>> m_taskIds;
    // A burst's update must wait for the first Notify's reply, or it would not know the id
    // to replace and the desktop would show two bubbles.
    QSet<QString> m_inFlight;
    QHash<QString, Notification> m_queued;
};
