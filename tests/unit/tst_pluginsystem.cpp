// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 9's proof that a system is a plug-in: "toy" (pluginsystem/toysystem.*) exists only
// in this test, registered beside Marathon and Evergreen, and shows in the table model, the
// query language, the sidebar counts and the action rules without a line of core code
// naming it.
#include "pluginsystem/toysystem.h"

#include "domain/actionrules.h"
#include "itemmodels/taskcolumns.h"
#include "itemmodels/taskfilter.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/taskquery.h"
#include "itemmodels/tasktablemodel.h"
#include "store/taskstore.h"
#include "system/systemregistry.h"
#include "systems/registersystems.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

namespace {
Task makeTask(const char *id, SystemId source, Status status)
{
    Task task;
    task.id = id;
    task.name = InternedString(QString::fromLatin1(id));
    task.group = InternedString(QStringLiteral("box"));
    task.source = source;
    task.status = status;
    task.nativeStatus = InternedString(QString(StatusTaxonomy::key(status)));
    return task;
}

TaskAction actionNamed(QStringView key)
{
    TaskAction action{};
    if (!TaskActions::fromKey(key, &action))
        qFatal("no action %s", qPrintable(key.toString()));
    return action;
}
} // namespace

class TestPluginSystem : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registry();
    void tableModel();
    void query_data();
    void query();
    void filterModel();
    void counts();
    void actionRules_data();
    void actionRules();
    void otherSystemsKeepTheirRules();

private:
    // The store holds four toy tasks beside one Marathon and one Evergreen task.
    void fill(TaskStore *store) const;

    SystemId m_toy = NoSystem;
    SystemId m_marathon = NoSystem;
    SystemId m_evergreen = NoSystem;
};

void TestPluginSystem::initTestCase()
{
    registerSystems();
    m_toy = ToySystem::id();
    m_marathon = SystemRegistry::find(u"marathon");
    m_evergreen = SystemRegistry::find(u"evergreen");
}

void TestPluginSystem::fill(TaskStore *store) const
{
    store->upsert(makeTask("toy-queued", m_toy, ToySystem::status(ToyStatus::Queued)));
    store->upsert(makeTask("toy-busy-1", m_toy, ToySystem::status(ToyStatus::Busy)));
    store->upsert(makeTask("toy-busy-2", m_toy, ToySystem::status(ToyStatus::Busy)));
    store->upsert(makeTask("toy-broken", m_toy, ToySystem::status(ToyStatus::Broken)));
    store->upsert(makeTask("mar-running", m_marathon, SystemRegistry::statusByKey(m_marathon, u"TASK_RUNNING")));
    store->upsert(makeTask("evg-system-failed", m_evergreen,
                           SystemRegistry::statusByKey(m_evergreen, u"system-failed")));
}

