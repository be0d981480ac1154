// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "itemmodels/tasktablemodel.h"
#include "store/taskstore.h"
#include "testtasks.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

namespace {
QByteArray idOf(int i)
{
    return "task-" + QByteArray::number(i).rightJustified(5, '0');
}

TaskBatch manyTasks(int first, int count)
{
    TaskBatch batch;
    for (int i = first; i < first + count; ++i) {
        Task task = marathon("", mar(MarStatus::Running));
        task.id = idOf(i);
        batch.append(TaskDelta::upsert(task));
    }
    return batch;
}

// Every dataChanged as (first row, last row).
QList<std::pair<int, int>> ranges(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> result;
    for (const QList<QVariant> &args : spy)
        result.append({args.at(0).toModelIndex().row(), args.at(1).toModelIndex().row()});
    return result;
}
} // namespace

// Owns a store and a model watched by QAbstractItemModelTester from the start, plus spies
// on every structural signal.
struct Fixture
{
    Fixture()
        : model(&store)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , inserted(&model, &QAbstractItemModel::rowsInserted)
        , removed(&model, &QAbstractItemModel::rowsRemoved)
        , changed(&model, &QAbstractItemModel::dataChanged)
        , resets(&model, &QAbstractItemModel::modelReset)
        , layouts(&model, &QAbstractItemModel::layoutChanged)
    {
        model.setFlushInterval(10);
    }

    void clearSpies()
    {
        inserted.clear();
        removed.clear();
        changed.clear();
    }

    TaskStore store;
    TaskTableModel model;
    QAbstractItemModelTester tester;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy changed;
    QSignalSpy resets;
    QSignalSpy layouts;
};

