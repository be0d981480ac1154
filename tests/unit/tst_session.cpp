// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/session.h"
#include "fakebackend.h"
#include "testtasks.h"

#include <QSignalSpy>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

namespace {
QStringList logTexts(Session &session)
{
    QStringList texts;
    EventLogModel *log = session.eventLog();
    for (int row = 0; row < log->rowCount(); ++row)
        texts.append(log->entry(row).text);
    return texts;
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void batchesFromBackendsReachTheStoreStamped()
    {
        Session session;
        auto *first = new FakeBackend(TaskSource::Marathon);
        auto *second = new FakeBackend(TaskSource::Evergreen);
        QCOMPARE(session.addBackend(first), 0);
        QCOMPARE(session.addBackend(second), 1);
        session.start();
        QCOMPARE(first->starts, 1);
        second->sendBatch({TaskDelta::upsert(evergreen("e1", Status::EvgStarted))});
        QCOMPARE(session.store()->size(), 1);
        QCOMPARE(session.store()->find("e1")->connection, quint8(1));
        QCOMPARE(session.backendFor(*session.store()->find("e1")), second);
        QCOMPARE(session.eventsApplied(), quint64(1));
    }

    void actionsAreCheckedSplitAndReportedPerTask()
    {
        Session session;
        auto *evg = new FakeBackend(TaskSource::Evergreen);
        auto *mar = new FakeBackend(TaskSource::Marathon);
        session.addBackend(evg);
        session.addBackend(mar);
        evg->sendBatch({TaskDelta::upsert(evergreen("run-1", Status::EvgStarted)),
                        TaskDelta::upsert(evergreen("run-2", Status::EvgStarted)),
                        TaskDelta::upsert(evergreen("done", Status::EvgSuccess))});
        mar->sendBatch({TaskDelta::upsert(marathon("m1", Status::MarRunning))});

        QSignalSpy finished(&session, &Session::actionFinished);
        const quint64 id = session.perform(TaskAction::Abort, {"run-1", "done", "run-2", "m1", "ghost"});
        QCOMPARE(evg->requests.size(), 1);
        QCOMPARE(mar->requests.size(), 0);
        QCOMPARE(evg->requests[0].taskIds, (QList<QByteArray>{"run-1", "run-2"}));
        QCOMPARE(evg->requests[0].id, id);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(session.pendingActions(), 1);

        evg->answer(evg->requests[0], true);
        QCOMPARE(finished.count(), 1);
        const auto outcome = finished.at(0).at(0).value<ActionOutcome>();
        QCOMPARE(outcome.requestId, id);
        QCOMPARE(outcome.results.size(), 5);
        int ok = 0;
        for (const ActionResult &result : outcome.results) {
            if (result.ok) {
                ++ok;
                QVERIFY(result.taskId.startsWith("run-"));
            } else {
                QVERIFY2(result.message.startsWith(QStringLiteral("Not sent")) || result.taskId == "ghost",
                         qPrintable(result.message));
            }
        }
        QCOMPARE(ok, 2);
        const QStringList log = logTexts(session);
        QVERIFY(log.first().startsWith(QStringLiteral("Abort requested for 2 tasks; 3 not sent")));
        QVERIFY(log.last().startsWith(QStringLiteral("Abort: 2 succeeded, 3 failed")));
        QCOMPARE(session.pendingActions(), 0);
    }

    void serverErrorsAreLoggedWithTheServersWords()
    {
        Session session;
        auto *evg = new FakeBackend(TaskSource::Evergreen);
        session.addBackend(evg);
        evg->sendBatch({TaskDelta::upsert(evergreen("t", Status::EvgFailed))});
        QSignalSpy finished(&session, &Session::actionFinished);
        session.perform(TaskAction::Restart, {"t"});
        evg->answer(evg->requests[0], false, QStringLiteral("insufficient privilege"), 401);
        QCOMPARE(finished.count(), 1);
        const QStringList log = logTexts(session);
        QVERIFY(log.last().contains(QStringLiteral("insufficient privilege")));
        QCOMPARE(session.eventLog()->entry(session.eventLog()->rowCount() - 1).severity,
                 LogEntry::Severity::Error);
    }

    void nothingApplicableFinishesAtOnce()
    {
        Session session;
        auto *evg = new FakeBackend(TaskSource::Evergreen);
        session.addBackend(evg);
        evg->sendBatch({TaskDelta::upsert(evergreen("t", Status::EvgSuccess))});
        session.setReadOnly(true);
        QSignalSpy finished(&session, &Session::actionFinished);
        session.perform(TaskAction::Restart, {"t"});
        QCOMPARE(finished.count(), 0);  // answered after perform() returns
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(evg->requests.size(), 0);
        const auto outcome = finished.at(0).at(0).value<ActionOutcome>();
        QVERIFY(outcome.results[0].message.contains(QStringLiteral("--read-only")));
    }

    void priorityOutsideTheRangeIsNotSent()
    {
        Session session;
        auto *evg = new FakeBackend(TaskSource::Evergreen);
        session.addBackend(evg);
        evg->sendBatch({TaskDelta::upsert(evergreen("q", Status::EvgWillRun))});
        QSignalSpy finished(&session, &Session::actionFinished);
        session.perform(TaskAction::SetPriority, {"q"}, ActionOptions{101, false, false});
        QCOMPARE(evg->requests.size(), 0);
        QTRY_COMPARE(finished.count(), 1);
        session.perform(TaskAction::SetPriority, {"q"}, ActionOptions{101, true, false});
        QCOMPARE(evg->requests.size(), 1);
        QCOMPARE(evg->requests[0].priority, 101);
        QVERIFY(evg->requests[0].adminRequest);
    }

    void unsupportedActionsReachTheRules()
    {
        Session session;
        auto *evg = new FakeBackend(TaskSource::Evergreen);
        evg->unsupported = {{TaskAction::OverrideDependencies, QStringLiteral("no REST route")}};
        session.addBackend(evg);
        Task blocked = evergreen("b", Status::EvgBlocked);
        const ActionVerdict verdict = ActionRules::check(blocked, TaskAction::OverrideDependencies,
                                                         session.actionContext());
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.reason, QStringLiteral("no REST route"));
    }