void TestPluginSystem::registry()
{
    // Evergreen and Marathon first (registerSystems' order), the toy third.
    QCOMPARE(m_evergreen, SystemId(1));
    QCOMPARE(m_marathon, SystemId(2));
    QCOMPARE(m_toy, SystemId(3));
    QCOMPARE(SystemRegistry::systems(), (QList<SystemId>{1, 2, 3}));
    QCOMPARE(SystemRegistry::key(m_toy), QLatin1StringView("toy"));
    QCOMPARE(SystemRegistry::name(m_toy), QStringLiteral("Toy"));
    QCOMPARE(SystemRegistry::find(u"TOY"), m_toy);

    // Evergreen numbers 1–19, Marathon 20–32, the toy 33–35.
    QCOMPARE(int(ToySystem::status(ToyStatus::Queued)), 33);
    QCOMPARE(int(ToySystem::status(ToyStatus::Busy)), 34);
    QCOMPARE(int(ToySystem::status(ToyStatus::Broken)), 35);
    QCOMPARE(StatusTaxonomy::count(), 36);
    QCOMPARE(SystemRegistry::statusByKey(m_toy, u"BUSY"), ToySystem::status(ToyStatus::Busy));
    QCOMPARE(SystemRegistry::statusByKey(m_toy, u"TASK_RUNNING"), Status::Unset);

    const StatusInfo &broken = StatusTaxonomy::info(ToySystem::status(ToyStatus::Broken));
    QCOMPARE(broken.system, m_toy);
    QCOMPARE(broken.key, QLatin1StringView("broken"));
    QCOMPARE(StatusTaxonomy::label(broken.status), QStringLiteral("Broken"));
    QCOMPARE(broken.stage, Stage::Finished);
    QCOMPARE(broken.kind, FailureKind::System);
    QCOMPARE(broken.palette, PaletteClass::SystemFailure);
    QCOMPARE(broken.glyph, Glyph::Gear);

    // Six Evergreen actions, four more of Marathon's (its Restart is Evergreen's), then poke.
    TaskAction poke{};
    QVERIFY(TaskActions::fromKey(u"poke", &poke));
    QCOMPARE(poke, ToySystem::poke());
    QCOMPARE(int(poke), 10);
    QCOMPARE(TaskActions::count(), 11);
    QCOMPARE(TaskActions::key(poke), QLatin1StringView("poke"));
    QCOMPARE(TaskActions::label(poke), QStringLiteral("Poke"));
    QCOMPARE(TaskActions::help(poke), QStringLiteral("Poke a busy toy task"));
    QVERIFY(!TaskActions::isDestructive(poke));
    QVERIFY(TaskActions::concerns(poke, m_toy));
    QVERIFY(!TaskActions::concerns(poke, m_marathon));
    QVERIFY(!TaskActions::concerns(poke, m_evergreen));
    QVERIFY(!TaskActions::concerns(actionNamed(u"kill"), m_toy));
}

void TestPluginSystem::tableModel()
{
    TaskStore store;
    TaskTableModel table(&store);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(&store);
    table.flush();
    QCOMPARE(table.rowCount(), 6);

    const auto cell = [&](int row, TaskColumn::Column column) {
        return table.index(row, column).data(Qt::DisplayRole).toString();
    };
    QCOMPARE(cell(0, TaskColumn::Id), QStringLiteral("toy-queued"));
    QCOMPARE(cell(0, TaskColumn::Status), QStringLiteral("Queued"));
    QCOMPARE(cell(1, TaskColumn::Status), QStringLiteral("Busy"));
    QCOMPARE(cell(3, TaskColumn::Status), QStringLiteral("Broken"));
    QCOMPARE(cell(4, TaskColumn::Status), QStringLiteral("Running"));
    QCOMPARE(cell(0, TaskColumn::Source), QStringLiteral("Toy"));
    QCOMPARE(cell(4, TaskColumn::Source), QStringLiteral("Marathon"));
    QCOMPARE(cell(5, TaskColumn::Source), QStringLiteral("Evergreen"));
    QCOMPARE(cell(1, TaskColumn::Stage), QStringLiteral("In progress"));
    QCOMPARE(cell(3, TaskColumn::Stage), QStringLiteral("Finished"));
    QCOMPARE(cell(3, TaskColumn::Kind), QStringLiteral("System failure"));
    QCOMPARE(cell(1, TaskColumn::Kind), QString());

    QCOMPARE(table.index(1, TaskColumn::Status).data(TaskRole::Status).toInt(), 34);
    QCOMPARE(table.index(3, TaskColumn::Status).data(TaskRole::Kind).toInt(), int(FailureKind::System));
}

void TestPluginSystem::query_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");

    const QString queued = QStringLiteral("toy-queued"), busy1 = QStringLiteral("toy-busy-1"),
                  busy2 = QStringLiteral("toy-busy-2"), broken = QStringLiteral("toy-broken"),
                  mar = QStringLiteral("mar-running"), evg = QStringLiteral("evg-system-failed");
    QTest::newRow("status:busy") << QStringLiteral("status:busy") << QStringList{busy1, busy2};
    QTest::newRow("status:Broken") << QStringLiteral("status:Broken") << QStringList{broken};
    QTest::newRow("status:queued,broken") << QStringLiteral("status:queued,broken") << QStringList{queued, broken};
    QTest::newRow("source:toy") << QStringLiteral("source:toy") << QStringList{queued, busy1, busy2, broken};
    QTest::newRow("-source:toy") << QStringLiteral("-source:toy") << QStringList{mar, evg};
    QTest::newRow("kind:system") << QStringLiteral("kind:system") << QStringList{broken, evg};
    QTest::newRow("source:toy kind:system") << QStringLiteral("source:toy kind:system") << QStringList{broken};
    QTest::newRow("stage:in-progress") << QStringLiteral("stage:in-progress") << QStringList{busy1, busy2, mar};
    QTest::newRow("is:problem") << QStringLiteral("is:problem") << QStringList{broken, evg};
}

