// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &connection, QObject *parent)
    : QObject(parent)
    , m_bus(connection)
{
    const QString service = QString::fromLatin1(Service);
    const QString path = QString::fromLatin1(Path);
    const QString interface = QString::fromLatin1(Interface);
    m_bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint,QString)));
    m_bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint,uint)));
}

void DesktopNotifier::deliver(const Notification &notification)
{
    if (!m_bus.isConnected()) {
        if (!m_toldUnavailable) {
            m_toldUnavailable = true;
            m_available = false;
            emit unavailable(tr("There is no D-Bus session bus to show desktop notifications on."));
        }
        emit undelivered(notification);
        return;
    }
    if (m_inFlight.contains(notification.key)) {
        m_queued.insert(notification.key, notification);   // the newest update wins
        return;
    }
    send(notification);
}

void DesktopNotifier::send(const Notification &notification)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(Service), QString::fromLatin1(Path),
                                                       QString::fromLatin1(Interface), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), m_desktopEntry);
    // The specification types urgency as a byte.
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(notification.urgency)));
    hints.insert(QStringLiteral("category"), QStringLiteral("x-taskmon.failure"));
    const QString icon = notification.urgency == Notification::Critical ? QStringLiteral("dialog-error")
                                                                        : QStringLiteral("dialog-warning");
    call << m_appName << uint(m_serverIds.value(notification.key)) << icon << notification.summary
         << notification.body << QStringList{QStringLiteral("default"), tr("Show")} << hints << int(-1);
    m_inFlight.insert(notification.key);
    m_taskIds.insert(notification.key, notification.taskIds);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notification](QDBusPendingCallWatcher *w) { onReply(w, notification); });
}

void DesktopNotifier::onReply(QDBusPendingCallWatcher *watcher, const Notification &notification)
{
    watcher->deleteLater();
    m_inFlight.remove(notification.key);
    const QDBusPendingReply<uint> reply = *watcher;
    if (reply.isError()) {
        m_available = false;
        if (!m_toldUnavailable) {
            m_toldUnavailable = true;
            emit unavailable(tr("No desktop notification service answered (%1).")
                                 .arg(reply.error().name()));
        }
        emit undelivered(notification);
    } else {
        m_available = true;
        m_toldUnavailable = false;
        const uint id = reply.value();
        const uint old = m_serverIds.value(notification.key);
        if (old && old != id)
            m_keys.remove(old);
        m_serverIds.insert(notification.key, id);
        m_keys.insert(id, notification.key);
        emit delivered(notification.key, id);
    }
    if (m_queued.contains(notification.key))
        deliver(m_queued.take(notification.key));
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.cend() || action != u"default")
        return;
    emit activated(*it, m_taskIds.value(*it));
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = m_keys.take(id);
    if (key.isEmpty())
        return;
    m_serverIds.remove(key);
    m_taskIds.remove(key);
    emit closed(key);
}
