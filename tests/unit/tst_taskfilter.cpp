// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "domain/task.h"
#include "itemmodels/taskfilter.h"

#include <QObject>
#include <QStringList>
#include <QTest>

#include <vector>

Q_DECLARE_METATYPE(Status)

using namespace Qt::StringLiterals;

// TaskFilter: the sidebar facets, "problems only" (DESIGN.md §4) and the query, ANDed; every
// setter reports whether the value changed (house style item 11).
namespace {
Task makeTask(const char *id, SystemId source, Status status, const char16_t *group,
              const char16_t *host = u"")
{
    Task task;
    task.id = id;
    task.source = source;
    task.status = status;
    task.nativeStatus = InternedString(QString(StatusTaxonomy::key(status)));
    task.group = InternedString(QStringView(group));
    task.name = InternedString(QStringView(group).mid(QStringView(group).lastIndexOf(u'/') + 1));
    task.host = InternedString(QStringView(host));
    return task;
}

quint64 bit(Status status)
{
    return quint64(1) << int(status);
}

TaskQuery query(const QString &text)
{
    TaskQuery::Error error;
    TaskQuery result = TaskQuery::parse(text, &error);
    if (error.isError())
        qFatal("bad query in test: %s", qPrintable(error.message));
    return result;
}
} // namespace

class TestTaskFilter final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultAcceptsEverything();
    void stageFacet();
    void kindFacet();
    void statusesFacet();
    void sourceFacet();
    void groupFacetIsExact();
    void queryAlone();
    void facetsCombineWithQuery();
    void problemsOnly_data();
    void problemsOnly();
    void problemsOnlyWithOtherFacets();
    void settersReportChange();
    void setQueryReportsChange();
    void clearFacetsKeepsQuery();
    void isEmpty();

private:
    QStringList accepted(const TaskFilter &filter) const;

    std::vector<Task> m_tasks;
};

void TestTaskFilter::initTestCase()
{
    const SystemId Mar = MarathonSystem::id();
    const SystemId Evg = EvergreenSystem::id();
    m_tasks = {
        makeTask("m-run", Mar, mar(MarStatus::Running), u"/prod/web", u"agent-1"),
        makeTask("m-fail", Mar, mar(MarStatus::Failed), u"/prod/web", u"agent-2"),
        makeTask("m-unreach", Mar, mar(MarStatus::Unreachable), u"/prod/db", u"agent-3"),
        makeTask("m-stage", Mar, mar(MarStatus::Staging), u"/prod/webhook", u"agent-1"),
        makeTask("m-error", Mar, mar(MarStatus::Error), u"/prod/api", u"agent-2"),
        makeTask("e-ok", Evg, evg(EvgStatus::Success), u"rhel8", u"ip-1"),
        makeTask("e-fail", Evg, evg(EvgStatus::Failed), u"rhel8", u"ip-2"),
        makeTask("e-sys", Evg, evg(EvgStatus::SystemFailed), u"windows", u"ip-3"),
        makeTask("e-known", Evg, evg(EvgStatus::KnownIssue), u"windows", u"ip-4"),
        makeTask("e-will", Evg, evg(EvgStatus::WillRun), u"rhel8"),
        makeTask("e-start", Evg, evg(EvgStatus::Started), u"windows", u"ip-5"),
    };
    m_tasks.push_back(makeTask("d-run", NoSystem, mar(MarStatus::Running), u"/demo/web", u"demo-1"));
}

QStringList TestTaskFilter::accepted(const TaskFilter &filter) const
{
    QStringList ids;
    for (const Task &task : m_tasks) {
        if (filter.accepts(task))
            ids.append(QString::fromUtf8(task.id));
    }
    ids.sort();
    return ids;
}

static QStringList ids(QStringView spaced)
{
    QStringList result;
    for (QStringView part : spaced.split(u' ', Qt::SkipEmptyParts))
        result.append(part.toString());
    result.sort();
    return result;
}

void TestTaskFilter::defaultAcceptsEverything()
{
    const TaskFilter filter;
    QCOMPARE(accepted(filter).size(), int(m_tasks.size()));
    QVERIFY(filter.isEmpty());
    QVERIFY(!filter.stage());
    QVERIFY(!filter.kind());
    QCOMPARE(filter.statuses(), quint64(0));
    QVERIFY(!filter.source());
    QVERIFY(!filter.group());
    QVERIFY(!filter.problemsOnly());
    QVERIFY(filter.query().isEmpty());
}