void TestPluginSystem::query()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);

    TaskQuery::Error error;
    const TaskQuery parsed = TaskQuery::parse(query, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    TaskFilter filter;
    QVERIFY(filter.setQuery(parsed));

    TaskStore store;
    fill(&store);
    QStringList byQuery, byFilter;
    for (int row = 0; row < store.size(); ++row) {
        if (parsed.matches(store.at(row)))
            byQuery.append(store.at(row).idString());
        if (filter.accepts(store.at(row)))
            byFilter.append(store.at(row).idString());
    }
    QCOMPARE(byQuery, ids);
    QCOMPARE(byFilter, ids);
}

void TestPluginSystem::filterModel()
{
    TaskStore store;
    TaskTableModel table(&store);
    TaskFilterModel filter;
    filter.setSourceModel(&table);
    QAbstractItemModelTester tableTester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fill(&store);
    table.flush();
    filter.reconcile();
    QCOMPARE(filter.rowCount(), 6);

    QVERIFY(!filter.setQueryText(QStringLiteral("source:toy status:busy")).isError());
    QCOMPARE(filter.rowCount(), 2);
    QCOMPARE(filter.index(0, TaskColumn::Status).data().toString(), QStringLiteral("Busy"));
    QCOMPARE(filter.index(0, TaskColumn::Source).data().toString(), QStringLiteral("Toy"));

    // A status change of a toy task moves it in and out like any other.
    Task poked = makeTask("toy-busy-1", m_toy, ToySystem::status(ToyStatus::Broken));
    store.upsert(poked);
    table.flush();
    filter.reconcile();
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, TaskColumn::Id).data().toString(), QStringLiteral("toy-busy-2"));

    // The sidebar's facets: the toy as a source, its statuses as a mask.
    QVERIFY(!filter.setQueryText(QString()).isError());
    filter.setSourceFilter(m_toy);
    QCOMPARE(filter.rowCount(), 4);
    filter.setStatuses(quint64(1) << int(ToySystem::status(ToyStatus::Broken)));
    QCOMPARE(filter.rowCount(), 2);
    filter.clearFacets();
    QCOMPARE(filter.rowCount(), 6);

    // An unknown source names the toy among the ones that exist.
    const TaskQuery::Error error = filter.setQueryText(QStringLiteral("source:lego"));
    QVERIFY(error.isError());
    QCOMPARE(error.message, QStringLiteral("Unknown source “lego”. Sources: evergreen, marathon, toy."));
}

void TestPluginSystem::counts()
{
    TaskStore store;
    fill(&store);
    const StatusCounts &counts = store.counts();
    QCOMPARE(counts.total(), 6);
    QCOMPARE(counts.status(ToySystem::status(ToyStatus::Queued)), 1);
    QCOMPARE(counts.status(ToySystem::status(ToyStatus::Busy)), 2);
    QCOMPARE(counts.status(ToySystem::status(ToyStatus::Broken)), 1);
    QCOMPARE(counts.source(m_toy), 4);
    QCOMPARE(counts.source(m_marathon), 1);
    QCOMPARE(counts.source(m_evergreen), 1);
    QCOMPARE(counts.kind(FailureKind::System), 2);   // toy-broken and evg-system-failed
    QCOMPARE(counts.kind(FailureKind::None), 4);
    QCOMPARE(counts.stage(Stage::Scheduled), 1);
    QCOMPARE(counts.stage(Stage::InProgress), 3);
    QCOMPARE(counts.stage(Stage::Finished), 2);
    QCOMPARE(counts.problems(), 2);

    // Counts follow a toy task's status change and its removal.
    store.upsert(makeTask("toy-busy-1", m_toy, ToySystem::status(ToyStatus::Broken)));
    QCOMPARE(store.counts().status(ToySystem::status(ToyStatus::Busy)), 1);
    QCOMPARE(store.counts().status(ToySystem::status(ToyStatus::Broken)), 2);
    QCOMPARE(store.counts().kind(FailureKind::System), 3);
    QVERIFY(store.remove("toy-queued"));
    QCOMPARE(store.counts().source(m_toy), 3);
    QCOMPARE(store.counts().stage(Stage::Scheduled), 0);
}

