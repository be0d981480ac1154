// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/taskordering.h"
#include "itemmodels/tasktablemodel.h"
#include "store/taskstore.h"
#include "testtasks.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

struct FilterFixture
{
    FilterFixture()
        : table(&store)
        , tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        proxy.setSourceModel(&table);
        table.setFlushInterval(5);
    }

    void load(const QList<Task> &tasks)
    {
        TaskBatch batch;
        for (const Task &task : tasks)
            batch.append(TaskDelta::upsert(task));
        store.apply(batch);
        table.flush();
    }

    QList<QByteArray> visibleIds() const
    {
        QList<QByteArray> ids;
        for (int row = 0; row < proxy.rowCount(); ++row)
            ids.append(proxy.data(proxy.index(row, 0), TaskRole::TaskId).toByteArray());
        return ids;
    }

    TaskStore store;
    TaskTableModel table;
    TaskFilterModel proxy;
    QAbstractItemModelTester tableTester;
    QAbstractItemModelTester proxyTester;
};

namespace {
QList<Task> sampleTasks()
{
    Task web = marathon("web.1", mar(MarStatus::Running), "/prod/web");
    Task lost = marathon("web.2", mar(MarStatus::Unreachable), "/prod/web");
    Task api = marathon("api.1", mar(MarStatus::Failed), "/prod/api");
    api.message = InternedString(QStringLiteral("disk full on /var"));
    Task compile = evergreen("evg-compile", evg(EvgStatus::Failed), "ubuntu2204", 60);
    Task lint = evergreen("evg-lint", evg(EvgStatus::SystemFailed), "ubuntu2204", 10);
    Task setup = evergreen("evg-setup", evg(EvgStatus::SetupFailed), "rhel80", 80);
    Task queued = evergreen("evg-queued", evg(EvgStatus::WillRun), "rhel80", 90);
    Task done = evergreen("evg-done", evg(EvgStatus::Success), "rhel80", 0);
    return {web, lost, api, compile, lint, setup, queued, done};
}
} // namespace

class TestTaskFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void queryFiltersRows()
    {
        FilterFixture f;
        f.load(sampleTasks());
        QCOMPARE(f.proxy.rowCount(), 8);

        const TaskQuery::Error error =
            f.proxy.setQueryText(QStringLiteral("status:failed,system-failed -group:/web priority:>50"));
        QVERIFY(!error.isError());
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"evg-compile"}));

        QVERIFY(!f.proxy.setQueryText(QStringLiteral("\"disk full\"")).isError());
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"api.1"}));
    }

    void badQueryKeepsTheCurrentFilterAndSaysWhere()
    {
        FilterFixture f;
        f.load(sampleTasks());
        QVERIFY(!f.proxy.setQueryText(QStringLiteral("source:marathon")).isError());
        QCOMPARE(f.proxy.rowCount(), 3);
        QSignalSpy changed(&f.proxy, &TaskFilterModel::filterChanged);
        const TaskQuery::Error error = f.proxy.setQueryText(QStringLiteral("source:marathon statsu:failed"));
        QVERIFY(error.isError());
        QCOMPARE(error.position, 16);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(f.proxy.rowCount(), 3);
        QCOMPARE(changed.count(), 0);
    }

    void facetsCombineWithTheQuery()
    {
        FilterFixture f;
        f.load(sampleTasks());
        QSignalSpy changed(&f.proxy, &TaskFilterModel::filterChanged);
        f.proxy.setSourceFilter(EvergreenSystem::id());
        QCOMPARE(f.proxy.rowCount(), 5);
        f.proxy.setSourceFilter(EvergreenSystem::id());  // unchanged: no refilter
        QCOMPARE(changed.count(), 1);
        f.proxy.setKind(FailureKind::System);
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"evg-lint"}));
        f.proxy.clearFacets();
        f.proxy.setProblemsOnly(true);
        QCOMPARE(f.proxy.rowCount(), 5);  // unreachable counts as a problem
        f.proxy.setGroup(InternedString(QStringLiteral("/prod/web")));
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"web.2"}));
        QCOMPARE(changed.count(), 5);
    }

    void defaultSortPutsTheMostActionableFirst()
    {
        FilterFixture f;
        QList<Task> tasks = sampleTasks();
        // Give every task its own last-change time, oldest first in the list.
        for (int i = 0; i < tasks.size(); ++i)
            tasks[i].updatedAt = 1'000'000 + i * 1000;
        Task known = evergreen("evg-known", evg(EvgStatus::KnownIssue), "rhel80");
        known.updatedAt = 9'000'000;  // the newest of all, but already triaged
        tasks.append(known);
        f.load(tasks);
        f.proxy.sort(TaskColumn::Status, Qt::AscendingOrder);
        // Failures of every kind first (unreachable included), newest first whatever the
        // kind; then known issues, running, scheduled and the rest.
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"evg-setup", "evg-lint", "evg-compile", "api.1",
                                                    "web.2", "evg-known", "web.1", "evg-queued",
                                                    "evg-done"}));
    }

    void sortsByTypedValues()
    {
        FilterFixture f;
        f.load(sampleTasks());
        f.proxy.setSourceFilter(EvergreenSystem::id());
        f.proxy.sort(TaskColumn::Priority, Qt::DescendingOrder);
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"evg-queued", "evg-setup", "evg-compile",
                                                    "evg-lint", "evg-done"}));
    }

    void liveChangesRefilterAndResortWithoutResets()
    {
        FilterFixture f;
        Timestamp now = 1'000'000;
        f.store.setClock([&now] { return now; });
        f.load(sampleTasks());
        f.proxy.sort(TaskColumn::Status, Qt::AscendingOrder);
        f.proxy.setProblemsOnly(true);
        now += 60'000;  // the changes below are the newest news
        QSignalSpy resets(&f.proxy, &QAbstractItemModel::modelReset);
        QCOMPARE(f.proxy.rowCount(), 5);

        f.store.upsert(marathon("web.1", mar(MarStatus::Failed), "/prod/web"), TaskField::Status);
        f.store.upsert(marathon("web.2", mar(MarStatus::Running), "/prod/web"), TaskField::Status);
        f.store.upsert(evergreen("evg-new", evg(EvgStatus::Failed), "rhel80"));
        f.table.flush();
        QCOMPARE(f.proxy.rowCount(), 6);
        QVERIFY(f.visibleIds().contains("web.1"));
        QVERIFY(!f.visibleIds().contains("web.2"));
        QVERIFY(f.visibleIds().indexOf("web.1") < f.visibleIds().indexOf("evg-setup"));

        f.store.remove("evg-compile");
        QCOMPARE(f.proxy.rowCount(), 5);
        QCOMPARE(resets.count(), 0);
    }

    void matchesAReferenceUnderRandomTraffic_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u})
            QTest::addRow("seed %u", seed) << seed;
    }

    // Whatever happens, the proxy shows exactly the tasks the filter accepts, in exactly the
    // order TaskOrdering gives, and a persistent index keeps pointing at its task.
    void matchesAReferenceUnderRandomTraffic()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        FilterFixture f;
        Timestamp now = 1'000'000;
        f.store.setClock([&now] { return now; });
        const Status statuses[] = {mar(MarStatus::Running), mar(MarStatus::Failed), mar(MarStatus::Unreachable), evg(EvgStatus::WillRun),
                                   evg(EvgStatus::SystemFailed), evg(EvgStatus::Success), evg(EvgStatus::SetupFailed), evg(EvgStatus::Started)};
        const char *groups[] = {"/web", "/api", "rhel80", "Ubuntu", "ubuntu"};
        int nextId = 0;
        auto randomTask = [&](int id) {
            Task task = TestTasks::marathon("", statuses[random.bounded(8)], groups[random.bounded(5)],
                                            random.bounded(2) ? "host-a" : "host-b");
            task.id = "t" + QByteArray::number(id);
            task.priority = int(random.bounded(5)) - 1;
            // Mostly a few repeating names, sometimes one never seen before (it must be
            // ranked between its neighbours without disturbing the others).
            task.name = InternedString(random.bounded(5) ? QStringLiteral("job-%1").arg(random.bounded(6))
                                                         : QStringLiteral("job-%1").arg(nextId * 7 % 1000));
            task.message = InternedString(QStringLiteral("m%1").arg(random.bounded(4)));
            task.updatedAt = now + random.bounded(50);
            return task;
        };
        const char *queries[] = {"", "is:problem", "group:u", "-host:host-a", "priority:>1", "status:running,failed"};
        const TaskColumn::Column columns[] = {TaskColumn::Status, TaskColumn::Name, TaskColumn::Group,
                                              TaskColumn::Priority, TaskColumn::Updated, TaskColumn::Id,
                                              TaskColumn::Host, TaskColumn::Message};
        for (int step = 0; step < 120; ++step) {
            now += 10;
            const int what = int(random.bounded(10));
            if (what < 3) {
                TaskBatch batch;
                for (int i = int(random.bounded(40)); i >= 0; --i)
                    batch.append(TaskDelta::upsert(randomTask(nextId++)));
                f.store.apply(batch);
            } else if (what < 6 && nextId > 0) {
                TaskBatch batch;
                for (int i = int(random.bounded(30)); i >= 0; --i)
                    batch.append(TaskDelta::upsert(randomTask(int(random.bounded(nextId)))));
                f.store.apply(batch);
            } else if (what < 7 && nextId > 0) {
                TaskBatch batch;
                for (int i = int(random.bounded(12)); i >= 0; --i)
                    batch.append(TaskDelta::remove("t" + QByteArray::number(random.bounded(nextId))));
                f.store.apply(batch);
            } else if (what < 8) {
                f.proxy.setQueryText(QString::fromLatin1(queries[random.bounded(6)]));
            } else {
                f.proxy.sort(columns[random.bounded(8)], random.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            }
            // A persistent index on a shown row must follow its task.
            QPersistentModelIndex watched;
            QByteArray watchedId;
            if (f.proxy.rowCount() > 0) {
                watched = f.proxy.index(int(random.bounded(f.proxy.rowCount())), 0);
                watchedId = watched.data(TaskRole::TaskId).toByteArray();
            }
            if (random.bounded(2))
                f.table.flush();

            f.table.flush();
            QList<Task> expected;
            for (int row = 0; row < f.store.size(); ++row) {
                if (f.proxy.filter().accepts(f.store.at(row)))
                    expected.append(f.store.at(row));
            }
            if (f.proxy.sortColumn() >= 0) {
                const auto column = TaskColumn::Column(f.proxy.sortColumn());
                const bool ascending = f.proxy.sortOrder() == Qt::AscendingOrder;
                std::stable_sort(expected.begin(), expected.end(), [&](const Task &a, const Task &b) {
                    const int c = TaskOrdering::compare(column, a, b, now);
                    return ascending ? c < 0 : c > 0;
                });
            }
            QList<QByteArray> expectedIds;
            for (const Task &task : expected)
                expectedIds.append(task.id);
            QCOMPARE(f.visibleIds(), expectedIds);
            if (watched.isValid())
                QCOMPARE(watched.data(TaskRole::TaskId).toByteArray(), watchedId);
            else if (!watchedId.isEmpty())
                QVERIFY(!expectedIds.contains(watchedId) || !f.store.find(watchedId));
        }
    }

    void aChangeMovesEvenWhenTheSameFlushBringsANewTextValue()
    {
        FilterFixture f;
        QList<Task> tasks;
        for (const char *name : {"a", "b", "c", "d", "e"}) {
            Task task = marathon(name, mar(MarStatus::Running));
            task.name = InternedString(QString::fromLatin1(name));
            tasks.append(task);
        }
        f.load(tasks);
        f.proxy.sort(TaskColumn::Name, Qt::AscendingOrder);
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"a", "b", "c", "d", "e"}));
        // In one flush: a new task named "bb" (a value never seen) and "e" renamed "aa".
        Task fresh = marathon("f", mar(MarStatus::Running));
        fresh.name = InternedString(QStringLiteral("bb"));
        Task renamed = marathon("e", mar(MarStatus::Running));
        renamed.name = InternedString(QStringLiteral("aa"));
        f.store.apply({TaskDelta::upsert(fresh), TaskDelta::upsert(renamed, TaskField::Name)});
        f.table.flush();
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"a", "e", "b", "f", "c", "d"}));
    }

    void scatteredRemovalsAreOneLayoutChangeAndOneRangeIsRowSignals()
    {
        FilterFixture f;
        f.load(sampleTasks());
        f.proxy.sort(TaskColumn::Id, Qt::AscendingOrder);
        // api.1 evg-compile evg-done evg-lint evg-queued evg-setup web.1 web.2
        QSignalSpy removed(&f.proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layouts(&f.proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy resets(&f.proxy, &QAbstractItemModel::modelReset);
        f.store.remove("evg-lint");
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 3);
        QCOMPARE(layouts.count(), 0);
        // Adjacent in the source (rows 1 and 2), first and last in the proxy: one layout change.
        f.store.apply({TaskDelta::remove("web.2"), TaskDelta::remove("api.1")});
        QCOMPARE(f.visibleIds(), (QList<QByteArray>{"evg-compile", "evg-done", "evg-queued", "evg-setup", "web.1"}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(layouts.count(), 1);
    }

    void sourceRowMapsBack()
    {
        FilterFixture f;
        f.load(sampleTasks());
        f.proxy.setSourceFilter(EvergreenSystem::id());
        f.proxy.sort(TaskColumn::Priority, Qt::AscendingOrder);
        for (int row = 0; row < f.proxy.rowCount(); ++row) {
            const QByteArray id = f.proxy.data(f.proxy.index(row, 0), TaskRole::TaskId).toByteArray();
            QCOMPARE(f.table.task(f.proxy.sourceRow(row)).id, id);
        }
    }
};

QTEST_GUILESS_MAIN(TestTaskFilterModel)
#include "tst_taskfiltermodel.moc"
