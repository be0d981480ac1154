// SPDX-License-Identifier: GPL-3.0-or-later
//
// taskmon-bench: the performance figures of DESIGN.md §6, measured side by side in one run
// and printed, never asserted (shared machines are too noisy for timed tests).
//
//   taskmon-bench [--tasks N] [--baseline-tasks N] [--events-per-second N] [--seconds S]

#include "benchtasks.h"
#include "ingestbench.h"

#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "session/session.h"
#include "store/taskstore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <malloc.h>
#include <unistd.h>

namespace {
struct Row
{
    QString what;
    QString value;
    QString target;
};
QList<Row> report;

void note(const QString &what, const QString &value, const QString &target = {})
{
    report.append({what, value, target});
    std::printf("  %-58s %14s   %s\n", qPrintable(what), qPrintable(value), qPrintable(target));
    std::fflush(stdout);
}

QString ms(double milliseconds)
{
    return QStringLiteral("%1 ms").arg(milliseconds, 0, 'f', milliseconds < 10 ? 2 : 1);
}

// Resident memory now, after handing freed memory back to the system.
qint64 residentBytes()
{
    malloc_trim(0);
    FILE *statm = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (statm) {
        if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(statm);
    }
    return qint64(resident) * sysconf(_SC_PAGESIZE);
}

double timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e6;
}

// Store + table model + proxy sorted most-actionable-first, as the window has them.
struct Pipeline
{
    Pipeline()
        : table(&store)
    {
        proxy.setSourceModel(&table);
        proxy.sort(TaskColumn::Status, Qt::AscendingOrder);
    }
    void load(int count, quint32 seed)
    {
        BenchTasks generator(seed);
        for (int done = 0; done < count;) {
            const int chunk = std::min(20000, count - done);
            store.apply(generator.batch(done, chunk));
            done += chunk;
        }
        table.flush();
    }
    TaskStore store;
    TaskTableModel table;
    TaskFilterModel proxy;
};

void scale(int tasks)
{
    std::printf("\nScale: %d tasks in store, table model and sorted proxy\n", tasks);
    const qint64 before = residentBytes();
    auto pipeline = std::make_unique<Pipeline>();
    const double load = timed([&] { pipeline->load(tasks, 1); });
    const qint64 after = residentBytes();
    note(QStringLiteral("load (insert, flush, filter and sort)"), ms(load));
    note(QStringLiteral("memory per task (resident, all structures)"),
         QStringLiteral("%1 B").arg(double(after - before) / tasks, 0, 'f', 0), QStringLiteral("≤ 300 B"));
    note(QStringLiteral("of which the store's own structures"),
         QStringLiteral("%1 B").arg(double(pipeline->store.memoryBytes()) / tasks, 0, 'f', 0));
    TaskFilterModel &proxy = pipeline->proxy;
    const char *queries[] = {"status:failed", "", "kind:system,setup -group:/prod/web", "agent-r3", "is:problem"};
    for (const char *query : queries) {
        const double elapsed = timed([&] { proxy.setQueryText(QString::fromLatin1(query)); });
        note(QStringLiteral("filter change to \"%1\" → %2 rows").arg(QString::fromLatin1(query)).arg(proxy.rowCount()),
             ms(elapsed), QStringLiteral("< 250 ms"));
    }
    proxy.setQueryText(QString());
    const std::pair<TaskColumn::Column, const char *> sorts[] = {{TaskColumn::Name, "name"},
                                                                 {TaskColumn::Updated, "updated"},
                                                                 {TaskColumn::Status, "status (default)"}};
    for (const auto &[column, name] : sorts) {
        const double elapsed = timed([&] { proxy.sort(column, Qt::AscendingOrder); });
        note(QStringLiteral("sort by %1").arg(QString::fromLatin1(name)), ms(elapsed), QStringLiteral("< 1.5 s"));
    }
}

// Runs the event loop while `feed` is called every `periodMs`; returns the longest time one
// loop iteration (feed, flush, proxy work) kept the thread busy.
double longestStall(int durationMs, int periodMs, const std::function<void()> &feed)
{
    double longest = 0;
    QElapsedTimer total;
    total.start();
    QElapsedTimer slice;
    while (total.elapsed() < durationMs) {
        slice.start();
        feed();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        longest = std::max(longest, slice.nsecsElapsed() / 1e6);
        const qint64 rest = periodMs - slice.elapsed();
        if (rest > 0)
            QThread::msleep(quint64(rest));
    }
    return longest;
}