void TestPluginSystem::actionRules_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("category");

    const int queued = int(ToySystem::status(ToyStatus::Queued)), busy = int(ToySystem::status(ToyStatus::Busy)),
              broken = int(ToySystem::status(ToyStatus::Broken));
    const QString notBusy = QStringLiteral("Only a busy toy can be poked.");
    const QString noKill = QStringLiteral("Kill is not a toy action; toys are only poked.");
    QTest::newRow("poke busy") << busy << QStringLiteral("poke") << true << QString() << QString();
    QTest::newRow("poke queued") << queued << QStringLiteral("poke") << false << notBusy << QStringLiteral("scheduled");
    QTest::newRow("poke broken") << broken << QStringLiteral("poke") << false << notBusy << QStringLiteral("finished");
    QTest::newRow("kill busy") << busy << QStringLiteral("kill") << false << noKill << QStringLiteral("on Toy");
    QTest::newRow("kill queued") << queued << QStringLiteral("kill") << false << noKill << QStringLiteral("on Toy");
    QTest::newRow("abort busy") << busy << QStringLiteral("abort") << false
                                << QStringLiteral("Abort is not a toy action; toys are only poked.") << QStringLiteral("on Toy");
}

void TestPluginSystem::actionRules()
{
    QFETCH(int, status);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    QFETCH(QString, reason);
    QFETCH(QString, category);

    const Task task = makeTask("toy", m_toy, Status(status));
    const ActionVerdict verdict = ActionRules::check(task, actionNamed(action));
    QCOMPARE(verdict.allowed, allowed);
    QCOMPARE(verdict.reason, reason);
    QCOMPARE(verdict.category, category);

    // Of every registered action, a toy task allows poke when busy and nothing else.
    const ActionSet expected = status == int(ToySystem::status(ToyStatus::Busy)) ? ActionSet{ToySystem::poke()} : ActionSet{};
    QCOMPARE(ActionRules::allowedActions(task).bits(), expected.bits());

    ActionContext readOnly;
    readOnly.readOnly = true;
    QVERIFY(!ActionRules::check(task, actionNamed(action), readOnly));
}

void TestPluginSystem::otherSystemsKeepTheirRules()
{
    const Task running = makeTask("mar", m_marathon, SystemRegistry::statusByKey(m_marathon, u"TASK_RUNNING"));
    QVERIFY(ActionRules::check(running, actionNamed(u"kill")));
    const ActionVerdict poke = ActionRules::check(running, ToySystem::poke());
    QVERIFY(!poke);
    QCOMPARE(poke.reason, QStringLiteral("Poke is not a Marathon action; Marathon tasks are killed or their app is restarted."));
    QCOMPARE(poke.category, QStringLiteral("on Marathon"));

    const Task failed = makeTask("evg", m_evergreen, SystemRegistry::statusByKey(m_evergreen, u"system-failed"));
    QVERIFY(ActionRules::check(failed, actionNamed(u"restart")));
    QVERIFY(!ActionRules::check(failed, ToySystem::poke()));

    // A selection across the three systems: only the busy toys take a poke.
    TaskStore store;
    fill(&store);
    QList<Task> tasks;
    for (int row = 0; row < store.size(); ++row)
        tasks.append(store.at(row));
    const BulkPlan plan = ActionRules::plan(tasks, ToySystem::poke());
    QCOMPARE(plan.applicable, (QList<int>{1, 2}));
    QCOMPARE(plan.summary(), QStringLiteral("Poke 2 tasks; 4 not applicable: 1 finished, 1 on Evergreen, 1 on Marathon, 1 scheduled"));
}

QTEST_GUILESS_MAIN(TestPluginSystem)
#include "tst_pluginsystem.moc"
