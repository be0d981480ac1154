// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications over a real session bus: ctest runs this under dbus-run-session, and
// a small notification server registered on org.freedesktop.Notifications in this process
// (on its own bus connection) records every call. Run with TASKMON_TEST_NO_SERVER=1 the
// server never registers, which is the desktop without a notification service.
#include "systems/registersystems.h"
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "desktopnotifier.h"
#include "notificationservice.h"
#include "notify/notificationcenter.h"
#include "session/session.h"
#include "testtasks.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

namespace {
struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString icon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int timeout = 0;
};

bool noServerWanted()
{
    return qEnvironmentVariableIntValue("TASKMON_TEST_NO_SERVER") == 1;
}
} // namespace

// Just enough of the notification server specification to see what taskmon sends.
class FakeNotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<NotifyCall> calls;

    void reset()
    {
        calls.clear();
        m_nextId = 41;
    }

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        calls.append({appName, replacesId, icon, summary, body, actions, hints, timeout});
        return replacesId ? replacesId : m_nextId++;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { emit NotificationClosed(id, 3); }

signals:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_nextId = 41;
};

class TestDesktopNotifier final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void notifyCarriesAppHintsAndUrgency_data();
    void notifyCarriesAppHintsAndUrgency();
    void burstReplacesItsBubble();
    void defaultActionShowsTheTasks();
    void closedBubbleEndsTheBurst();
    void fallbackWhenNobodyOwnsTheName();
    void serviceLogsTheFallbackOnce();

private:
    bool startServer();
    void stopServer();

    QDBusConnection m_serverBus{QString()};
    FakeNotificationServer m_server;
    bool m_serving = false;
};

void TestDesktopNotifier::initTestCase()
{
    registerSystems();
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             "no session bus: run this test under dbus-run-session (ctest does)");
    m_serverBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notification-server"));
    QVERIFY(m_serverBus.isConnected());
    QVERIFY(m_serverBus.registerObject(QString::fromLatin1(DesktopNotifier::Path), &m_server,
                                       QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
}

void TestDesktopNotifier::cleanup()
{
    stopServer();
    m_server.reset();
}

bool TestDesktopNotifier::startServer()
{
    if (noServerWanted())
        return false;
    m_serving = m_serverBus.registerService(QString::fromLatin1(DesktopNotifier::Service));
    return m_serving;
}

void TestDesktopNotifier::stopServer()
{
    if (m_serving)
        m_serverBus.unregisterService(QString::fromLatin1(DesktopNotifier::Service));
    m_serving = false;
}

#define REQUIRE_SERVER()                                                                   \
    do {                                                                                   \
        if (noServerWanted())                                                              \
            QSKIP("TASKMON_TEST_NO_SERVER=1: this run checks the fallback only");          \
        QVERIFY(startServer());                                                            \
    } while (false)

void TestDesktopNotifier::notifyCarriesAppHintsAndUrgency_data()
{
    QTest::addColumn<int>("urgency");
    QTest::addColumn<QString>("icon");

    QTest::newRow("system failure: critical") << int(Notification::Critical) << QStringLiteral("dialog-error");
    QTest::newRow("other: normal") << int(Notification::Normal) << QStringLiteral("dialog-warning");
}

void TestDesktopNotifier::notifyCarriesAppHintsAndUrgency()
{
    QFETCH(int, urgency);
    QFETCH(QString, icon);
    REQUIRE_SERVER();

    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    Notification n;
    n.key = QStringLiteral("0/0");
    n.summary = QStringLiteral("3 new system failures in /prod/web");
    n.body = QStringLiteral("Rule “system”: web (TASK_FAILED)");
    n.urgency = Notification::Urgency(urgency);
    notifier.deliver(n);
    QVERIFY(delivered.wait());
    QCOMPARE(delivered.count(), 1);
    QCOMPARE(delivered.at(0).at(0).toString(), n.key);
    QCOMPARE(delivered.at(0).at(1).toUInt(), 41u);
    QCOMPARE(notifier.serverId(n.key), 41u);

    QCOMPARE(m_server.calls.size(), 1);
    const NotifyCall &call = m_server.calls.at(0);
    QCOMPARE(call.appName, QStringLiteral("taskmon"));
    QCOMPARE(call.replacesId, 0u);
    QCOMPARE(call.icon, icon);
    QCOMPARE(call.summary, n.summary);
    QCOMPARE(call.body, n.body);
    QCOMPARE(call.actions, (QStringList{QStringLiteral("default"), QStringLiteral("Show")}));
    QCOMPARE(call.timeout, -1);
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("taskmon"));
    // The specification types urgency as a byte; make sure it travelled as one.
    const QVariant sentUrgency = call.hints.value(QStringLiteral("urgency"));
    QCOMPARE(sentUrgency.metaType(), QMetaType::fromType<uchar>());
    QCOMPARE(sentUrgency.value<uchar>(), uchar(urgency));
    QVERIFY(notifier.isAvailable());
}

