// SPDX-License-Identifier: GPL-3.0-or-later
// Notification rules: what "enters a rule" means (start-up baseline, leave and re-enter,
// one notification per execution), how bursts coalesce and how the rate limit holds them.
#include "systems/registersystems.h"
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "notify/notificationcenter.h"
#include "store/taskstore.h"
#include "testtasks.h"

#include <QSignalSpy>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

namespace {
Task inGroup(Task task, const char *group)
{
    task.group = InternedString(QString::fromUtf8(group));
    return task;
}

Task withExecution(Task task, quint16 execution)
{
    task.execution = execution;
    return task;
}

QList<QByteArray> enteredIds(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(1).value<QList<QByteArray>>();
}
} // namespace

class TestNotificationCenter final : public QObject
{
    Q_OBJECT

private slots:
    // Status and kind names in the rules come from the registered systems.
    void initTestCase() { registerSystems(); }
    void init();
    void cleanup();

    void entersLeavesAndReenters();
    void startupListingIsTheBaseline();
    void newRulesTakeWhatMatchesAsBaseline();
    void removedTasksLeave();
    void oneEntryPerExecution_data();
    void oneEntryPerExecution();
    void disabledAndBrokenRulesNeverFire();
    void burstUpdatesOneNotification();
    void rateLimitHoldsEntries_data();
    void rateLimitHoldsEntries();
    void dismissStartsANewBurst();
    void urgencyAndSummaryFollowTheKind_data();
    void urgencyAndSummaryFollowTheKind();

private:
    std::unique_ptr<TaskStore> m_store;
    std::unique_ptr<NotificationCenter> m_center;
    qint64 m_now = 0;
};

void TestNotificationCenter::init()
{
    m_now = 1'000'000;
    m_store = std::make_unique<TaskStore>();
    m_center = std::make_unique<NotificationCenter>(m_store.get());
    m_center->setClock([this] { return m_now; });
}

void TestNotificationCenter::cleanup()
{
    m_center.reset();
    m_store.reset();
}

void TestNotificationCenter::entersLeavesAndReenters()
{
    RuleMatcher *matcher = m_center->matcher();
    QVERIFY(m_center->setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}}).isEmpty());
    matcher->setConnectionListed(0);
    QSignalSpy entered(matcher, &RuleMatcher::entered);

    m_store->upsert(evergreen("t1", evg(EvgStatus::Started)));
    QCOMPARE(entered.count(), 0);

    m_store->upsert(evergreen("t1", evg(EvgStatus::SystemFailed)));
    QCOMPARE(entered.count(), 1);
    QCOMPARE(entered.at(0).at(0).toInt(), 0);
    QCOMPARE(enteredIds(entered, 0), QList<QByteArray>{"t1"});
    QCOMPARE(matcher->matchCount(0), 1);

    // Still failing, another system failure status: inside the set, no second entry.
    m_store->upsert(evergreen("t1", evg(EvgStatus::SystemTimedOut)));
    QCOMPARE(entered.count(), 1);

    m_store->upsert(evergreen("t1", evg(EvgStatus::WillRun)));   // leaves
    QCOMPARE(entered.count(), 1);
    QCOMPARE(matcher->matchCount(0), 0);

    m_store->upsert(evergreen("t1", evg(EvgStatus::SystemFailed)));   // enters again
    QCOMPARE(entered.count(), 2);
    QCOMPARE(enteredIds(entered, 1), QList<QByteArray>{"t1"});
}

