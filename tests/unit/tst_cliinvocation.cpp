// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionparsing.h"
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "cli/cliinvocation.h"

#include <QTest>

using Command = CliInvocation::Command;
using Format = CliInvocation::Format;

class TestCliInvocation : public QObject
{
    Q_OBJECT

private slots:
    void validInvocations_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<Command>("command");
        QTest::addColumn<Format>("format");
        QTest::addColumn<TaskAction>("action");
        QTest::addColumn<QStringList>("ids");

        const TaskAction none = evgAction(EvgAction::Abort);
        QTest::newRow("list") << QStringList{u"list"_qs} << Command::List << Format::Table << none << QStringList{};
        QTest::newRow("list json") << QStringList{u"--demo"_qs, u"list"_qs, u"--format"_qs, u"json"_qs}
                                   << Command::List << Format::Json << none << QStringList{};
        QTest::newRow("list csv live") << QStringList{u"list"_qs, u"--live"_qs, u"5"_qs, u"--format"_qs, u"csv"_qs}
                                       << Command::List << Format::Csv << none << QStringList{};
        QTest::newRow("watch") << QStringList{u"watch"_qs} << Command::Watch << Format::Text << none << QStringList{};
        QTest::newRow("watch jsonl") << QStringList{u"watch"_qs, u"--for"_qs, u"3"_qs, u"--format"_qs, u"jsonl"_qs}
                                     << Command::Watch << Format::Jsonl << none << QStringList{};
        QTest::newRow("abort") << QStringList{u"abort"_qs, u"a"_qs, u"b"_qs} << Command::Act << Format::Table
                               << evgAction(EvgAction::Abort) << QStringList{u"a"_qs, u"b"_qs};
        QTest::newRow("restart") << QStringList{u"restart"_qs, u"a"_qs} << Command::Act << Format::Table
                                 << evgAction(EvgAction::Restart) << QStringList{u"a"_qs};
        QTest::newRow("schedule") << QStringList{u"schedule"_qs, u"a"_qs} << Command::Act << Format::Table
                                  << evgAction(EvgAction::Schedule) << QStringList{u"a"_qs};
        QTest::newRow("unschedule") << QStringList{u"unschedule"_qs, u"a"_qs} << Command::Act << Format::Table
                                    << evgAction(EvgAction::Unschedule) << QStringList{u"a"_qs};
        QTest::newRow("kill") << QStringList{u"kill"_qs, u"m1"_qs} << Command::Act << Format::Table
                              << marAction(MarAction::Kill) << QStringList{u"m1"_qs};
        QTest::newRow("kill scale") << QStringList{u"kill"_qs, u"--scale"_qs, u"m1"_qs} << Command::Act
                                    << Format::Table << marAction(MarAction::KillAndScale) << QStringList{u"m1"_qs};
        QTest::newRow("kill wipe") << QStringList{u"kill"_qs, u"--wipe"_qs, u"m1"_qs} << Command::Act
                                   << Format::Table << marAction(MarAction::KillAndWipe) << QStringList{u"m1"_qs};
        QTest::newRow("restart-app") << QStringList{u"restart-app"_qs, u"/prod/web"_qs} << Command::Act
                                     << Format::Table << marAction(MarAction::RestartApp) << QStringList{u"/prod/web"_qs};
        QTest::newRow("priority") << QStringList{u"priority"_qs, u"70"_qs, u"a"_qs, u"b"_qs} << Command::Act
                                  << Format::Table << evgAction(EvgAction::SetPriority) << QStringList{u"a"_qs, u"b"_qs};
        QTest::newRow("priority -1") << QStringList{u"priority"_qs, u"-1"_qs, u"a"_qs} << Command::Act
                                     << Format::Table << evgAction(EvgAction::SetPriority) << QStringList{u"a"_qs};
        QTest::newRow("help") << QStringList{u"--help"_qs} << Command::Help << Format::Table << none << QStringList{};
        QTest::newRow("list help") << QStringList{u"list"_qs, u"--help"_qs} << Command::Help << Format::Table
                                   << none << QStringList{};
        QTest::newRow("kill help") << QStringList{u"kill"_qs, u"--help"_qs} << Command::Help << Format::Table
                                   << none << QStringList{};
    }

    void validInvocations()
    {
        QFETCH(QStringList, arguments);
        QFETCH(Command, command);
        QFETCH(Format, format);
        QFETCH(TaskAction, action);
        QFETCH(QStringList, ids);
        CliInvocation invocation;
        QString error;
        QVERIFY2(CliInvocation::parse(arguments, connectionParsing(), &invocation, &error), qPrintable(error));
        QCOMPARE(invocation.command, command);
        if (command != Command::Help)
            QCOMPARE(invocation.format, format);
        if (command == Command::Act) {
            QCOMPARE(invocation.action, action);
            QCOMPARE(invocation.ids, ids);
        }
        if (command == Command::Help)
            QVERIFY(!invocation.helpText.isEmpty());
    }

    void optionsAreRead()
    {
        CliInvocation invocation;
        QString error;
        QVERIFY(CliInvocation::parse({u"--demo"_qs, u"--seed"_qs, u"7"_qs, u"--timeout"_qs, u"9"_qs, u"--read-only"_qs,
                                      u"list"_qs, u"--live"_qs, u"2.5"_qs, u"--filter"_qs, u"status:failed kind:system"_qs}, connectionParsing(),
                                     &invocation, &error));
        QCOMPARE(parsedConnections().demoConfig.seed, 7u);
        QCOMPARE(invocation.timeoutSeconds, 9);
        QVERIFY(parsedConnections().readOnly);
        QCOMPARE(invocation.liveSeconds, 2.5);
        QCOMPARE(invocation.filter, u"status:failed kind:system"_qs);

        QVERIFY(CliInvocation::parse({u"kill"_qs, u"--scale"_qs, u"--yes"_qs, u"--force"_qs, u"m"_qs}, connectionParsing(), &invocation, &error));
        QVERIFY(invocation.yes);
        QVERIFY(invocation.force);
        QVERIFY(CliInvocation::parse({u"priority"_qs, u"500"_qs, u"--admin"_qs, u"a"_qs}, connectionParsing(), &invocation, &error));
        QCOMPARE(invocation.priority, 500);
        QVERIFY(invocation.admin);
    }

    void helpForEverySubcommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : {"list", "watch", "abort", "restart", "schedule", "unschedule", "priority",
                                    "override-dependencies", "kill", "restart-app"}) {
            QTest::newRow(command) << QString::fromLatin1(command);
        }
    }

    void helpForEverySubcommand()
    {
        QFETCH(QString, command);
        CliInvocation invocation;
        QString error;
        QVERIFY(CliInvocation::parse({command, u"--help"_qs}, connectionParsing(), &invocation, &error));
        QCOMPARE(invocation.command, Command::Help);
        QVERIFY2(invocation.helpText.contains(u"Usage: taskmon-cli [connection options] "_qs + command),
                 qPrintable(invocation.helpText));
        QVERIFY(CliInvocation::usage(connectionParsing()).contains(command));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("nothing") << QStringList{} << u"No command"_qs;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_qs} << u"frobnicate"_qs;
        QTest::newRow("unknown global option") << QStringList{u"--bogus"_qs, u"list"_qs} << u"bogus"_qs;
        QTest::newRow("unknown list option") << QStringList{u"list"_qs, u"--bogus"_qs} << u"bogus"_qs;
        QTest::newRow("bad format") << QStringList{u"list"_qs, u"--format"_qs, u"xml"_qs} << u"xml"_qs;
        QTest::newRow("watch has no csv") << QStringList{u"watch"_qs, u"--format"_qs, u"csv"_qs} << u"csv"_qs;
        QTest::newRow("bad live") << QStringList{u"list"_qs, u"--live"_qs, u"soon"_qs} << u"soon"_qs;
        QTest::newRow("bad filter") << QStringList{u"list"_qs, u"--filter"_qs, u"stauts:failed"_qs} << u"^"_qs;
        QTest::newRow("list arguments") << QStringList{u"list"_qs, u"extra"_qs} << u"extra"_qs;
        QTest::newRow("abort without ids") << QStringList{u"abort"_qs} << u"task id"_qs;
        QTest::newRow("priority without number") << QStringList{u"priority"_qs} << u"number"_qs;
        QTest::newRow("priority not a number") << QStringList{u"priority"_qs, u"high"_qs, u"a"_qs} << u"high"_qs;
        QTest::newRow("priority too low") << QStringList{u"priority"_qs, u"-2"_qs, u"a"_qs} << u"−1 to 100"_qs;
        QTest::newRow("priority above 100") << QStringList{u"priority"_qs, u"101"_qs, u"a"_qs} << u"--admin"_qs;
        QTest::newRow("scale and wipe") << QStringList{u"kill"_qs, u"--scale"_qs, u"--wipe"_qs, u"m"_qs} << u"--wipe"_qs;
        QTest::newRow("bad seed") << QStringList{u"--seed"_qs, u"x"_qs, u"list"_qs} << u"seed"_qs;
        QTest::newRow("bad timeout") << QStringList{u"--timeout"_qs, u"-3"_qs, u"list"_qs} << u"timeout"_qs;
        QTest::newRow("nan tasks") << QStringList{u"--demo-tasks"_qs, u"nan"_qs, u"list"_qs} << u"nan"_qs;
        QTest::newRow("infinite timeout") << QStringList{u"--timeout"_qs, u"inf"_qs, u"list"_qs} << u"inf"_qs;
        QTest::newRow("nan live") << QStringList{u"list"_qs, u"--live"_qs, u"nan"_qs} << u"nan"_qs;
        QTest::newRow("watch too long") << QStringList{u"watch"_qs, u"--for"_qs, u"1e9"_qs} << u"1000000"_qs;
        QTest::newRow("bad notify") << QStringList{u"watch"_qs, u"--notify"_qs, u"kind:sytem"_qs} << u"sytem"_qs;
        QTest::newRow("notify is for watch") << QStringList{u"list"_qs, u"--notify"_qs, u"kind:system"_qs} << u"notify"_qs;
    }

    void watchTakesNotifyRules()
    {
        CliInvocation invocation;
        QString error;
        QVERIFY2(CliInvocation::parse({u"watch"_qs, u"--notify"_qs, u"kind:system"_qs, u"--notify"_qs,
                                       u"is:new-failure group:/prod"_qs}, connectionParsing(),
                                      &invocation, &error),
                 qPrintable(error));
        QCOMPARE(invocation.notifyQueries, (QStringList{u"kind:system"_qs, u"is:new-failure group:/prod"_qs}));
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        CliInvocation invocation;
        QString error;
        QVERIFY(!CliInvocation::parse(arguments, connectionParsing(), &invocation, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY2(error.contains(u"--help"_qs), qPrintable(error));  // says how to get help
    }
};

QTEST_GUILESS_MAIN(TestCliInvocation)
#include "tst_cliinvocation.moc"