void stalls(int tasks, int eventsPerSecond, int seconds)
{
    std::printf("\nGUI thread: longest busy stretch of one event-loop turn\n");
    {
        Pipeline pipeline;
        pipeline.load(tasks, 2);
        BenchTasks generator(3);
        const int perTick = eventsPerSecond / 100;
        const double longest = longestStall(seconds * 1000, 10, [&] {
            pipeline.store.apply(generator.statusChanges(tasks, perTick));
        });
        note(QStringLiteral("%1 events/s on %2 tasks for %3 s").arg(eventsPerSecond).arg(tasks).arg(seconds),
             ms(longest), QStringLiteral("≤ 50 ms"));
    }
    {
        // A 100,000-task snapshot arriving through the session, merged in chunks.
        Session session;
        TaskTableModel table(session.store());
        TaskFilterModel proxy;
        proxy.setSourceModel(&table);
        proxy.sort(TaskColumn::Status, Qt::AscendingOrder);
        BenchTasks generator(4);
        TaskSnapshot snapshot;
        snapshot.tasks.reserve(100000);
        for (const TaskDelta &delta : generator.batch(0, 100000))
            snapshot.tasks.append(delta.task);
        auto *backend = new BenchBackend;
        session.addBackend(backend);
        backend->deliver(snapshot);
        double longest = 0;
        QElapsedTimer slice;
        while (session.isMerging() || table.rowCount() < 100000) {
            slice.start();
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            longest = std::max(longest, slice.nsecsElapsed() / 1e6);
        }
        note(QStringLiteral("a 100,000-task snapshot merged (chunks of 10,000)"), ms(longest), QStringLiteral("≤ 50 ms"));
    }
}

void baseline(int tasks)
{
    std::printf("\nBaseline: QStandardItemModel + QSortFilterProxyModel vs taskmon, %d rows each\n", tasks);
    BenchTasks generator(5);
    const TaskBatch batch = generator.batch(0, tasks);

    QStandardItemModel standard(0, TaskColumn::Count);
    QSortFilterProxyModel standardProxy;
    const double standardLoad = timed([&] {
        standard.setRowCount(tasks);
        for (int row = 0; row < tasks; ++row) {
            const Task &task = batch[row].task;
            standard.setItem(row, TaskColumn::Status, new QStandardItem(StatusTaxonomy::label(task.status)));
            standard.setItem(row, TaskColumn::Name, new QStandardItem(task.name.toString()));
            standard.setItem(row, TaskColumn::Id, new QStandardItem(task.idString()));
            standard.setItem(row, TaskColumn::Group, new QStandardItem(task.group.toString()));
            standard.setItem(row, TaskColumn::Host, new QStandardItem(task.host.toString()));
            standard.setItem(row, TaskColumn::Message, new QStandardItem(task.message.toString()));
        }
        standardProxy.setSourceModel(&standard);
        standardProxy.sort(TaskColumn::Status);
    });
    standardProxy.setFilterKeyColumn(TaskColumn::Status);
    const double standardFilter = timed([&] { standardProxy.setFilterFixedString(QStringLiteral("Failed")); });
    standardProxy.setFilterFixedString(QString());
    const double standardSort = timed([&] { standardProxy.sort(TaskColumn::Name); });

    Pipeline ours;
    const double ourLoad = timed([&] {
        ours.store.apply(batch);
        ours.table.flush();
    });
    const double ourFilter = timed([&] { ours.proxy.setQueryText(QStringLiteral("status:failed")); });
    ours.proxy.setQueryText(QString());
    const double ourSort = timed([&] { ours.proxy.sort(TaskColumn::Name); });

    auto ratio = [](double theirs, double mine) { return QStringLiteral("%1×").arg(theirs / std::max(mine, 0.001), 0, 'f', 1); };
    note(QStringLiteral("load: standard %1, taskmon %2").arg(ms(standardLoad), ms(ourLoad)), ratio(standardLoad, ourLoad), QStringLiteral("≥ 10×"));
    note(QStringLiteral("filter: standard %1, taskmon %2").arg(ms(standardFilter), ms(ourFilter)), ratio(standardFilter, ourFilter), QStringLiteral("≥ 10×"));
    note(QStringLiteral("sort: standard %1, taskmon %2").arg(ms(standardSort), ms(ourSort)), ratio(standardSort, ourSort), QStringLiteral("≥ 10×"));
}
} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);  // QStandardItemModel lives in Qt Gui
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures taskmon against the targets of DESIGN.md §6."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tasks"), QStringLiteral("Tasks for the scale run (default 1000000)."), QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("baseline-tasks"), QStringLiteral("Rows for the baseline comparison (default 100000)."), QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("events-per-second"), QStringLiteral("Live event rate (default 10000)."), QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("How long to run the live load (default 3)."), QStringLiteral("S"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("events"), QStringLiteral("Events for the ingest run (default 300000)."), QStringLiteral("N"), QStringLiteral("300000")});
    parser.process(app);
    const int tasks = parser.value(QStringLiteral("tasks")).toInt();

    std::printf("taskmon-bench — figures for DESIGN.md §6 (targets on the right)\n");
    IngestBench::run(parser.value(QStringLiteral("events")).toInt(), &note);
    scale(tasks);
    stalls(std::min(tasks, 100000), parser.value(QStringLiteral("events-per-second")).toInt(),
           parser.value(QStringLiteral("seconds")).toInt());
    baseline(parser.value(QStringLiteral("baseline-tasks")).toInt());
    return 0;
}
