// SPDX-License-Identifier: GPL-3.0-or-later
// Acknowledgements: per task and execution, kept across restarts, and what is:new means.
#include "systems/registersystems.h"
#include "backends/evergreen/evergreensystem.h"
#include "itemmodels/taskquery.h"
#include "notify/acknowledgements.h"
#include "notify/notificationrule.h"
#include "testtasks.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using TestTasks::evergreen;

class TestAcknowledgements final : public QObject
{
    Q_OBJECT

private slots:
    // Status and kind names in the rules come from the registered systems.
    void initTestCase() { registerSystems(); }
    void persistsAcrossInstances();
    void executionsAreSeparate();
    void isNewFollowsTheCurrentInstance_data();
    void isNewFollowsTheCurrentInstance();
    void isNewDoesNotMixWithStatuses();
    void rulesPersistWithoutCommandLineOnes();
};

void TestAcknowledgements::persistsAcrossInstances()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/acknowledged.txt"));
    {
        Acknowledgements acks(path);
        QCOMPARE(acks.size(), 0);
        QSignalSpy changed(&acks, &Acknowledgements::changed);
        QCOMPARE(acks.acknowledge({evergreen("t1", evg(EvgStatus::Failed)), evergreen("t2", evg(EvgStatus::SystemFailed))}), 2);
        QCOMPARE(changed.count(), 1);
        // Acknowledging again changes nothing and says so.
        QCOMPARE(acks.acknowledge({evergreen("t1", evg(EvgStatus::Failed))}), 0);
        QCOMPARE(changed.count(), 1);
    }
    Acknowledgements reloaded(path);
    QCOMPARE(reloaded.size(), 2);
    QVERIFY(reloaded.isAcknowledged(evergreen("t1", evg(EvgStatus::Failed))));
    QVERIFY(reloaded.isAcknowledged(evergreen("t2", evg(EvgStatus::SystemFailed))));
    QVERIFY(!reloaded.isAcknowledged(evergreen("t3", evg(EvgStatus::Failed))));

    reloaded.clear();
    QCOMPARE(Acknowledgements(path).size(), 0);
}

void TestAcknowledgements::executionsAreSeparate()
{
    Acknowledgements acks;
    Task first = evergreen("t1", evg(EvgStatus::Failed));
    acks.acknowledge({first});
    Task restarted = first;
    restarted.execution = 1;
    QVERIFY(acks.isAcknowledged(first));
    QVERIFY(!acks.isAcknowledged(restarted));
    QVERIFY(acks.isAcknowledged("t1", 0));
}

void TestAcknowledgements::isNewFollowsTheCurrentInstance_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("acknowledged");
    QTest::addColumn<bool>("matches");

    QTest::newRow("new failure") << QStringLiteral("is:new") << int(evg(EvgStatus::Failed)) << false << true;
    QTest::newRow("seen failure") << QStringLiteral("is:new") << int(evg(EvgStatus::Failed)) << true << false;
    QTest::newRow("not new") << QStringLiteral("-is:new") << int(evg(EvgStatus::Failed)) << true << true;
    QTest::newRow("new-failure, failed") << QStringLiteral("is:new-failure") << int(evg(EvgStatus::Failed)) << false << true;
    QTest::newRow("new-failure, running") << QStringLiteral("is:new-failure") << int(evg(EvgStatus::Started)) << false << false;
    QTest::newRow("new-failure, seen") << QStringLiteral("is:new-failure kind:system") << int(evg(EvgStatus::SystemFailed))
                                       << true << false;
    QTest::newRow("with other terms") << QStringLiteral("is:new kind:system") << int(evg(EvgStatus::SystemFailed)) << false
                                      << true;
}

void TestAcknowledgements::isNewFollowsTheCurrentInstance()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(bool, acknowledged);
    QFETCH(bool, matches);

    TaskQuery::Error error;
    const TaskQuery parsed = TaskQuery::parse(query, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    const Task task = evergreen("t1", Status(status));
    {
        Acknowledgements acks;
        acks.makeCurrent();
        if (acknowledged)
            acks.acknowledge({task});
        QCOMPARE(parsed.matches(task), matches);
    }
    // Without acknowledgements every task is new.
    QCOMPARE(TaskQuery::parse(QStringLiteral("is:new"), nullptr).matches(task), true);
}

void TestAcknowledgements::isNewDoesNotMixWithStatuses()
{
    TaskQuery::Error error;
    TaskQuery::parse(QStringLiteral("is:problem,new"), &error);
    QVERIFY(error.isError());
    QCOMPARE(error.position, 11);
    TaskQuery::parse(QStringLiteral("is:fresh"), &error);
    QVERIFY(error.message.contains(QStringLiteral("is:new")));
}

void TestAcknowledgements::rulesPersistWithoutCommandLineOnes()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("taskmon.ini"));
    {
        QSettings settings(file, QSettings::IniFormat);
        NotificationRule::save(settings, {{QStringLiteral("System"), QStringLiteral("kind:system"), true},
                                          {QStringLiteral("Prod"), QStringLiteral("is:new-failure group:/prod"), false},
                                          NotificationRule::fromCommandLine(QStringLiteral("host:agent-9"))});
        NotificationSettings::setInterval(settings, 45'000);
    }
    QSettings settings(file, QSettings::IniFormat);
    const QList<NotificationRule> rules = NotificationRule::load(settings);
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules[0], (NotificationRule{QStringLiteral("System"), QStringLiteral("kind:system"), true}));
    QCOMPARE(rules[1], (NotificationRule{QStringLiteral("Prod"), QStringLiteral("is:new-failure group:/prod"), false}));
    QCOMPARE(NotificationSettings::interval(settings), qint64(45'000));
    settings.clear();
    QCOMPARE(NotificationSettings::interval(settings), NotificationSettings::DefaultIntervalMs);
}

QTEST_GUILESS_MAIN(TestAcknowledgements)
#include "tst_acknowledgements.moc"