void TestNotificationCenter::startupListingIsTheBaseline()
{
    RuleMatcher *matcher = m_center->matcher();
    m_center->setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    QSignalSpy entered(matcher, &RuleMatcher::entered);

    // The first listing of connection 0 arrives: two failures that were there before.
    TaskStore::SnapshotScope scope;
    m_store->mergeSnapshot(scope, {evergreen("old1", evg(EvgStatus::SystemFailed)), evergreen("old2", evg(EvgStatus::SystemFailed)),
                                   evergreen("ok", evg(EvgStatus::Started))});
    QCOMPARE(entered.count(), 0);
    QCOMPARE(matcher->matchCount(0), 2);
    matcher->setConnectionListed(0);

    // A second listing with the same failures announces nothing either.
    m_store->mergeSnapshot(scope, {evergreen("old1", evg(EvgStatus::SystemFailed)), evergreen("old2", evg(EvgStatus::SystemFailed)),
                                   evergreen("ok", evg(EvgStatus::Started))});
    QCOMPARE(entered.count(), 0);

    // What fails after the listing is news.
    m_store->upsert(evergreen("ok", evg(EvgStatus::SystemFailed)));
    QCOMPARE(entered.count(), 1);
    QCOMPARE(enteredIds(entered, 0), QList<QByteArray>{"ok"});

    // A connection that has not listed yet stays silent while others are live.
    Task other = evergreen("elsewhere", evg(EvgStatus::SystemFailed));
    other.connection = 1;
    m_store->upsert(other);
    QCOMPARE(entered.count(), 1);
}

void TestNotificationCenter::newRulesTakeWhatMatchesAsBaseline()
{
    RuleMatcher *matcher = m_center->matcher();
    matcher->setConnectionListed(0);
    m_store->upsert(evergreen("t1", evg(EvgStatus::SystemFailed)));
    QSignalSpy entered(matcher, &RuleMatcher::entered);
    m_center->setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    QCOMPARE(matcher->matchCount(0), 1);
    m_store->upsert(evergreen("t1", evg(EvgStatus::SystemTimedOut)));
    QCOMPARE(entered.count(), 0);
    m_store->upsert(evergreen("t2", evg(EvgStatus::SystemFailed)));
    QCOMPARE(entered.count(), 1);
}

void TestNotificationCenter::removedTasksLeave()
{
    RuleMatcher *matcher = m_center->matcher();
    m_center->setRules({{QStringLiteral("lost"), QStringLiteral("status:TASK_LOST,failed source:marathon"), true}});
    matcher->setConnectionListed(0);
    QSignalSpy entered(matcher, &RuleMatcher::entered);

    m_store->upsert(marathon("m1", mar(MarStatus::Failed)));
    QCOMPARE(entered.count(), 1);
    QVERIFY(m_store->remove("m1"));
    QCOMPARE(matcher->matchCount(0), 0);
    m_store->upsert(marathon("m1", mar(MarStatus::Failed)));
    QCOMPARE(entered.count(), 2);
}

void TestNotificationCenter::oneEntryPerExecution_data()
{
    QTest::addColumn<int>("secondStatus");
    QTest::addColumn<int>("secondExecution");
    QTest::addColumn<int>("entries");

    QTest::newRow("same execution, still failing") << int(evg(EvgStatus::SystemTimedOut)) << 0 << 1;
    QTest::newRow("restarted and failed again") << int(evg(EvgStatus::SystemTimedOut)) << 1 << 2;
    QTest::newRow("restarted, running") << int(evg(EvgStatus::Started)) << 1 << 1;
}

void TestNotificationCenter::oneEntryPerExecution()
{
    QFETCH(int, secondStatus);
    QFETCH(int, secondExecution);
    QFETCH(int, entries);

    RuleMatcher *matcher = m_center->matcher();
    m_center->setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    matcher->setConnectionListed(0);
    QSignalSpy entered(matcher, &RuleMatcher::entered);

    m_store->upsert(withExecution(evergreen("t1", evg(EvgStatus::SystemFailed)), 0));
    m_store->upsert(withExecution(evergreen("t1", Status(secondStatus)), quint16(secondExecution)));
    QCOMPARE(entered.count(), entries);
}

