// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationservice.h"

#include "desktopnotifier.h"
#include "notify/notificationcenter.h"
#include "session/session.h"

#include <QCoreApplication>
#include <QDBusConnection>

NotificationService::NotificationService(Session *session, QObject *parent)
    : NotificationService(session, QDBusConnection::sessionBus(), parent)
{
}

NotificationService::NotificationService(Session *session, const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_center(NotificationCenter::forSession(session, this))
    , m_notifier(new DesktopNotifier(bus, this))
{
    m_notifier->setAppName(QCoreApplication::applicationName().isEmpty() ? QStringLiteral("taskmon")
                                                                         : QCoreApplication::applicationName());
    connect(m_center, &NotificationCenter::notificationReady, this, &NotificationService::notificationReady);
    connect(m_center, &NotificationCenter::notificationReady, m_notifier, &DesktopNotifier::deliver);
    connect(m_notifier, &DesktopNotifier::closed, m_center, &NotificationCenter::dismiss);
    connect(m_notifier, &DesktopNotifier::activated, this, [this](const QString &key, const QList<QByteArray> &ids) {
        m_center->dismiss(key);
        emit showTasks(ids);
    });
    connect(m_notifier, &DesktopNotifier::undelivered, this, &NotificationService::undelivered);
    connect(m_notifier, &DesktopNotifier::unavailable, this, [this](const QString &reason) {
        m_session->log(LogEntry::Severity::Warning, LogEntry::Category::Connection,
                       m_fallbackNote.isEmpty() ? reason : reason + u' ' + m_fallbackNote);
    });
}

NotificationService::~NotificationService() = default;

void NotificationService::setRules(const QList<NotificationRule> &rules)
{
    for (const QString &name : m_center->setRules(rules)) {
        m_session->log(LogEntry::Severity::Warning, LogEntry::Category::Input,
                       tr("The notification rule “%1” is not a valid query and is ignored.").arg(name));
    }
}