    void largeSnapshotsMergeInChunksBetweenEvents()
    {
        Session session;
        session.setSnapshotChunkSize(10);
        auto *backend = new FakeBackend(TaskSource::Marathon);
        session.addBackend(backend);
        backend->sendBatch({TaskDelta::upsert(marathon("gone", Status::MarRunning))});

        TaskSnapshot snapshot;
        for (int i = 0; i < 35; ++i)
            snapshot.tasks.append(marathon(QByteArray("s" + QByteArray::number(i)).constData(), Status::MarRunning));
        QSignalSpy merged(&session, &Session::snapshotMerged);
        backend->sendSnapshot(snapshot);
        QVERIFY(session.isMerging());
        QVERIFY(session.store()->size() < 36);  // not all in one go
        QTRY_VERIFY(!session.isMerging());
        QCOMPARE(merged.count(), 1);
        const auto stats = merged.at(0).at(1).value<TaskStore::MergeStats>();
        QCOMPARE(stats.inserted, 35);
        QCOMPARE(stats.removed, 1);
        QCOMPARE(session.store()->size(), 35);
        QVERIFY(!session.store()->find("gone"));
    }

    void aQueuedSnapshotIsReplacedByANewerOne()
    {
        Session session;
        session.setSnapshotChunkSize(1);
        auto *backend = new FakeBackend(TaskSource::Marathon);
        session.addBackend(backend);
        TaskSnapshot first;
        first.tasks = {marathon("a", Status::MarRunning), marathon("b", Status::MarRunning)};
        TaskSnapshot stale;
        stale.tasks = {marathon("old", Status::MarRunning)};
        TaskSnapshot fresh;
        fresh.tasks = {marathon("new", Status::MarRunning)};
        QSignalSpy merged(&session, &Session::snapshotMerged);
        backend->sendSnapshot(first);  // starts merging
        backend->sendSnapshot(stale);  // waits
        backend->sendSnapshot(fresh);  // replaces the waiting one
        QTRY_VERIFY(!session.isMerging());
        QCOMPARE(merged.count(), 2);
        QCOMPARE(session.store()->size(), 1);
        QVERIFY(session.store()->find("new"));
    }