void TestNotificationCenter::disabledAndBrokenRulesNeverFire()
{
    RuleMatcher *matcher = m_center->matcher();
    const QStringList broken = m_center->setRules({{QStringLiteral("off"), QStringLiteral("kind:system"), false},
                                                   {QStringLiteral("bad"), QStringLiteral("status:nonsense"), true},
                                                   {QStringLiteral("empty"), QStringLiteral("  "), true}});
    QCOMPARE(broken, (QStringList{QStringLiteral("bad"), QStringLiteral("empty")}));
    matcher->setConnectionListed(0);
    QSignalSpy entered(matcher, &RuleMatcher::entered);
    m_store->upsert(evergreen("t1", evg(EvgStatus::SystemFailed)));
    QCOMPARE(entered.count(), 0);
}

void TestNotificationCenter::burstUpdatesOneNotification()
{
    m_center->setRules({{QStringLiteral("prod"), QStringLiteral("kind:system group:/prod/web"), true}});
    m_center->matcher()->setConnectionListed(0);
    QSignalSpy ready(m_center.get(), &NotificationCenter::notificationReady);

    TaskBatch batch;
    for (const char *id : {"a", "b", "c"})
        batch.append(TaskDelta::upsert(inGroup(evergreen(id, evg(EvgStatus::SystemFailed)), "/prod/web")));
    m_store->apply(batch);
    QCOMPARE(ready.count(), 1);
    const auto first = ready.at(0).at(0).value<Notification>();
    QCOMPARE(first.summary, QStringLiteral("3 new system failures in /prod/web"));
    QCOMPARE(first.urgency, Notification::Critical);
    QCOMPARE(first.isUpdate, false);
    QCOMPARE(first.taskIds, (QList<QByteArray>{"a", "b", "c"}));
    QCOMPARE(first.ruleName, QStringLiteral("prod"));
    QVERIFY(first.body.startsWith(QStringLiteral("Rule “prod”: compile (system-failed)")));

    // More failures within the interval wait, then go out as one update of the same bubble.
    m_now += 1000;
    m_store->upsert(inGroup(evergreen("d", evg(EvgStatus::SystemFailed)), "/prod/web"));
    m_now += 1000;
    m_store->upsert(inGroup(evergreen("e", evg(EvgStatus::SystemFailed)), "/prod/web"));
    m_store->upsert(inGroup(evergreen("f", evg(EvgStatus::SystemFailed)), "/prod/web"));
    m_store->upsert(inGroup(evergreen("g", evg(EvgStatus::SystemFailed)), "/prod/web"));
    // A task restarted meanwhile still counts as it was when it entered.
    m_store->upsert(inGroup(evergreen("a", evg(EvgStatus::WillRun)), "/prod/web"));
    QCOMPARE(ready.count(), 1);
    QVERIFY(m_center->hasPending());
    m_now += 20'000;
    m_center->flushDue();
    QCOMPARE(ready.count(), 1);   // 22 s after the first: still too soon
    m_now += 8'000;
    m_center->flushDue();
    QCOMPARE(ready.count(), 2);
    const auto update = ready.at(1).at(0).value<Notification>();
    QCOMPARE(update.key, first.key);
    QCOMPARE(update.isUpdate, true);
    QCOMPARE(update.summary, QStringLiteral("7 new system failures in /prod/web"));
    QCOMPARE(update.taskIds.size(), 7);
    QVERIFY(!m_center->hasPending());
    m_center->flushDue();
    QCOMPARE(ready.count(), 2);
}

void TestNotificationCenter::rateLimitHoldsEntries_data()
{
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<int>("immediate");   // notifications before any flush

    QTest::newRow("default 30 s, entries 1 s apart") << qint64(30'000) << qint64(1'000) << 1;
    QTest::newRow("default 30 s, entries 31 s apart") << qint64(30'000) << qint64(31'000) << 3;
    QTest::newRow("no limit") << qint64(0) << qint64(0) << 3;
    QTest::newRow("5 s, entries 5 s apart") << qint64(5'000) << qint64(5'000) << 3;
}