void TestDesktopNotifier::burstReplacesItsBubble()
{
    REQUIRE_SERVER();
    Session session;
    NotificationService service(&session);
    service.setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    service.center()->matcher()->setConnectionListed(0);
    service.center()->setInterval(0);   // every entry goes out at once: the burst is visible
    QSignalSpy delivered(service.notifier(), &DesktopNotifier::delivered);

    TaskStore *store = session.store();
    store->upsert(TestTasks::marathon("w1", mar(MarStatus::Failed), "/prod/web"));   // not a system failure
    store->upsert(TestTasks::evergreen("e1", evg(EvgStatus::SystemFailed), "/prod/web"));
    store->upsert(TestTasks::evergreen("e2", evg(EvgStatus::SystemFailed), "/prod/web"));
    store->upsert(TestTasks::evergreen("e3", evg(EvgStatus::SystemFailed), "/prod/web"));
    // The first call is in flight while the updates come: only the newest update follows it.
    QTRY_COMPARE(m_server.calls.size(), 2);
    QTRY_COMPARE(delivered.count(), 2);
    QCOMPARE(m_server.calls.at(0).replacesId, 0u);
    QCOMPARE(m_server.calls.at(0).summary, QStringLiteral("1 new system failure in /prod/web"));
    QCOMPARE(m_server.calls.at(1).replacesId, 41u);
    QCOMPARE(m_server.calls.at(1).summary, QStringLiteral("3 new system failures in /prod/web"));
    QCOMPARE(m_server.calls.at(1).hints.value(QStringLiteral("urgency")).value<uchar>(), uchar(2));
    QCOMPARE(delivered.at(1).at(1).toUInt(), 41u);

    // Another rule's notification is a bubble of its own.
    store->upsert(TestTasks::evergreen("e4", evg(EvgStatus::Started)));
    QCOMPARE(m_server.calls.size(), 2);
}

void TestDesktopNotifier::defaultActionShowsTheTasks()
{
    REQUIRE_SERVER();
    Session session;
    NotificationService service(&session);
    service.setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    service.center()->matcher()->setConnectionListed(0);
    QSignalSpy delivered(service.notifier(), &DesktopNotifier::delivered);
    QSignalSpy show(&service, &NotificationService::showTasks);
    session.store()->upsert(TestTasks::evergreen("e1", evg(EvgStatus::SystemFailed)));
    QVERIFY(delivered.wait());
    const uint id = delivered.at(0).at(1).toUInt();

    // Another notification's click and other actions are not ours.
    emit m_server.ActionInvoked(id + 100, QStringLiteral("default"));
    emit m_server.ActionInvoked(id, QStringLiteral("snooze"));
    emit m_server.ActionInvoked(id, QStringLiteral("default"));
    QVERIFY(show.wait());
    QCOMPARE(show.count(), 1);
    QCOMPARE(show.at(0).at(0).value<QList<QByteArray>>(), QList<QByteArray>{"e1"});

    // The click ended the burst: the next failure is a new bubble (after the interval).
    service.center()->setInterval(0);
    session.store()->upsert(TestTasks::evergreen("e2", evg(EvgStatus::SystemFailed)));
    QTRY_COMPARE(m_server.calls.size(), 2);
    QCOMPARE(m_server.calls.at(1).replacesId, 0u);
    QCOMPARE(m_server.calls.at(1).summary, QStringLiteral("1 new system failure in ubuntu2204"));
}