void TestTaskFilter::stageFacet()
{
    TaskFilter filter;
    QVERIFY(filter.setStage(Stage::InProgress));
    QCOMPARE(accepted(filter), ids(u"m-run m-unreach e-start d-run"));
    QVERIFY(filter.setStage(Stage::Scheduled));
    QCOMPARE(accepted(filter), ids(u"m-stage e-will"));
    QVERIFY(filter.setStage(Stage::Finished));
    QCOMPARE(accepted(filter), ids(u"m-fail m-error e-ok e-fail e-sys e-known"));
    QVERIFY(filter.setStage(std::nullopt));
    QCOMPARE(accepted(filter).size(), int(m_tasks.size()));
}

void TestTaskFilter::kindFacet()
{
    TaskFilter filter;
    QVERIFY(filter.setKind(FailureKind::Test));
    QCOMPARE(accepted(filter), ids(u"m-fail e-fail e-known"));
    QVERIFY(filter.setKind(FailureKind::System));
    QCOMPARE(accepted(filter), ids(u"m-unreach e-sys"));
    QVERIFY(filter.setKind(FailureKind::Setup));
    QCOMPARE(accepted(filter), ids(u"m-error"));
    QVERIFY(filter.setKind(FailureKind::None));
    QCOMPARE(accepted(filter), ids(u"m-run m-stage e-ok e-will e-start d-run"));
}

void TestTaskFilter::statusesFacet()
{
    TaskFilter filter;
    // The sidebar's "Failed" entry groups both systems' Failed statuses.
    QVERIFY(filter.setStatuses(bit(mar(MarStatus::Failed)) | bit(evg(EvgStatus::Failed))));
    QCOMPARE(accepted(filter), ids(u"m-fail e-fail"));
    QVERIFY(filter.setStatuses(bit(mar(MarStatus::Running))));
    QCOMPARE(accepted(filter), ids(u"m-run d-run"));
    QVERIFY(filter.setStatuses(bit(mar(MarStatus::Killed))));
    QCOMPARE(accepted(filter), QStringList());
    // 0 means any status.
    QVERIFY(filter.setStatuses(0));
    QCOMPARE(accepted(filter).size(), int(m_tasks.size()));
}

void TestTaskFilter::sourceFacet()
{
    TaskFilter filter;
    QVERIFY(filter.setSource(MarathonSystem::id()));
    QCOMPARE(accepted(filter), ids(u"m-run m-fail m-unreach m-stage m-error"));
    QVERIFY(filter.setSource(EvergreenSystem::id()));
    QCOMPARE(accepted(filter), ids(u"e-ok e-fail e-sys e-known e-will e-start"));
    QVERIFY(filter.setSource(NoSystem));
    QCOMPARE(accepted(filter), ids(u"d-run"));
}

void TestTaskFilter::groupFacetIsExact()
{
    TaskFilter filter;
    // A sidebar group entry is one group, not a substring: /prod/webhook is another group.
    QVERIFY(filter.setGroup(InternedString(u"/prod/web"_s)));
    QCOMPARE(accepted(filter), ids(u"m-fail m-run"));
    QVERIFY(filter.setGroup(InternedString(u"windows"_s)));
    QCOMPARE(accepted(filter), ids(u"e-sys e-known e-start"));
    QVERIFY(filter.setGroup(InternedString(u"no-such-group"_s)));
    QCOMPARE(accepted(filter), QStringList());
    QVERIFY(filter.setGroup(std::nullopt));
    QCOMPARE(accepted(filter).size(), int(m_tasks.size()));
}

void TestTaskFilter::queryAlone()
{
    TaskFilter filter;
    QVERIFY(filter.setQuery(query(u"web"_s)));
    QCOMPARE(accepted(filter), ids(u"m-run m-fail m-stage d-run"));
    QVERIFY(filter.setQuery(query(u"status:failed"_s)));
    QCOMPARE(accepted(filter), ids(u"m-fail e-fail"));
}