void TestNotificationCenter::rateLimitHoldsEntries()
{
    QFETCH(qint64, interval);
    QFETCH(qint64, step);
    QFETCH(int, immediate);

    m_center->setInterval(interval);
    m_center->setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    m_center->matcher()->setConnectionListed(0);
    QSignalSpy ready(m_center.get(), &NotificationCenter::notificationReady);
    for (const char *id : {"a", "b", "c"}) {
        m_store->upsert(evergreen(id, evg(EvgStatus::SystemFailed)));
        m_now += step;
    }
    QCOMPARE(ready.count(), immediate);
    m_now += interval;
    m_center->flushDue();
    // Whatever waited went out in one update; nothing is lost, nothing is sent twice.
    QCOMPARE(ready.count(), immediate == 3 ? 3 : 2);
    QCOMPARE(ready.last().at(0).value<Notification>().taskIds.size(), 3);
}

void TestNotificationCenter::dismissStartsANewBurst()
{
    m_center->setRules({{QStringLiteral("system"), QStringLiteral("kind:system"), true}});
    m_center->matcher()->setConnectionListed(0);
    QSignalSpy ready(m_center.get(), &NotificationCenter::notificationReady);
    m_store->upsert(evergreen("a", evg(EvgStatus::SystemFailed)));
    QCOMPARE(ready.count(), 1);
    const QString firstKey = ready.at(0).at(0).value<Notification>().key;
    m_center->dismiss(firstKey);

    // The rate limit still holds after a dismissal; the next burst is a new notification.
    m_now += 1000;
    m_store->upsert(evergreen("b", evg(EvgStatus::SystemFailed)));
    QCOMPARE(ready.count(), 1);
    m_now += 30'000;
    m_center->flushDue();
    QCOMPARE(ready.count(), 2);
    const auto second = ready.at(1).at(0).value<Notification>();
    QVERIFY(second.key != firstKey);
    QCOMPARE(second.isUpdate, false);
    QCOMPARE(second.taskIds, QList<QByteArray>{"b"});
    QCOMPARE(second.summary, QStringLiteral("1 new system failure in ubuntu2204"));
}

void TestNotificationCenter::urgencyAndSummaryFollowTheKind_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("urgency");
    QTest::addColumn<QString>("summary");

    QTest::newRow("system failure") << QStringLiteral("kind:system") << int(evg(EvgStatus::SystemFailed))
                                    << int(Notification::Critical) << QStringLiteral("1 new system failure in ubuntu2204");
    QTest::newRow("test failure") << QStringLiteral("is:problem") << int(evg(EvgStatus::Failed))
                                  << int(Notification::Normal) << QStringLiteral("1 new failure in ubuntu2204");
    QTest::newRow("new failure") << QStringLiteral("is:new-failure") << int(evg(EvgStatus::Failed))
                                 << int(Notification::Normal) << QStringLiteral("1 new failure in ubuntu2204");
    QTest::newRow("not a failure") << QStringLiteral("status:started") << int(evg(EvgStatus::Started))
                                   << int(Notification::Normal) << QStringLiteral("1 task matched in ubuntu2204");
}

void TestNotificationCenter::urgencyAndSummaryFollowTheKind()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, urgency);
    QFETCH(QString, summary);

    QVERIFY(m_center->setRules({{query, query, true}}).isEmpty());
    m_center->matcher()->setConnectionListed(0);
    QSignalSpy ready(m_center.get(), &NotificationCenter::notificationReady);
    m_store->upsert(evergreen("a", Status(status)));
    QCOMPARE(ready.count(), 1);
    const auto n = ready.at(0).at(0).value<Notification>();
    QCOMPARE(int(n.urgency), urgency);
    QCOMPARE(n.summary, summary);
}

QTEST_GUILESS_MAIN(TestNotificationCenter)
#include "tst_notificationcenter.moc"