class TestTaskTableModel : public QObject
{
    Q_OBJECT

private slots:
    void insertsWithinOneFlushAreOneInsertion()
    {
        Fixture f;
        for (int chunk = 0; chunk < 5; ++chunk)
            f.store.apply(manyTasks(chunk * 100, 100));
        QCOMPARE(f.model.rowCount(), 0);  // nothing announced before the flush
        QTRY_COMPARE(f.model.rowCount(), 500);
        QCOMPARE(f.inserted.count(), 1);
        QCOMPARE(f.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(f.inserted.at(0).at(2).toInt(), 499);
        QCOMPARE(f.changed.count(), 0);
        QCOMPARE(f.resets.count(), 0);
    }

    void manyUpdatesToAFewRowsAreOneRangedSignal()
    {
        Fixture f;
        f.store.apply(manyTasks(0, 100));
        f.model.flush();
        f.clearSpies();

        // 1,000 updates to the 10 contiguous rows 40..49, all within one flush interval.
        for (int i = 0; i < 1000; ++i) {
            Task task = marathon("", i % 2 ? mar(MarStatus::Running) : mar(MarStatus::Killing));
            task.id = idOf(40 + i % 10);
            task.message = InternedString(QString::number(i));
            f.store.apply({TaskDelta::upsert(task, TaskField::Status | TaskField::Message)});
        }
        f.model.flush();
        QCOMPARE(f.changed.count(), 1);
        QCOMPARE(ranges(f.changed), (QList<std::pair<int, int>>{{40, 49}}));
        const QModelIndex topLeft = f.changed.at(0).at(0).toModelIndex();
        const QModelIndex bottomRight = f.changed.at(0).at(1).toModelIndex();
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), TaskColumn::Count - 1);
        const auto roles = f.changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(TaskRole::Raw));
        QVERIFY(roles.contains(TaskRole::Status));
        QCOMPARE(f.inserted.count(), 0);
        QCOMPARE(f.resets.count(), 0);
        QCOMPARE(f.model.data(f.model.index(41, TaskColumn::Message)).toString(), QStringLiteral("991"));
    }

    void scatteredUpdatesGiveOneSignalPerContiguousRange()
    {
        Fixture f;
        f.store.apply(manyTasks(0, 100));
        f.model.flush();
        f.clearSpies();
        for (int row : {3, 4, 5, 20, 50, 51, 99}) {
            Task task = marathon("", mar(MarStatus::Killing));
            task.id = idOf(row);
            f.store.apply({TaskDelta::upsert(task, TaskField::Status)});
        }
        f.model.flush();
        QCOMPARE(ranges(f.changed),
                 (QList<std::pair<int, int>>{{3, 5}, {20, 20}, {50, 51}, {99, 99}}));
        QCOMPARE(f.resets.count(), 0);
    }

    void mostRowsChangedIsOneFullRangeSignal()
    {
        Fixture f;
        f.store.apply(manyTasks(0, 10));
        f.model.flush();
        f.clearSpies();
        for (int row : {0, 2, 4, 6, 8, 9}) {
            Task task = marathon("", mar(MarStatus::Killing));
            task.id = idOf(row);
            f.store.apply({TaskDelta::upsert(task, TaskField::Status)});
        }
        f.model.flush();
        QCOMPARE(ranges(f.changed), (QList<std::pair<int, int>>{{0, 9}}));
    }

    void updatesToNewRowsNeedNoDataChanged()
    {
        Fixture f;
        f.store.apply(manyTasks(0, 5));
        f.model.flush();
        f.clearSpies();
        f.store.apply(manyTasks(5, 5));
        Task task = marathon("", mar(MarStatus::Killing));
        task.id = idOf(7);
        f.store.apply({TaskDelta::upsert(task, TaskField::Status)});
        task.id = idOf(1);
        f.store.apply({TaskDelta::upsert(task, TaskField::Status)});
        f.model.flush();
        QCOMPARE(f.inserted.count(), 1);
        QCOMPARE(ranges(f.changed), (QList<std::pair<int, int>>{{1, 1}}));
        QCOMPARE(f.model.data(f.model.index(7, TaskColumn::Status), TaskRole::Status).toInt(),
                 int(mar(MarStatus::Killing)));
    }

    void removalsAreForwardedAtOnce()
    {
        Fixture f;
        f.store.apply(manyTasks(0, 10));
        f.model.flush();
        f.clearSpies();
        f.store.apply({TaskDelta::remove(idOf(2)), TaskDelta::remove(idOf(3)), TaskDelta::remove(idOf(8))});
        QCOMPARE(f.removed.count(), 2);
        QCOMPARE(f.removed.at(0).at(1).toInt(), 8);
        QCOMPARE(f.removed.at(1).at(1).toInt(), 2);
        QCOMPARE(f.removed.at(1).at(2).toInt(), 3);
        QCOMPARE(f.model.rowCount(), 7);
        QCOMPARE(f.model.data(f.model.index(2, TaskColumn::Id)).toString(), QString::fromUtf8(idOf(4)));
        QCOMPARE(f.resets.count(), 0);
    }

    void rowsRemovedBeforeTheirFlushAreNeverAnnounced()
    {
        Fixture f;
        f.store.apply(manyTasks(0, 3));
        f.model.flush();
        f.clearSpies();
        f.store.apply(manyTasks(3, 3));                       // rows 3..5, not announced
        f.store.apply({TaskDelta::remove(idOf(4)), TaskDelta::remove(idOf(1))});
        QCOMPARE(f.removed.count(), 1);                       // only the announced row 1
        QCOMPARE(f.removed.at(0).at(1).toInt(), 1);
        QCOMPARE(f.model.rowCount(), 2);
        f.model.flush();
        QCOMPARE(f.inserted.count(), 1);
        QCOMPARE(f.inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(f.inserted.at(0).at(2).toInt(), 3);
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(f.model.data(f.model.index(3, TaskColumn::Id)).toString(), QString::fromUtf8(idOf(5)));
    }

    void modelOverAFilledStoreAnnouncesItOnFirstFlush()
    {
        TaskStore store;
        store.apply(manyTasks(0, 20));
        TaskTableModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFlushInterval(5);
        QTRY_COMPARE(model.rowCount(), 20);
    }

    void displayAndRawValues()
    {
        Fixture f;
        Task task = evergreen("evg-1", evg(EvgStatus::KnownIssue), "rhel80", 42);
        task.host = InternedString(QStringLiteral("host-7"));
        task.message = InternedString(QStringLiteral("disk full"));
        task.startedAt = 1000;
        task.finishedAt = 1000 + 3 * 3600 * 1000 + 12 * 60 * 1000;
        f.store.upsert(task);
        f.model.flush();
        auto text = [&](int column) { return f.model.data(f.model.index(0, column)).toString(); };
        QCOMPARE(text(TaskColumn::Status), QStringLiteral("Known Issue"));
        QCOMPARE(text(TaskColumn::Name), QStringLiteral("compile"));
        QCOMPARE(text(TaskColumn::Id), QStringLiteral("evg-1"));
        QCOMPARE(text(TaskColumn::Group), QStringLiteral("rhel80"));
        QCOMPARE(text(TaskColumn::Source), QStringLiteral("Evergreen"));
        QCOMPARE(text(TaskColumn::Stage), QStringLiteral("Finished"));
        QCOMPARE(text(TaskColumn::Kind), QStringLiteral("Test (known issue)"));
        QCOMPARE(text(TaskColumn::Priority), QStringLiteral("42"));
        QCOMPARE(text(TaskColumn::Host), QStringLiteral("host-7"));
        QCOMPARE(text(TaskColumn::Duration), QStringLiteral("3 h 12 min"));
        QCOMPARE(text(TaskColumn::Message), QStringLiteral("disk full"));
        const QModelIndex priority = f.model.index(0, TaskColumn::Priority);
        QCOMPARE(f.model.data(priority, TaskRole::Raw).toInt(), 42);
        QCOMPARE(f.model.data(priority, TaskRole::Status).toInt(), int(evg(EvgStatus::KnownIssue)));
        QCOMPARE(f.model.data(priority, TaskRole::Stage).toInt(), int(Stage::Finished));
        QCOMPARE(f.model.data(priority, TaskRole::Kind).toInt(), int(FailureKind::Test));
        QCOMPARE(f.model.data(priority, TaskRole::TaskId).toByteArray(), QByteArray("evg-1"));
        QCOMPARE(f.model.headerData(TaskColumn::Kind, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Failure"));
    }

    void marathonTasksHaveNoPriorityAndShowUnreachableTime()
    {
        Fixture f;
        Timestamp now = 1'700'000'000'000;
        f.store.setClock([&now] { return now; });
        f.store.upsert(marathon("m", mar(MarStatus::Running)));
        now += 1000;
        f.store.upsert(marathon("m", mar(MarStatus::Unreachable)), TaskField::Status);
        f.model.flush();
        const QModelIndex status = f.model.index(0, TaskColumn::Status);
        QVERIFY(!f.model.data(f.model.index(0, TaskColumn::Priority)).isValid());
        now += 12 * 60 * 1000;
        QCOMPARE(f.model.data(status).toString(), QStringLiteral("Unreachable 12 min"));
        QCOMPARE(f.model.data(status, TaskRole::Overdue).toBool(), false);
        now += 3 * 60 * 1000;
        QCOMPARE(f.model.data(status, TaskRole::Overdue).toBool(), true);
        QSignalSpy thresholdChanged(&f.model, &QAbstractItemModel::dataChanged);
        f.model.setUnreachableThreshold(60 * 60 * 1000);
        QCOMPARE(thresholdChanged.count(), 1);
        QCOMPARE(f.model.data(status, TaskRole::Overdue).toBool(), false);
        f.model.setUnreachableThreshold(60 * 60 * 1000);
        QCOMPARE(thresholdChanged.count(), 1);
    }

    void marathonNamesTellInstancesApart_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("current") << QByteArray("prod_web.instance-5efa5ac4-2fe5-fd34-7034-a54be352e0a4._app")
                                 << QStringLiteral("web · 5efa5ac4");
        QTest::newRow("resident") << QByteArray("data_kafka.instance-c7c311a4-b669-11e6-a48f-0ea4f4b1778c._app.1")
                                  << QStringLiteral("web · c7c311a4");
        QTest::newRow("legacy") << QByteArray("prod_web.5dd78972-6771-11e5-94e1-be5b2935a987")
                                << QStringLiteral("web · 5dd78972");
    }

    void marathonNamesTellInstancesApart()
    {
        QFETCH(QByteArray, id);
        QFETCH(QString, name);
        Fixture f;
        Task task = marathon("", mar(MarStatus::Running), "/prod/web");
        task.id = id;
        f.store.upsert(task);
        f.model.flush();
        QCOMPARE(f.model.data(f.model.index(0, TaskColumn::Name)).toString(), name);
    }

    void flushedIsEmittedOnlyWhenSomethingWasAnnounced()
    {
        Fixture f;
        QSignalSpy flushed(&f.model, &TaskTableModel::flushed);
        f.model.flush();
        QCOMPARE(flushed.count(), 0);
        f.store.apply(manyTasks(0, 2));
        f.model.flush();
        QCOMPARE(flushed.count(), 1);
        f.store.remove(idOf(0));
        QCOMPARE(flushed.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTaskTableModel)
#include "tst_tasktablemodel.moc"