void TestTaskFilter::facetsCombineWithQuery()
{
    TaskFilter filter;
    QVERIFY(filter.setQuery(query(u"web"_s)));
    QVERIFY(filter.setSource(MarathonSystem::id()));
    QCOMPARE(accepted(filter), ids(u"m-run m-fail m-stage"));
    QVERIFY(filter.setStage(Stage::InProgress));
    QCOMPARE(accepted(filter), ids(u"m-run"));
    QVERIFY(filter.setStage(std::nullopt));
    QVERIFY(filter.setKind(FailureKind::Test));
    QCOMPARE(accepted(filter), ids(u"m-fail"));
    QVERIFY(filter.setKind(std::nullopt));
    QVERIFY(filter.setGroup(InternedString(u"/prod/webhook"_s)));
    QCOMPARE(accepted(filter), ids(u"m-stage"));
    QVERIFY(filter.setGroup(std::nullopt));
    QVERIFY(filter.setStatuses(bit(mar(MarStatus::Running)) | bit(mar(MarStatus::Staging))));
    QCOMPARE(accepted(filter), ids(u"m-run m-stage"));

    // A negated query term still ANDs with the facets.
    TaskFilter other;
    QVERIFY(other.setQuery(query(u"-group:rhel8"_s)));
    QVERIFY(other.setSource(EvergreenSystem::id()));
    QCOMPARE(accepted(other), ids(u"e-sys e-known e-start"));
    QVERIFY(other.setProblemsOnly(true));
    QCOMPARE(accepted(other), ids(u"e-sys e-known"));
}

void TestTaskFilter::problemsOnly_data()
{
    QTest::addColumn<Status>("status");
    QTest::addColumn<bool>("kept");

    // Failures of every kind (DESIGN.md §3) and Marathon Unreachable tasks stay.
    QTest::newRow("Evergreen failed") << evg(EvgStatus::Failed) << true;
    QTest::newRow("known issue") << evg(EvgStatus::KnownIssue) << true;
    QTest::newRow("task timed out") << evg(EvgStatus::TaskTimedOut) << true;
    QTest::newRow("test timed out") << evg(EvgStatus::TestTimedOut) << true;
    QTest::newRow("setup failed") << evg(EvgStatus::SetupFailed) << true;
    QTest::newRow("system failed") << evg(EvgStatus::SystemFailed) << true;
    QTest::newRow("system timed out") << evg(EvgStatus::SystemTimedOut) << true;
    QTest::newRow("system unresponsive") << evg(EvgStatus::SystemUnresponsive) << true;
    QTest::newRow("Marathon unreachable") << mar(MarStatus::Unreachable) << true;
    QTest::newRow("Marathon failed") << mar(MarStatus::Failed) << true;
    QTest::newRow("Marathon error") << mar(MarStatus::Error) << true;
    QTest::newRow("Marathon dropped") << mar(MarStatus::Dropped) << true;
    QTest::newRow("Marathon gone") << mar(MarStatus::Gone) << true;
    QTest::newRow("Marathon unknown") << mar(MarStatus::Unknown) << true;
    // Everything else goes.
    QTest::newRow("Evergreen unscheduled") << evg(EvgStatus::Unscheduled) << false;
    QTest::newRow("Evergreen inactive") << evg(EvgStatus::Inactive) << false;
    QTest::newRow("Evergreen pending") << evg(EvgStatus::Pending) << false;
    QTest::newRow("Evergreen will run") << evg(EvgStatus::WillRun) << false;
    QTest::newRow("Evergreen dispatched") << evg(EvgStatus::Dispatched) << false;
    QTest::newRow("Evergreen started") << evg(EvgStatus::Started) << false;
    QTest::newRow("Evergreen aborting") << evg(EvgStatus::Aborting) << false;
    QTest::newRow("Evergreen success") << evg(EvgStatus::Success) << false;
    QTest::newRow("Evergreen aborted") << evg(EvgStatus::Aborted) << false;
    QTest::newRow("Evergreen blocked") << evg(EvgStatus::Blocked) << false;
    QTest::newRow("Marathon scheduled") << mar(MarStatus::Scheduled) << false;
    QTest::newRow("Marathon staging") << mar(MarStatus::Staging) << false;
    QTest::newRow("Marathon starting") << mar(MarStatus::Starting) << false;
    QTest::newRow("Marathon running") << mar(MarStatus::Running) << false;
    QTest::newRow("Marathon killing") << mar(MarStatus::Killing) << false;
    QTest::newRow("Marathon finished") << mar(MarStatus::Finished) << false;
    QTest::newRow("Marathon killed") << mar(MarStatus::Killed) << false;
}