void TestDesktopNotifier::closedBubbleEndsTheBurst()
{
    REQUIRE_SERVER();
    DesktopNotifier notifier;
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy closed(&notifier, &DesktopNotifier::closed);
    Notification n;
    n.key = QStringLiteral("0/0");
    n.summary = QStringLiteral("1 new failure");
    notifier.deliver(n);
    QVERIFY(delivered.wait());
    const uint id = notifier.serverId(n.key);
    QVERIFY(id != 0);
    emit m_server.NotificationClosed(id, 2);
    QVERIFY(closed.wait());
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), n.key);
    QCOMPARE(notifier.serverId(n.key), 0u);
    notifier.deliver(n);
    QVERIFY(delivered.wait());
    QCOMPARE(m_server.calls.size(), 2);
    QCOMPARE(m_server.calls.at(1).replacesId, 0u);
}

void TestDesktopNotifier::fallbackWhenNobodyOwnsTheName()
{
    stopServer();
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(QString::fromLatin1(DesktopNotifier::Service)));
    DesktopNotifier notifier;
    QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
    QSignalSpy undelivered(&notifier, &DesktopNotifier::undelivered);
    Notification n;
    n.key = QStringLiteral("0/0");
    n.summary = QStringLiteral("1 new failure");
    notifier.deliver(n);
    QVERIFY(undelivered.wait());
    n.key = QStringLiteral("1/0");
    notifier.deliver(n);
    QTRY_COMPARE(undelivered.count(), 2);
    QCOMPARE(unavailable.count(), 1);   // said once, not per notification
    QVERIFY(unavailable.at(0).at(0).toString().contains(QStringLiteral("ServiceUnknown")));
    QCOMPARE(undelivered.at(1).at(0).value<Notification>().key, QStringLiteral("1/0"));
    QVERIFY(!notifier.isAvailable());
    QCOMPARE(m_server.calls.size(), 0);

    if (noServerWanted())
        return;
    // A server that appears later is used, and a later outage is reported again.
    QVERIFY(startServer());
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.deliver(n);
    QVERIFY(delivered.wait());
    QVERIFY(notifier.isAvailable());
    QCOMPARE(unavailable.count(), 1);
}

void TestDesktopNotifier::serviceLogsTheFallbackOnce()
{
    stopServer();
    Session session;
    const int logBefore = session.eventLog()->rowCount();
    NotificationService service(&session);
    service.setFallbackNote(QStringLiteral("They are shown in the window instead."));
    service.setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true},
                      {QStringLiteral("broken"), QStringLiteral("status:nonsense"), true}});
    QCOMPARE(session.eventLog()->rowCount(), logBefore + 1);   // the broken rule, once
    service.center()->matcher()->setConnectionListed(0);
    service.center()->setInterval(0);
    QSignalSpy undelivered(&service, &NotificationService::undelivered);
    session.store()->upsert(TestTasks::evergreen("e1", evg(EvgStatus::SystemFailed)));
    session.store()->upsert(TestTasks::evergreen("e2", evg(EvgStatus::SystemFailed)));
    session.store()->upsert(TestTasks::evergreen("e3", evg(EvgStatus::SystemFailed)));
    QTRY_COMPARE(undelivered.count(), 2);   // the first, then the newest update
    QCOMPARE(undelivered.last().at(0).value<Notification>().summary, QStringLiteral("3 new system failures in ubuntu2204"));
    QCOMPARE(session.eventLog()->rowCount(), logBefore + 2);
    const LogEntry &entry = session.eventLog()->entry(session.eventLog()->rowCount() - 1);
    QCOMPARE(entry.severity, LogEntry::Severity::Warning);
    QVERIFY2(entry.text.startsWith(QStringLiteral("No desktop notification service answered")), qPrintable(entry.text));
    QVERIFY(entry.text.endsWith(QStringLiteral("They are shown in the window instead.")));
}

QTEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
