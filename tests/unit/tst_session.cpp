// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
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
        auto *first = new FakeBackend(MarathonSystem::id());
        auto *second = new FakeBackend(EvergreenSystem::id());
        QCOMPARE(session.addBackend(first), 0);
        QCOMPARE(session.addBackend(second), 1);
        session.start();
        QCOMPARE(first->starts, 1);
        second->sendBatch({TaskDelta::upsert(evergreen("e1", evg(EvgStatus::Started)))});
        QCOMPARE(session.store()->size(), 1);
        QCOMPARE(session.store()->find("e1")->connection, quint8(1));
        QCOMPARE(session.backendFor(*session.store()->find("e1")), second);
        QCOMPARE(session.eventsApplied(), quint64(1));
    }

    void actionsAreCheckedSplitAndReportedPerTask()
    {
        Session session;
        auto *evgBackend = new FakeBackend(EvergreenSystem::id());
        auto *marBackend = new FakeBackend(MarathonSystem::id());
        session.addBackend(evgBackend);
        session.addBackend(marBackend);
        evgBackend->sendBatch({TaskDelta::upsert(evergreen("run-1", evg(EvgStatus::Started))),
                        TaskDelta::upsert(evergreen("run-2", evg(EvgStatus::Started))),
                        TaskDelta::upsert(evergreen("done", evg(EvgStatus::Success)))});
        marBackend->sendBatch({TaskDelta::upsert(marathon("m1", mar(MarStatus::Running)))});

        QSignalSpy finished(&session, &Session::actionFinished);
        const quint64 id = session.perform(evgAction(EvgAction::Abort), {"run-1", "done", "run-2", "m1", "ghost"});
        QCOMPARE(evgBackend->requests.size(), 1);
        QCOMPARE(marBackend->requests.size(), 0);
        QCOMPARE(evgBackend->requests[0].taskIds, (QList<QByteArray>{"run-1", "run-2"}));
        QCOMPARE(evgBackend->requests[0].id, id);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(session.pendingActions(), 1);

        evgBackend->answer(evgBackend->requests[0], true);
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
        auto *evgBackend = new FakeBackend(EvergreenSystem::id());
        session.addBackend(evgBackend);
        evgBackend->sendBatch({TaskDelta::upsert(evergreen("t", evg(EvgStatus::Failed)))});
        QSignalSpy finished(&session, &Session::actionFinished);
        session.perform(evgAction(EvgAction::Restart), {"t"});
        evgBackend->answer(evgBackend->requests[0], false, QStringLiteral("insufficient privilege"), 401);
        QCOMPARE(finished.count(), 1);
        const QStringList log = logTexts(session);
        QVERIFY(log.last().contains(QStringLiteral("insufficient privilege")));
        QCOMPARE(session.eventLog()->entry(session.eventLog()->rowCount() - 1).severity,
                 LogEntry::Severity::Error);
    }

    void nothingApplicableFinishesAtOnce()
    {
        Session session;
        auto *evgBackend = new FakeBackend(EvergreenSystem::id());
        session.addBackend(evgBackend);
        evgBackend->sendBatch({TaskDelta::upsert(evergreen("t", evg(EvgStatus::Success)))});
        session.setReadOnly(true);
        QSignalSpy finished(&session, &Session::actionFinished);
        session.perform(evgAction(EvgAction::Restart), {"t"});
        QCOMPARE(finished.count(), 0);  // answered after perform() returns
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(evgBackend->requests.size(), 0);
        const auto outcome = finished.at(0).at(0).value<ActionOutcome>();
        QVERIFY(outcome.results[0].message.contains(QStringLiteral("--read-only")));
    }

    void priorityOutsideTheRangeIsNotSent()
    {
        Session session;
        auto *evgBackend = new FakeBackend(EvergreenSystem::id());
        session.addBackend(evgBackend);
        evgBackend->sendBatch({TaskDelta::upsert(evergreen("q", evg(EvgStatus::WillRun)))});
        QSignalSpy finished(&session, &Session::actionFinished);
        session.perform(evgAction(EvgAction::SetPriority), {"q"}, ActionOptions{101, false, false});
        QCOMPARE(evgBackend->requests.size(), 0);
        QTRY_COMPARE(finished.count(), 1);
        session.perform(evgAction(EvgAction::SetPriority), {"q"}, ActionOptions{101, true, false});
        QCOMPARE(evgBackend->requests.size(), 1);
        QCOMPARE(evgBackend->requests[0].priority, 101);
        QVERIFY(evgBackend->requests[0].adminRequest);
    }

    void unsupportedActionsReachTheRules()
    {
        Session session;
        auto *evgBackend = new FakeBackend(EvergreenSystem::id());
        evgBackend->unsupported = {{evgAction(EvgAction::OverrideDependencies), QStringLiteral("no REST route")}};
        session.addBackend(evgBackend);
        Task blocked = evergreen("b", evg(EvgStatus::Blocked));
        const ActionVerdict verdict = ActionRules::check(blocked, evgAction(EvgAction::OverrideDependencies),
                                                         session.actionContext());
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.reason, QStringLiteral("no REST route"));
    }

    void largeSnapshotsMergeInChunksBetweenEvents()
    {
        Session session;
        session.setSnapshotChunkSize(10);
        auto *backend = new FakeBackend(MarathonSystem::id());
        session.addBackend(backend);
        backend->sendBatch({TaskDelta::upsert(marathon("gone", mar(MarStatus::Running)))});

        TaskSnapshot snapshot;
        for (int i = 0; i < 35; ++i)
            snapshot.tasks.append(marathon(QByteArray("s" + QByteArray::number(i)).constData(), mar(MarStatus::Running)));
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
        auto *backend = new FakeBackend(MarathonSystem::id());
        session.addBackend(backend);
        TaskSnapshot first;
        first.tasks = {marathon("a", mar(MarStatus::Running)), marathon("b", mar(MarStatus::Running))};
        TaskSnapshot stale;
        stale.tasks = {marathon("old", mar(MarStatus::Running))};
        TaskSnapshot fresh;
        fresh.tasks = {marathon("new", mar(MarStatus::Running))};
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
        auto *busy = new FakeBackend(MarathonSystem::id());
        auto *other = new FakeBackend(MarathonSystem::id());
        session.addBackend(busy);
        session.addBackend(other);
        TaskSnapshot big;
        for (int i = 0; i < 5; ++i)
            big.tasks.append(marathon(QByteArray("b" + QByteArray::number(i)).constData(), mar(MarStatus::Running)));
        busy->sendSnapshot(big);               // merges a task per event-loop turn
        TaskSnapshot listing;
        listing.tasks = {marathon("x", mar(MarStatus::Staging))};
        other->sendSnapshot(listing);          // waits behind it
        other->sendBatch({TaskDelta::upsert(marathon("x", mar(MarStatus::Running)), TaskField::Status)});  // newer
        QTRY_VERIFY(!session.isMerging());
        QCOMPARE(session.store()->find("x")->status, mar(MarStatus::Running));
        QCOMPARE(session.store()->size(), 6);
    }

    void anAnswerBeforePerformReturnsStillComesAfter()
    {
        // A backend answering inside perform(): the caller must learn the id first.
        Session session;
        auto *eager = new FakeBackend(EvergreenSystem::id());
        eager->answerAtOnce = true;
        session.addBackend(eager);
        eager->sendBatch({TaskDelta::upsert(evergreen("t", evg(EvgStatus::Failed)))});
        quint64 seenId = 0;
        quint64 returned = 0;
        connect(&session, &Session::actionFinished, this, [&](const ActionOutcome &outcome) {
            QVERIFY(returned != 0);   // perform() had returned
            seenId = outcome.requestId;
        });
        returned = session.perform(evgAction(EvgAction::Restart), {"t"});
        QTRY_COMPARE(seenId, returned);
    }

    void connectionChangesAreLoggedOncePerState()
    {
        Session session;
        auto *backend = new FakeBackend(MarathonSystem::id());
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
        auto *backend = new FakeBackend(MarathonSystem::id());
        backend->retention = 50;
        session.addBackend(backend);
        session.start();
        backend->sendBatch({TaskDelta::upsert(marathon("done", mar(MarStatus::Killed)))});
        QCOMPARE(session.store()->size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(session.store()->size(), 0, 3000);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
