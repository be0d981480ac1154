// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionparsing.h"
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "cli/clirunner.h"
#include "cli/tableprinter.h"
#include "cli/taskrecord.h"
#include "fakebackend.h"
#include "session/session.h"
#include "testtasks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

namespace {
// A session with one scripted backend per system and a runner writing into strings.
struct Run
{
    explicit Run(const QStringList &arguments, CliTerminal terminal = {})
        : out(&outText)
        , err(&errText)
    {
        QString error;
        parsed = CliInvocation::parse(arguments, connectionParsing(), &invocation, &error);
        evg = new FakeBackend(EvergreenSystem::id());
        mar = new FakeBackend(MarathonSystem::id());
        session.addBackend(evg);
        session.addBackend(mar);
        runner = std::make_unique<CliRunner>(invocation, &session, &out, &err, std::move(terminal));
        QObject::connect(runner.get(), &CliRunner::finished, runner.get(), [this](int code) { exitCode = code; });
    }

    // Both servers list their tasks and report healthy.
    void serve(const QList<Task> &tasks)
    {
        TaskSnapshot evgSnapshot, marSnapshot;
        for (const Task &task : tasks)
            (task.system() == MarathonSystem::id() ? marSnapshot : evgSnapshot).tasks.append(task);
        evg->sendSnapshot(evgSnapshot);
        mar->sendSnapshot(marSnapshot);
        ConnectionStatus polling;
        polling.state = ConnectionStatus::State::Polling;
        polling.pollIntervalMs = 30000;
        evg->sendStatus(polling);
        ConnectionStatus live;
        live.state = ConnectionStatus::State::Live;
        mar->sendStatus(live);
    }

    bool parsed = false;
    CliInvocation invocation;
    Session session;
    FakeBackend *evg;
    FakeBackend *mar;
    QString outText;
    QString errText;
    QTextStream out;
    QTextStream err;
    std::unique_ptr<CliRunner> runner;
    int exitCode = -1;
};

QList<Task> sample()
{
    Task failed = evergreen("evg-failed", evg(EvgStatus::Failed), "rhel80", 60);
    failed.message = InternedString(QStringLiteral("tests, \"quoted\", failed"));
    return {failed, evergreen("evg-run", evg(EvgStatus::Started)), evergreen("evg-done", evg(EvgStatus::Success)),
            marathon("m-run", mar(MarStatus::Running), "/prod/web"), marathon("m-lost", mar(MarStatus::Unreachable), "/prod/web")};
}
} // namespace