void TestTaskFilter::problemsOnly()
{
    QFETCH(Status, status);
    QFETCH(bool, kept);

    const Task task = makeTask("t-1", StatusTaxonomy::system(status) == MarathonSystem::id()
                                          ? MarathonSystem::id()
                                          : EvergreenSystem::id(),
                               status, u"g");
    TaskFilter filter;
    QVERIFY(filter.accepts(task));
    QVERIFY(filter.setProblemsOnly(true));
    QCOMPARE(filter.accepts(task), kept);
    QVERIFY(filter.setProblemsOnly(false));
    QVERIFY(filter.accepts(task));
}

void TestTaskFilter::problemsOnlyWithOtherFacets()
{
    TaskFilter filter;
    QVERIFY(filter.setProblemsOnly(true));
    QCOMPARE(accepted(filter), ids(u"m-fail m-unreach m-error e-fail e-sys e-known"));
    QVERIFY(filter.setSource(MarathonSystem::id()));
    QCOMPARE(accepted(filter), ids(u"m-fail m-unreach m-error"));
    QVERIFY(filter.setStage(Stage::InProgress));
    QCOMPARE(accepted(filter), ids(u"m-unreach"));
    QVERIFY(filter.setQuery(query(u"web"_s)));
    QCOMPARE(accepted(filter), QStringList());
}

void TestTaskFilter::settersReportChange()
{
    TaskFilter filter;

    QCOMPARE(filter.setStage(std::nullopt), false);
    QCOMPARE(filter.setStage(Stage::Finished), true);
    QCOMPARE(filter.setStage(Stage::Finished), false);
    QCOMPARE(filter.setStage(Stage::Scheduled), true);
    QCOMPARE(filter.stage(), std::optional<Stage>(Stage::Scheduled));
    QCOMPARE(filter.setStage(std::nullopt), true);
    QCOMPARE(filter.setStage(std::nullopt), false);

    // FailureKind::None is a value of its own, not "no facet".
    QCOMPARE(filter.setKind(std::nullopt), false);
    QCOMPARE(filter.setKind(FailureKind::None), true);
    QCOMPARE(filter.setKind(FailureKind::None), false);
    QCOMPARE(filter.setKind(FailureKind::System), true);
    QCOMPARE(filter.kind(), std::optional<FailureKind>(FailureKind::System));
    QCOMPARE(filter.setKind(std::nullopt), true);

    QCOMPARE(filter.setStatuses(0), false);
    QCOMPARE(filter.setStatuses(bit(mar(MarStatus::Failed))), true);
    QCOMPARE(filter.setStatuses(bit(mar(MarStatus::Failed))), false);
    QCOMPARE(filter.setStatuses(bit(mar(MarStatus::Failed)) | bit(evg(EvgStatus::Failed))), true);
    QCOMPARE(filter.statuses(), bit(mar(MarStatus::Failed)) | bit(evg(EvgStatus::Failed)));
    QCOMPARE(filter.setStatuses(0), true);

    // Demo is enum value 0: still a facet, distinct from "any source".
    QCOMPARE(filter.setSource(std::nullopt), false);
    QCOMPARE(filter.setSource(NoSystem), true);
    QCOMPARE(filter.setSource(NoSystem), false);
    QCOMPARE(filter.setSource(EvergreenSystem::id()), true);
    QCOMPARE(filter.setSource(std::nullopt), true);

    QCOMPARE(filter.setGroup(std::nullopt), false);
    QCOMPARE(filter.setGroup(InternedString(u"/prod/web"_s)), true);
    QCOMPARE(filter.setGroup(InternedString(u"/prod/web"_s)), false);
    QCOMPARE(filter.setGroup(InternedString(u"/prod/db"_s)), true);
    QCOMPARE(filter.group(), std::optional<InternedString>(InternedString(u"/prod/db"_s)));
    QCOMPARE(filter.setGroup(std::nullopt), true);

    QCOMPARE(filter.setProblemsOnly(false), false);
    QCOMPARE(filter.setProblemsOnly(true), true);
    QCOMPARE(filter.setProblemsOnly(true), false);
    QCOMPARE(filter.setProblemsOnly(false), true);

    QVERIFY(filter.isEmpty());
}