    void aQueuedListingDoesNotOverwriteNewerLiveChanges()
    {
        Session session;
        session.setSnapshotChunkSize(1);
        auto *busy = new FakeBackend(TaskSource::Marathon);
        auto *other = new FakeBackend(TaskSource::Marathon);
        session.addBackend(busy);
        session.addBackend(other);
        TaskSnapshot big;
        for (int i = 0; i < 5; ++i)
            big.tasks.append(marathon(QByteArray("b" + QByteArray::number(i)).constData(), Status::MarRunning));
        busy->sendSnapshot(big);               // merges a task per event-loop turn
        TaskSnapshot listing;
        listing.tasks = {marathon("x", Status::MarStaging)};
        other->sendSnapshot(listing);          // waits behind it
        other->sendBatch({TaskDelta::upsert(marathon("x", Status::MarRunning), TaskField::Status)});  // newer
        QTRY_VERIFY(!session.isMerging());
        QCOMPARE(session.store()->find("x")->status, Status::MarRunning);
        QCOMPARE(session.store()->size(), 6);
    }

    void anAnswerBeforePerformReturnsStillComesAfter()
    {
        // A backend answering inside perform(): the caller must learn the id first.
        Session session;
        auto *eager = new FakeBackend(TaskSource::Evergreen);
        eager->answerAtOnce = true;
        session.addBackend(eager);
        eager->sendBatch({TaskDelta::upsert(evergreen("t", Status::EvgFailed))});
        quint64 seenId = 0;
        quint64 returned = 0;
        connect(&session, &Session::actionFinished, this, [&](const ActionOutcome &outcome) {
            QVERIFY(returned != 0);   // perform() had returned
            seenId = outcome.requestId;
        });
        returned = session.perform(TaskAction::Restart, {"t"});
        QTRY_COMPARE(seenId, returned);
    }

    void connectionChangesAreLoggedOncePerState()
    {
        Session session;
        auto *backend = new FakeBackend(TaskSource::Marathon);
        session.addBackend(backend);
        QSignalSpy changes(&session, &Session::connectionChanged);
        ConnectionStatus status;
        status.state = ConnectionStatus::State::Reconnecting;
        status.detail = QStringLiteral("connection refused");
        status.attempt = 1;
        backend->sendStatus(status);
        status.attempt = 1;
        status.retryAt = 12345;  // a countdown refresh, same state
        backend->sendStatus(status);
        status.state = ConnectionStatus::State::Live;
        status.detail.clear();
        backend->sendStatus(status);
        QCOMPARE(changes.count(), 3);
        const QStringList log = logTexts(session);
        QCOMPARE(log.size(), 2);
        QVERIFY(log[0].contains(QStringLiteral("connection refused")));
        QCOMPARE(log[1], QStringLiteral("Live"));
        QCOMPARE(session.eventLog()->entry(0).severity, LogEntry::Severity::Warning);
    }

    void retentionComesFromTheBackend()
    {
        Session session;
        auto *backend = new FakeBackend(TaskSource::Marathon);
        backend->retention = 50;
        session.addBackend(backend);
        session.start();
        backend->sendBatch({TaskDelta::upsert(marathon("done", Status::MarKilled))});
        QCOMPARE(session.store()->size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(session.store()->size(), 0, 3000);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