class TestCliRunner : public QObject
{
    Q_OBJECT

private slots:
    void listAsJsonHasTheDocumentedKeysAndProjection()
    {
        Run run({u"list"_qs, u"--format"_qs, u"json"_qs});
        QVERIFY(run.parsed);
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.outText.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray array = document.array();
        QCOMPARE(array.size(), 5);
        // The keys of DESIGN.md §5, in order, in every object.
        const QString firstLine = run.outText.section(u'\n', 1, 1);
        int last = -1;
        for (const QString &key : TaskRecord::keys()) {
            const int at = int(firstLine.indexOf(u'"' + key + u'"'));
            QVERIFY2(at > last, qPrintable(key));
            last = at;
        }
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &value : array)
            byId.insert(value[u"id"_qs].toString(), value.toObject());
        const QJsonObject failed = byId.value(u"evg-failed"_qs);
        QCOMPARE(failed[u"status"_qs].toString(), u"Failed"_qs);
        QCOMPARE(failed[u"stage"_qs].toString(), u"finished"_qs);
        QCOMPARE(failed[u"failure_kind"_qs].toString(), u"test"_qs);
        QCOMPARE(failed[u"priority"_qs].toInt(), 60);
        QCOMPARE(failed[u"source"_qs].toString(), u"evergreen"_qs);
        QCOMPARE(failed[u"actions"_qs].toArray(), QJsonArray{u"restart"_qs});
        const QJsonObject lost = byId.value(u"m-lost"_qs);
        QCOMPARE(lost[u"status"_qs].toString(), u"Unreachable"_qs);
        QCOMPARE(lost[u"stage"_qs].toString(), u"in-progress"_qs);
        QCOMPARE(lost[u"failure_kind"_qs].toString(), u"system"_qs);
        QVERIFY(lost[u"priority"_qs].isNull());
        QCOMPARE(lost[u"native_status"_qs].toString(), u"TASK_UNREACHABLE"_qs);
        QVERIFY(lost[u"actions"_qs].toArray().contains(u"kill"_qs));
        // Most actionable first: the two problems lead.
        const QStringList firstTwo = {array[0][u"id"_qs].toString(), array[1][u"id"_qs].toString()};
        QVERIFY(firstTwo.contains(u"evg-failed"_qs) && firstTwo.contains(u"m-lost"_qs));
        QVERIFY(run.errText.contains(u"Live"_qs));  // connection changes go to stderr
    }

    void listFiltersWithTheQueryLanguage()
    {
        Run run({u"list"_qs, u"--format"_qs, u"csv"_qs, u"--filter"_qs, u"is:problem source:evergreen"_qs});
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.exitCode, 0);
        const QStringList lines = run.outText.split(u"\r\n"_qs, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], TaskRecord::keys().join(u','));
        QVERIFY(lines[1].startsWith(u"evg-failed,evergreen,compile,rhel80,Failed,failed,finished,test,60,"_qs));
        QVERIFY(lines[1].contains(u"\"tests, \"\"quoted\"\", failed\""_qs));
    }

    void tableFitsTheWidthAndColoursOnlyWhenAsked()
    {
        CliTerminal terminal;
        terminal.width = 80;
        terminal.color = true;
        Run run({u"list"_qs}, terminal);
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.exitCode, 0);
        const QString plain = QString(run.outText).remove(QRegularExpression(u"\x1b\\[[0-9;]*m"_qs));
        for (const QString &line : plain.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.size() <= 80, qPrintable(line));
        QVERIFY(run.outText.contains(u"\x1b[1;38;2;219;48;48m"_qs));  // failures in their red

        Run piped({u"list"_qs});
        piped.runner->start();
        piped.serve(sample());
        QTRY_COMPARE(piped.exitCode, 0);
        QVERIFY(!piped.outText.contains(u'\x1b'));
    }

    void actionsReportPerTaskAndRefuseWhatTheRulesRefuse()
    {
        Run run({u"abort"_qs, u"evg-run"_qs, u"evg-done"_qs, u"ghost"_qs});
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.evg->requests.size(), 1);
        QCOMPARE(run.evg->requests[0].taskIds, (QList<QByteArray>{"evg-run"}));
        run.evg->answer(run.evg->requests[0], true);
        QTRY_COMPARE(run.exitCode, 1);  // two of three were refused
        QVERIFY(run.outText.contains(u"evg-run: ok"_qs));
        QVERIFY(run.outText.contains(u"evg-done: not sent: The task has already finished."_qs));
        QVERIFY(run.outText.contains(u"ghost: not found"_qs));
    }

    void successfulActionsExitZero()
    {
        Run run({u"restart"_qs, u"evg-failed"_qs});
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.evg->requests.size(), 1);
        run.evg->answer(run.evg->requests[0], true);
        QTRY_COMPARE(run.exitCode, 0);
    }

    void serverErrorsExitOneWithTheServersWords()
    {
        Run run({u"priority"_qs, u"50"_qs, u"q"_qs});
        run.runner->start();
        run.serve({evergreen("q", evg(EvgStatus::WillRun))});
        QTRY_COMPARE(run.evg->requests.size(), 1);
        QCOMPARE(run.evg->requests[0].priority, 50);
        run.evg->answer(run.evg->requests[0], false, u"insufficient privilege"_qs, 401);
        QTRY_COMPARE(run.exitCode, 1);
        QVERIFY(run.outText.contains(u"q: failed (HTTP 401): insufficient privilege"_qs));
    }

    void a409SuggestsForce()
    {
        Run run({u"kill"_qs, u"--scale"_qs, u"m-run"_qs});
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.mar->requests.size(), 1);
        QVERIFY(!run.mar->requests[0].force);
        ActionOutcome locked;
        locked.requestId = run.mar->requests[0].id;
        locked.action = marAction(MarAction::KillAndScale);
        locked.results = {ActionResult{"m-run", false, 409, u"App is locked by one or more deployments."_qs, true, {}}};
        emit run.mar->actionFinished(locked);
        QTRY_COMPARE(run.exitCode, 1);
        QVERIFY(run.errText.contains(u"--force"_qs));

        Run forced({u"kill"_qs, u"--scale"_qs, u"--force"_qs, u"m-run"_qs});
        forced.runner->start();
        forced.serve(sample());
        QTRY_COMPARE(forced.mar->requests.size(), 1);
        QVERIFY(forced.mar->requests[0].force);
    }

    void destructiveActionsAskOnATerminal()
    {
        int asked = 0;
        CliTerminal terminal;
        terminal.interactive = true;
        terminal.confirm = [&](const QString &question) {
            ++asked;
            return !question.contains(u"Kill"_qs);
        };
        Run refused({u"kill"_qs, u"m-run"_qs}, terminal);
        refused.runner->start();
        refused.serve(sample());
        QTRY_COMPARE(refused.exitCode, 1);
        QCOMPARE(asked, 1);
        QCOMPARE(refused.mar->requests.size(), 0);

        Run yes({u"kill"_qs, u"--yes"_qs, u"m-run"_qs}, terminal);
        yes.runner->start();
        yes.serve(sample());
        QTRY_COMPARE(yes.mar->requests.size(), 1);
        QCOMPARE(asked, 1);  // --yes skips the question

        Run restart({u"restart"_qs, u"evg-failed"_qs}, terminal);
        restart.runner->start();
        restart.serve(sample());
        QTRY_COMPARE(restart.evg->requests.size(), 1);
        QCOMPARE(asked, 1);  // not destructive: no question
    }

    void restartAppAcceptsAnAppId()
    {
        Run run({u"restart-app"_qs, u"/prod/web"_qs});
        run.runner->start();
        run.serve(sample());
        QTRY_COMPARE(run.mar->requests.size(), 1);
        QCOMPARE(run.mar->requests[0].action, marAction(MarAction::RestartApp));
        QCOMPARE(run.mar->requests[0].taskIds.size(), 1);
    }

    void unreachableConnectionsTimeOut()
    {
        Run run({u"--timeout"_qs, u"1"_qs, u"list"_qs});
        run.runner->start();
        ConnectionStatus reconnecting;
        reconnecting.state = ConnectionStatus::State::Reconnecting;
        reconnecting.attempt = 2;
        reconnecting.detail = u"connection refused"_qs;
        run.mar->sendStatus(reconnecting);
        QTRY_COMPARE_WITH_TIMEOUT(run.exitCode, 1, 5000);
        QVERIFY(run.errText.contains(u"Could not reach every connection"_qs));
        QVERIFY(run.errText.contains(u"connection refused"_qs));
    }

    void failedConnectionsStillListTheRestButExitOne()
    {
        Run run({u"list"_qs});
        run.runner->start();
        TaskSnapshot snapshot;
        snapshot.tasks = {evergreen("e", evg(EvgStatus::Success))};
        run.evg->sendSnapshot(snapshot);
        ConnectionStatus polling;
        polling.state = ConnectionStatus::State::Polling;
        run.evg->sendStatus(polling);
        ConnectionStatus failed;
        failed.state = ConnectionStatus::State::Failed;
        failed.detail = u"401: not authorized"_qs;
        run.mar->sendStatus(failed);
        QTRY_COMPARE(run.exitCode, 1);
        QVERIFY(run.outText.contains(u"Succeeded"_qs));
        QVERIFY(run.errText.contains(u"401: not authorized"_qs));
    }

    void watchPrintsOneLinePerTransition()
    {
        Run run({u"watch"_qs, u"--for"_qs, u"0.5"_qs, u"--format"_qs, u"jsonl"_qs, u"--filter"_qs, u"source:marathon"_qs});
        run.runner->start();
        run.serve(sample());
        QTRY_VERIFY(run.session.store()->size() == 5);
        QTest::qWait(50);
        QVERIFY(run.outText.isEmpty());  // the first listing is not news
        run.mar->sendBatch({TaskDelta::upsert(marathon("m-run", mar(MarStatus::Failed), "/prod/web"), TaskField::Status)});
        run.evg->sendBatch({TaskDelta::upsert(evergreen("evg-run", evg(EvgStatus::Success)), TaskField::Status)});
        run.mar->sendBatch({TaskDelta::upsert(marathon("m-new", mar(MarStatus::Staging), "/prod/web"))});
        QTRY_COMPARE_WITH_TIMEOUT(run.exitCode, 0, 3000);
        const QStringList lines = run.outText.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);  // the Evergreen change is filtered out
        const QJsonObject first = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        QCOMPARE(first[u"id"_qs].toString(), u"m-run"_qs);
        QCOMPARE(first[u"from"_qs].toString(), u"Running"_qs);
        QCOMPARE(first[u"to"_qs].toString(), u"Failed"_qs);
        QCOMPARE(first[u"failure_kind"_qs].toString(), u"test"_qs);
        QVERIFY(lines[0].startsWith(u"{\"at\":"_qs));
        const QJsonObject second = QJsonDocument::fromJson(lines[1].toUtf8()).object();
        QVERIFY(second[u"from"_qs].isNull());
        QCOMPARE(second[u"to"_qs].toString(), u"Staging"_qs);
    }

    void csvQuotesWhatNeedsQuoting()
    {
        QCOMPARE(Csv::line({u"a"_qs, u"b,c"_qs, u"say \"hi\""_qs, u"two\nlines"_qs, QString()}),
                 u"a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"_qs);
    }
};

QTEST_GUILESS_MAIN(TestCliRunner)
#include "tst_clirunner.moc"
