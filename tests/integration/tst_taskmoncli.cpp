// SPDX-License-Identifier: GPL-3.0-or-later
#include "system/systemregistry.h"
#include "systems/registersystems.h"
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "domain/taskstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

// The taskmon-cli binary as a user runs it: arguments in, text and an exit code out.
class TestTaskmonCli : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Result run(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TASKMON_CLI), arguments);
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            process.kill();
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

private slots:
    // The JSON names systems by key; the test reads them back through the same registry.
    void initTestCase() { registerSystems(); }

    void demoListAsJsonHasBothSystemsWithTheirProjection()
    {
        const Result result = run({QStringLiteral("--demo"), QStringLiteral("--demo-tasks"), QStringLiteral("400"),
                                   QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray tasks = QJsonDocument::fromJson(result.out).array();
        QCOMPARE(tasks.size(), 400);
        QSet<SystemId> systems;
        for (const QJsonValue &value : tasks) {
            const QJsonObject task = value.toObject();
            QCOMPARE(task.size(), 14);
            // The label and the projection agree with the taxonomy for the native status.
            const SystemId system = SystemRegistry::find(task[u"source"_qs].toString());
            QVERIFY2(system != NoSystem, qPrintable(task[u"source"_qs].toString()));
            Status status = SystemRegistry::statusByKey(system, task[u"native_status"_qs].toString());
            const QString label = task[u"status"_qs].toString();
            for (int i = 1; i < StatusTaxonomy::count() && (status == Status::Unset || StatusTaxonomy::label(status) != label); ++i) {
                if (StatusTaxonomy::system(Status(i)) == system && StatusTaxonomy::label(Status(i)) == label)
                    status = Status(i);
            }
            QVERIFY2(status != Status::Unset, qPrintable(label));
            systems.insert(StatusTaxonomy::system(status));
            const StatusInfo &info = StatusTaxonomy::info(status);
            QCOMPARE(task[u"stage"_qs].toString(), QString(StatusTaxonomy::stageKey(info.stage)));
            QCOMPARE(task[u"failure_kind"_qs].toString(), QString(StatusTaxonomy::failureKindKey(info.kind)));
            QCOMPARE(task[u"source"_qs].toString(), QString(SystemRegistry::key(StatusTaxonomy::system(status))));
            QVERIFY(task[u"actions"_qs].isArray());
        }
        QVERIFY(systems.contains(MarathonSystem::id()));
        QVERIFY(systems.contains(EvergreenSystem::id()));
        QVERIFY(result.err.contains("Live"));
    }

    void tableIsPlainWhenPiped()
    {
        const Result result = run({QStringLiteral("--demo"), QStringLiteral("--demo-tasks"), QStringLiteral("50"),
                                   QStringLiteral("list"), QStringLiteral("--filter"), QStringLiteral("is:problem")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("STATUS"));
        QVERIFY(!result.out.contains('\x1b'));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("bad filter") << QStringList{QStringLiteral("--demo"), QStringLiteral("list"),
                                                   QStringLiteral("--filter"), QStringLiteral("status:")};
        QTest::newRow("priority above 100") << QStringList{QStringLiteral("--demo"), QStringLiteral("priority"),
                                                           QStringLiteral("101"), QStringLiteral("x")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--help"));
        QVERIFY(result.out.isEmpty());
    }

    void helpExitsZero()
    {
        const Result result = run({QStringLiteral("kill"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("--scale"));
        QVERIFY(result.out.contains("--wipe"));
    }

    void refusedActionsExitOneAndAreNotSent()
    {
        // A made-up id: the demo does not know it, nothing is sent.
        const Result result = run({QStringLiteral("--demo"), QStringLiteral("--demo-tasks"), QStringLiteral("20"),
                                   QStringLiteral("abort"), QStringLiteral("no-such-task")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains("no-such-task: not found"));
    }

    void actionsWorkAgainstTheDemo()
    {
        // Find a running Evergreen-like task in a seeded demo, then abort it there.
        const QStringList base = {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("3"),
                                  QStringLiteral("--demo-tasks"), QStringLiteral("300"), QStringLiteral("--demo-rate"),
                                  QStringLiteral("0")};
        const Result listing = run(base + QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                                      QStringLiteral("json"), QStringLiteral("--filter"),
                                                      QStringLiteral("status:started")});
        QCOMPARE(listing.exitCode, 0);
        const QJsonArray running = QJsonDocument::fromJson(listing.out).array();
        QVERIFY(!running.isEmpty());
        const QString id = running.first()[u"id"_qs].toString();
        const Result abort = run(base + QStringList{QStringLiteral("abort"), QStringLiteral("--yes"), id});
        QCOMPARE(abort.exitCode, 0);
        QVERIFY2(abort.out.contains((id + QStringLiteral(": ok")).toUtf8()), abort.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestTaskmonCli)
#include "tst_taskmoncli.moc"