void TestTaskFilter::setQueryReportsChange()
{
    TaskFilter filter;
    QCOMPARE(filter.setQuery(TaskQuery()), false);
    QCOMPARE(filter.setQuery(query(u"web"_s)), true);
    // Another parse of the same text is the same query.
    QCOMPARE(filter.setQuery(query(u"web"_s)), false);
    QCOMPARE(filter.setQuery(query(u"web -status:failed"_s)), true);
    QCOMPARE(filter.query().text(), u"web -status:failed"_s);
    QCOMPARE(filter.setQuery(TaskQuery()), true);
    QVERIFY(filter.query().isEmpty());
    QCOMPARE(filter.setQuery(TaskQuery()), false);
    // A bad query parses to the empty query: nothing changes on an empty filter.
    QCOMPARE(filter.setQuery(TaskQuery::parse(u"bogus:1"_s, nullptr)), false);
}

void TestTaskFilter::clearFacetsKeepsQuery()
{
    TaskFilter filter;
    QVERIFY(filter.setQuery(query(u"web"_s)));
    QCOMPARE(filter.clearFacets(), false); // nothing to clear
    QCOMPARE(filter.query().text(), u"web"_s);

    QVERIFY(filter.setStage(Stage::InProgress));
    QVERIFY(filter.setKind(FailureKind::None));
    QVERIFY(filter.setStatuses(bit(mar(MarStatus::Running))));
    QVERIFY(filter.setSource(MarathonSystem::id()));
    QVERIFY(filter.setGroup(InternedString(u"/prod/web"_s)));
    QVERIFY(filter.setProblemsOnly(true));
    QCOMPARE(accepted(filter), QStringList());

    QCOMPARE(filter.clearFacets(), true);
    QVERIFY(!filter.stage());
    QVERIFY(!filter.kind());
    QCOMPARE(filter.statuses(), quint64(0));
    QVERIFY(!filter.source());
    QVERIFY(!filter.group());
    QVERIFY(!filter.problemsOnly());
    QCOMPARE(filter.query().text(), u"web"_s);
    QVERIFY(!filter.isEmpty());
    // The query still filters.
    QCOMPARE(accepted(filter), ids(u"m-run m-fail m-stage d-run"));
    QCOMPARE(filter.clearFacets(), false);

    // Each facet alone is enough for clearFacets to report a change.
    TaskFilter one;
    QVERIFY(one.setProblemsOnly(true));
    QCOMPARE(one.clearFacets(), true);
    QVERIFY(one.setGroup(InternedString(u"rhel8"_s)));
    QCOMPARE(one.clearFacets(), true);
    QVERIFY(one.setStatuses(bit(evg(EvgStatus::Failed))));
    QCOMPARE(one.clearFacets(), true);
    QVERIFY(one.isEmpty());
}

void TestTaskFilter::isEmpty()
{
    TaskFilter filter;
    QVERIFY(filter.isEmpty());
    filter.setQuery(query(u"   "_s)); // a blank query filters nothing
    QVERIFY(filter.isEmpty());

    QVERIFY(filter.setStage(Stage::Finished));
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.setStage(std::nullopt));
    QVERIFY(filter.isEmpty());

    QVERIFY(filter.setKind(FailureKind::None));
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.setKind(std::nullopt));

    QVERIFY(filter.setStatuses(bit(evg(EvgStatus::Success))));
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.setStatuses(0));

    QVERIFY(filter.setSource(NoSystem));
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.setSource(std::nullopt));

    QVERIFY(filter.setGroup(InternedString()));
    QVERIFY(!filter.isEmpty()); // "the group with no name" is still a facet
    QVERIFY(filter.setGroup(std::nullopt));

    QVERIFY(filter.setProblemsOnly(true));
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.setProblemsOnly(false));

    QVERIFY(filter.setQuery(query(u"status:failed"_s)));
    QVERIFY(!filter.isEmpty());
    QVERIFY(filter.setQuery(TaskQuery()));
    QVERIFY(filter.isEmpty());
}

QTEST_GUILESS_MAIN(TestTaskFilter)
#include "tst_taskfilter.moc"
