// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "store/taskstore.h"
#include "testtasks.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

namespace {
StatusCounts recount(const TaskStore &store)
{
    StatusCounts counts;
    for (int row = 0; row < store.size(); ++row)
        counts.add(store.at(row));
    return counts;
}

QList<QByteArray> idsInOrder(const TaskStore &store)
{
    QList<QByteArray> ids;
    for (int row = 0; row < store.size(); ++row)
        ids.append(store.at(row).id);
    return ids;
}
} // namespace

class TestTaskStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_now = 1'700'000'000'000;
    }

    void insertsAppendAndAreFoundById()
    {
        TaskStore store;
        QSignalSpy appended(&store, &TaskStore::rowsAppended);
        QSignalSpy changed(&store, &TaskStore::changed);
        store.apply({TaskDelta::upsert(marathon("a", mar(MarStatus::Running))),
                     TaskDelta::upsert(marathon("b", mar(MarStatus::Failed))),
                     TaskDelta::upsert(evergreen("c", evg(EvgStatus::SystemFailed)))});
        QCOMPARE(store.size(), 3);
        QCOMPARE(appended.count(), 1);
        QCOMPARE(appended.at(0).at(0).toInt(), 0);
        QCOMPARE(appended.at(0).at(1).toInt(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(store.rowOf("b"), 1);
        QCOMPARE(store.rowOf("zzz"), -1);
        QVERIFY(store.find("c"));
        QCOMPARE(store.find("c")->status, evg(EvgStatus::SystemFailed));
        QCOMPARE(store.counts().total(), 3);
        QCOMPARE(store.counts().status(mar(MarStatus::Failed)), 1);
        QCOMPARE(store.counts().kind(FailureKind::System), 1);
        QCOMPARE(store.counts().problems(), 2);
        QCOMPARE(store.counts().source(MarathonSystem::id()), 2);
    }

    void partialUpdateTouchesOnlyMaskedFields()
    {
        TaskStore store;
        Task task = marathon("a", mar(MarStatus::Running));
        task.message = InternedString(QStringLiteral("started fine"));
        task.health = Health::Healthy;
        store.upsert(task);

        Task update;
        update.id = "a";
        update.status = mar(MarStatus::Killing);
        update.host = InternedString(QStringLiteral("agent-9"));
        store.apply({TaskDelta::upsert(update, TaskField::Status | TaskField::Host)});

        const Task *stored = store.find("a");
        QCOMPARE(stored->status, mar(MarStatus::Killing));
        QCOMPARE(stored->host.toString(), QStringLiteral("agent-9"));
        QCOMPARE(stored->message.toString(), QStringLiteral("started fine"));
        QCOMPARE(stored->health, Health::Healthy);
        QCOMPARE(stored->group.toString(), QStringLiteral("/web"));
    }

    void flagMaskMergesOnlyNamedBits()
    {
        TaskStore store;
        Task task = evergreen("e", evg(EvgStatus::Started));
        task.setFlag(TaskFlag::Activated);
        task.setFlag(TaskFlag::HasAnnotations);
        store.upsert(task);

        Task update;
        update.id = "e";
        update.setFlag(TaskFlag::Aborted);
        store.apply({TaskDelta::upsert(update, TaskField::Flags, TaskFlag::Aborted | TaskFlag::Activated)});

        const Task *stored = store.find("e");
        QVERIFY(stored->hasFlag(TaskFlag::Aborted));
        QVERIFY(!stored->hasFlag(TaskFlag::Activated));      // named and cleared
        QVERIFY(stored->hasFlag(TaskFlag::HasAnnotations));  // not named, kept
    }

    void repeatedReportIsNotAChange()
    {
        TaskStore store;
        store.setClock([this] { return m_now; });
        store.upsert(marathon("a", mar(MarStatus::Running)));
        (void)store.takeChangedRows();
        const Timestamp updated = store.find("a")->updatedAt;

        QSignalSpy changed(&store, &TaskStore::changed);
        m_now += 5000;
        Task again = marathon("a", mar(MarStatus::Running));
        again.updatedAt = m_now;
        store.apply({TaskDelta::upsert(again)});
        QCOMPARE(changed.count(), 0);
        QVERIFY(store.takeChangedRows().empty());
        QCOMPARE(store.find("a")->updatedAt, updated);
    }

    void statusChangesAreRecordedAsHistory()
    {
        TaskStore store;
        store.setClock([this] { return m_now; });
        QSignalSpy transitions(&store, &TaskStore::transitionsRecorded);
        store.upsert(marathon("a", mar(MarStatus::Staging)));
        QCOMPARE(transitions.count(), 1);
        auto first = transitions.takeFirst().at(0).value<QList<StatusTransition>>();
        QCOMPARE(first.size(), 1);
        QCOMPARE(first[0].from, Status::Unset);
        QCOMPARE(first[0].to, mar(MarStatus::Staging));
        QCOMPARE(store.statusSince(0), m_now);

        const Status path[] = {mar(MarStatus::Starting), mar(MarStatus::Running), mar(MarStatus::Killing),
                               mar(MarStatus::Killed)};
        for (Status next : path) {
            m_now += 1000;
            Task update = marathon("a", next);
            store.apply({TaskDelta::upsert(update, TaskField::Status)});
        }
        QCOMPARE(transitions.count(), 4);
        const auto last = transitions.last().at(0).value<QList<StatusTransition>>();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0].id, QByteArray("a"));
        QCOMPARE(last[0].from, mar(MarStatus::Killing));
        QCOMPARE(last[0].to, mar(MarStatus::Killed));
        QCOMPARE(last[0].at, m_now);

        const QList<TaskHistory::Entry> history = store.history(0);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history[0].to, mar(MarStatus::Killed));    // newest first
        QCOMPARE(history[3].from, mar(MarStatus::Staging));
        QCOMPARE(history[3].to, mar(MarStatus::Starting));
        QCOMPARE(store.statusSince(0), m_now);
        QCOMPARE(store.find("a")->updatedAt, m_now);
    }

    void historyKeepsTheNewestEntriesThroughCompaction()
    {
        TaskStore store;
        store.upsert(marathon("busy", mar(MarStatus::Running)));
        store.upsert(marathon("quiet", mar(MarStatus::Running)));
        store.upsert(marathon("quiet", mar(MarStatus::Killing)), TaskField::Status);
        // Enough flapping to force several compactions of the shared log.
        for (int i = 0; i < 70000; ++i) {
            Task update = marathon("busy", i % 2 ? mar(MarStatus::Running) : mar(MarStatus::Unreachable));
            update.updatedAt = 1000 + i;
            store.apply({TaskDelta::upsert(update, TaskField::Status | TaskField::UpdatedAt)});
        }
        const QList<TaskHistory::Entry> busy = store.history(store.rowOf("busy"));
        QCOMPARE(busy.size(), TaskHistory::MaxPerTask);
        QCOMPARE(busy.first().at, Timestamp(1000 + 69999));
        for (int i = 1; i < busy.size(); ++i)
            QCOMPARE(busy[i].at, busy[i - 1].at - 1);
        const QList<TaskHistory::Entry> quiet = store.history(store.rowOf("quiet"));
        QCOMPARE(quiet.size(), 1);
        QCOMPARE(quiet[0].to, mar(MarStatus::Killing));
    }

    void countsStayEqualToARecountUnderRandomTraffic()
    {
        TaskStore store;
        QRandomGenerator random(42);
        const Status statuses[] = {mar(MarStatus::Running), mar(MarStatus::Failed), mar(MarStatus::Unreachable),
                                   evg(EvgStatus::Failed), evg(EvgStatus::WillRun), evg(EvgStatus::KnownIssue),
                                   evg(EvgStatus::SetupFailed)};
        const char *groups[] = {"/a", "/b", "/c"};
        for (int i = 0; i < 3000; ++i) {
            const QByteArray id = "t" + QByteArray::number(random.bounded(200));
            TaskBatch batch;
            if (random.bounded(10) == 0) {
                batch.append(TaskDelta::remove(id));
            } else {
                Task task = marathon("", statuses[random.bounded(7)], groups[random.bounded(3)]);
                task.id = id;
                task.source = random.bounded(2) ? MarathonSystem::id() : NoSystem;
                batch.append(TaskDelta::upsert(task));
            }
            store.apply(batch);
        }
        QVERIFY(store.size() > 100);
        QCOMPARE(store.counts(), recount(store));
        int groupTotal = 0;
        for (InternedString group : store.counts().groups())
            groupTotal += store.counts().group(group);
        QCOMPARE(groupTotal, store.size());
    }

    void removalsAreSignalledAsRangesFromTheTop()
    {
        TaskStore store;
        TaskBatch inserts;
        for (int i = 0; i < 10; ++i)
            inserts.append(TaskDelta::upsert(marathon(QByteArray("t" + QByteArray::number(i)).constData(),
                                                      mar(MarStatus::Running))));
        store.apply(inserts);
        QSignalSpy about(&store, &TaskStore::rowsAboutToBeRemoved);
        QSignalSpy removed(&store, &TaskStore::rowsRemoved);
        QList<int> sizesSeenBefore;
        connect(&store, &TaskStore::rowsAboutToBeRemoved, this,
                [&](int, int) { sizesSeenBefore.append(store.size()); });

        store.apply({TaskDelta::remove("t2"), TaskDelta::remove("t3"), TaskDelta::remove("t7"),
                     TaskDelta::remove("t9"), TaskDelta::remove("missing")});

        QCOMPARE(about.count(), 3);
        QCOMPARE(removed.count(), 3);
        // Highest first, so the later ranges' row numbers stay valid.
        QCOMPARE(about.at(0), (QList<QVariant>{9, 9}));
        QCOMPARE(about.at(1), (QList<QVariant>{7, 7}));
        QCOMPARE(about.at(2), (QList<QVariant>{2, 3}));
        QCOMPARE(sizesSeenBefore, (QList<int>{10, 9, 8}));
        QCOMPARE(idsInOrder(store),
                 (QList<QByteArray>{"t0", "t1", "t4", "t5", "t6", "t8"}));
        for (int row = 0; row < store.size(); ++row)
            QCOMPARE(store.rowOf(store.at(row).id), row);
        QCOMPARE(store.counts().total(), 6);
    }

    void removeThenUpsertInOneBatchRecreatesTheTask()
    {
        TaskStore store;
        store.upsert(marathon("a", mar(MarStatus::Running)));
        store.upsert(marathon("b", mar(MarStatus::Running)));
        QSignalSpy appended(&store, &TaskStore::rowsAppended);
        store.apply({TaskDelta::remove("a"), TaskDelta::upsert(marathon("a", mar(MarStatus::Staging)))});
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"b", "a"}));
        QCOMPARE(store.find("a")->status, mar(MarStatus::Staging));
        QCOMPARE(appended.count(), 1);
        QCOMPARE(appended.at(0), (QList<QVariant>{1, 1}));
        QCOMPARE(store.counts().total(), 2);
    }

    void taskInsertedAndRemovedInOneBatchLeavesNoTrace()
    {
        TaskStore store;
        store.upsert(marathon("a", mar(MarStatus::Running)));
        QSignalSpy appended(&store, &TaskStore::rowsAppended);
        QSignalSpy about(&store, &TaskStore::rowsAboutToBeRemoved);
        store.apply({TaskDelta::upsert(marathon("tmp", mar(MarStatus::Running))),
                     TaskDelta::upsert(marathon("keep", mar(MarStatus::Running))),
                     TaskDelta::remove("tmp")});
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"a", "keep"}));
        QCOMPARE(about.count(), 1);
        QCOMPARE(about.at(0), (QList<QVariant>{1, 1}));
        QCOMPARE(appended.count(), 1);
        QCOMPARE(appended.at(0), (QList<QVariant>{1, 1}));
    }

    void changedRowsAreSortedUniqueAndSkipRemovedOnes()
    {
        TaskStore store;
        for (const char *id : {"a", "b", "c", "d"})
            store.upsert(marathon(id, mar(MarStatus::Running)));
        (void)store.takeChangedRows();
        for (int round = 0; round < 3; ++round) {
            store.upsert(marathon("d", round % 2 ? mar(MarStatus::Running) : mar(MarStatus::Killing)), TaskField::Status);
            store.upsert(marathon("b", round % 2 ? mar(MarStatus::Running) : mar(MarStatus::Killing)), TaskField::Status);
        }
        store.upsert(marathon("c", mar(MarStatus::Killing)), TaskField::Status);
        store.remove("c");
        QCOMPARE(store.takeChangedRows(), (std::vector<int>{1, 2}));  // b, d (d moved to row 2)
        QVERIFY(store.takeChangedRows().empty());
    }

    void freedSlotsAreReused()
    {
        TaskStore store;
        for (int i = 0; i < 100; ++i)
            store.upsert(marathon(QByteArray("x" + QByteArray::number(i)).constData(), mar(MarStatus::Running)));
        const size_t before = store.memoryBytes();
        for (int round = 0; round < 20; ++round) {
            for (int i = 0; i < 100; ++i)
                store.remove(QByteArray("x" + QByteArray::number(i)));
            for (int i = 0; i < 100; ++i)
                store.upsert(marathon(QByteArray("x" + QByteArray::number(i)).constData(), mar(MarStatus::Failed)));
        }
        QCOMPARE(store.size(), 100);
        QVERIFY2(store.memoryBytes() <= before + 4096, "slots and index must not grow with churn");
        for (int i = 0; i < 100; ++i)
            QCOMPARE(store.find(QByteArray("x" + QByteArray::number(i)))->status, mar(MarStatus::Failed));
    }

    void snapshotMergeIsADiff()
    {
        TaskStore store;
        TaskStore::SnapshotScope scope;
        TaskStore::MergeStats stats = store.mergeSnapshot(
            scope, {marathon("a", mar(MarStatus::Running)), marathon("b", mar(MarStatus::Running)),
                    marathon("c", mar(MarStatus::Staging))});
        QCOMPARE(stats.inserted, 3);
        (void)store.takeChangedRows();

        QSignalSpy about(&store, &TaskStore::rowsAboutToBeRemoved);
        stats = store.mergeSnapshot(scope, {marathon("a", mar(MarStatus::Running)),
                                            marathon("c", mar(MarStatus::Running)),
                                            marathon("d", mar(MarStatus::Staging))});
        QCOMPARE(stats.inserted, 1);
        QCOMPARE(stats.updated, 1);
        QCOMPARE(stats.unchanged, 1);
        QCOMPARE(stats.removed, 1);
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"a", "c", "d"}));
        QCOMPARE(store.find("c")->status, mar(MarStatus::Running));
        QCOMPARE(about.count(), 1);
        QCOMPARE(store.takeChangedRows(), (std::vector<int>{1}));
    }

    void snapshotKeepsFinishedHistoryWhenAsked()
    {
        TaskStore store;
        TaskStore::SnapshotScope scope;
        scope.keepFinished = true;
        store.mergeSnapshot(scope, {marathon("run", mar(MarStatus::Running)), marathon("done", mar(MarStatus::Failed))});
        const auto stats = store.mergeSnapshot(scope, {});
        QCOMPARE(stats.removed, 1);
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"done"}));
    }

    void snapshotOnlySpeaksForItsScope()
    {
        TaskStore store;
        Task a = evergreen("a", evg(EvgStatus::Success));
        a.scope = InternedString(QStringLiteral("build-1"));
        Task b = evergreen("b", evg(EvgStatus::Success));
        b.scope = InternedString(QStringLiteral("build-2"));
        Task other = marathon("m", mar(MarStatus::Running));
        other.connection = 1;
        store.apply({TaskDelta::upsert(a), TaskDelta::upsert(b), TaskDelta::upsert(other)});

        TaskStore::SnapshotScope scope;
        scope.connection = 0;
        scope.scope = InternedString(QStringLiteral("build-1"));
        scope.wholeConnection = false;
        const auto stats = store.mergeSnapshot(scope, {});
        QCOMPARE(stats.removed, 1);
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"b", "m"}));
    }

    void snapshotFieldMaskKeepsWhatTheListingDoesNotKnow()
    {
        TaskStore store;
        Task live = marathon("a", mar(MarStatus::Running));
        live.message = InternedString(QStringLiteral("from the stream"));
        store.upsert(live);
        TaskStore::SnapshotScope scope;
        scope.fields = TaskField::All & ~TaskField::Message;
        store.mergeSnapshot(scope, {marathon("a", mar(MarStatus::Running))});
        QCOMPARE(store.find("a")->message.toString(), QStringLiteral("from the stream"));
    }

    void liveUpdatesDuringAChunkedSnapshotCountAsSeen()
    {
        TaskStore store;
        store.upsert(marathon("old", mar(MarStatus::Running)));
        store.beginSnapshot({});
        QVERIFY(store.snapshotInProgress());
        store.addSnapshotTasks({marathon("s1", mar(MarStatus::Running))});
        store.apply({TaskDelta::upsert(marathon("live", mar(MarStatus::Staging)))});
        store.addSnapshotTasks({marathon("s2", mar(MarStatus::Running))});
        const auto stats = store.endSnapshot();
        QVERIFY(!store.snapshotInProgress());
        QCOMPARE(stats.removed, 1);
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"s1", "live", "s2"}));
    }

    void liveUpdatesDuringAChunkedSnapshotAreNotOverwritten()
    {
        // The stream reports a kill while a listing taken before it is still merging.
        TaskStore store;
        store.upsert(marathon("known", mar(MarStatus::Running)));
        store.beginSnapshot({});
        store.addSnapshotTasks({marathon("s1", mar(MarStatus::Running))});
        store.apply({TaskDelta::upsert(marathon("known", mar(MarStatus::Killed)), TaskField::Status),
                     TaskDelta::upsert(marathon("new", mar(MarStatus::Killed)))});
        store.addSnapshotTasks({marathon("known", mar(MarStatus::Running)), marathon("new", mar(MarStatus::Running))});
        const auto stats = store.endSnapshot();
        QCOMPARE(store.find("known")->status, mar(MarStatus::Killed));
        QCOMPARE(store.find("new")->status, mar(MarStatus::Killed));
        QCOMPARE(stats.removed, 0);
        QCOMPARE(stats.unchanged, 2);
        // The next listing speaks for them again.
        store.mergeSnapshot({}, {marathon("known", mar(MarStatus::Running)), marathon("new", mar(MarStatus::Running))});
        QCOMPARE(store.find("known")->status, mar(MarStatus::Running));
        QCOMPARE(store.size(), 2);
    }

    void finishedTasksExpireAfterTheRetentionWindow()
    {
        TaskStore store;
        store.setClock([this] { return m_now; });
        store.setRetention(0, 60'000);
        store.upsert(marathon("run", mar(MarStatus::Running)));
        store.upsert(marathon("done", mar(MarStatus::Finished)));
        m_now += 30'000;
        store.upsert(marathon("run", mar(MarStatus::Killed)), TaskField::Status);
        QCOMPARE(store.expireRetained(), 0);
        m_now += 30'000;
        QCOMPARE(store.expireRetained(), 1);
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"run"}));
        m_now += 29'999;
        QCOMPARE(store.expireRetained(), 0);
        m_now += 1;
        QCOMPARE(store.expireRetained(), 1);
        QCOMPARE(store.size(), 0);
    }

    void retentionIgnoresOtherConnectionsAndRevivedTasks()
    {
        TaskStore store;
        store.setClock([this] { return m_now; });
        store.setRetention(0, 1000);
        Task other = marathon("other", mar(MarStatus::Failed));
        other.connection = 1;
        store.upsert(other);
        store.upsert(marathon("flap", mar(MarStatus::Failed)));
        store.remove("flap");
        store.upsert(marathon("flap", mar(MarStatus::Running)));  // a new task with the same id
        m_now += 5000;
        QCOMPARE(store.expireRetained(), 0);
        QCOMPARE(store.size(), 2);
    }

    void retentionAppliesToMarathonTasksOnly()
    {
        // The demo's single connection carries both systems; Evergreen keeps listing its
        // finished tasks, so they must not expire.
        TaskStore store;
        store.setClock([this] { return m_now; });
        store.setRetention(0, 1000);
        Task evergreenTask = evergreen("evg", evg(EvgStatus::Failed));
        evergreenTask.source = NoSystem;
        Task marathonTask = marathon("mar", mar(MarStatus::Failed));
        marathonTask.source = NoSystem;
        store.apply({TaskDelta::upsert(evergreenTask), TaskDelta::upsert(marathonTask)});
        m_now += 5000;
        QCOMPARE(store.expireRetained(), 1);
        QCOMPARE(idsInOrder(store), (QList<QByteArray>{"evg"}));
    }

    void retentionCountsFromTheLatestFinish()
    {
        TaskStore store;
        store.setClock([this] { return m_now; });
        store.setRetention(0, 60'000);
        store.upsert(marathon("t", mar(MarStatus::Finished)));
        m_now += 50'000;
        store.upsert(marathon("t", mar(MarStatus::Running)), TaskField::Status);   // running again
        m_now += 5'000;
        store.upsert(marathon("t", mar(MarStatus::Failed)), TaskField::Status);    // finished again
        m_now += 10'000;   // 65 s after the first finish, 10 s after the second
        QCOMPARE(store.expireRetained(), 0);
        m_now += 50'000;
        QCOMPARE(store.expireRetained(), 1);
    }

    void replacementTasksAreLinkedToTheOnesTheyReplace()
    {
        TaskStore store;
        store.upsert(marathon("web.1", mar(MarStatus::Running), "/web"));
        store.upsert(marathon("api.1", mar(MarStatus::Running), "/api"));
        store.upsert(marathon("web.1", mar(MarStatus::Failed), "/web"), TaskField::Status);
        store.upsert(marathon("api.2", mar(MarStatus::Staging), "/api"));  // scale-up: nothing to replace
        store.upsert(marathon("web.2", mar(MarStatus::Staging), "/web"));
        QCOMPARE(store.replacedBy("web.1"), QByteArray("web.2"));
        QCOMPARE(store.replaces("web.2"), QByteArray("web.1"));
        QVERIFY(store.replaces("api.2").isEmpty());
        store.upsert(marathon("web.3", mar(MarStatus::Staging), "/web"));
        QVERIFY(store.replaces("web.3").isEmpty());  // web.1 was replaced once already
        store.remove("web.2");
        QVERIFY(store.replacedBy("web.1").isEmpty());
    }
    void onlyLiveChangesAreFlashable()
    {
        TaskStore store;
        store.mergeSnapshot({}, {marathon("listed", mar(MarStatus::Running))});
        store.upsert(marathon("live", mar(MarStatus::Running)));
        QCOMPARE(store.changedAt(store.rowOf("listed")), quint32(0));
        QVERIFY(store.changedAt(store.rowOf("live")) > 0);
        store.upsert(marathon("listed", mar(MarStatus::Killing)), TaskField::Status);
        QVERIFY(store.changedAt(store.rowOf("listed")) > 0);
    }

private:
    Timestamp m_now = 0;
};

QTEST_GUILESS_MAIN(TestTaskStore)
#include "tst_taskstore.moc"
