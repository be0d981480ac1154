// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "domain/internpool.h"
#include "domain/task.h"
#include "itemmodels/taskquery.h"

#include <QObject>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <vector>

Q_DECLARE_METATYPE(Status)

using namespace Qt::StringLiterals;

// The search language of DESIGN.md §4, checked against a fixed set of tasks of both systems.
// Every expectation below is read off the table in fixture() and the spec, not off the code.
namespace {
struct Fixture
{
    const char16_t *key;
    SystemId source;
    const char16_t *id;
    const char16_t *name;
    const char16_t *group;
    const char16_t *host;
    const char16_t *message;
    Status status;
    const char16_t *native;
    int priority;
};

using S = Status;
const SystemId Mar = MarathonSystem::id();
const SystemId Evg = EvergreenSystem::id();
const SystemId Demo = NoSystem;

// clang-format off
const Fixture fixtures[] = {
    // key         source id                                  name              group                host           message                          status                 native                   priority
    {u"mRun",     Mar,  u"web.1a2b",                         u"web",           u"/prod/web",        u"agent-1.dc1", u"",                             mar(MarStatus::Running),         u"TASK_RUNNING",          0},
    {u"mFail",    Mar,  u"web.3c4d",                         u"web",           u"/prod/web",        u"agent-2.dc1", u"Command exited with code 1",   mar(MarStatus::Failed),          u"TASK_FAILED",           0},
    {u"mLost",    Mar,  u"db.5e6f",                          u"db",            u"/prod/db",         u"agent-3.dc2", u"Agent disconnected",           mar(MarStatus::Unreachable),     u"TASK_LOST",             0},
    {u"mStage",   Mar,  u"cache.7a8b",                       u"cache",         u"/staging/cache",   u"agent-4.dc2", u"",                             mar(MarStatus::Staging),         u"TASK_STAGING",          0},
    {u"mError",   Mar,  u"api.9c0d",                         u"api",           u"/prod/api",        u"agent-1.dc1", u"Invalid container image",      mar(MarStatus::Error),           u"TASK_ERROR",            0},
    {u"mKilled",  Mar,  u"webhook.e1f2",                     u"webhook",       u"/tools/webhook",   u"agent-5.dc1", u"",                             mar(MarStatus::Killed),          u"TASK_KILLED",           0},
    {u"mUnicode", Mar,  u"über-dienst.0001",                 u"über-dienst",   u"/intl/über-dienst", u"agent-6.dc3", u"",                            mar(MarStatus::Finished),        u"TASK_FINISHED",         0},
    {u"eOk",      Evg,  u"mongo_ubuntu2204_compile_a1",      u"compile",       u"ubuntu2204",       u"ip-10-0-0-1", u"",                             evg(EvgStatus::Success),         u"success",              10},
    {u"eFail",    Evg,  u"mongo_rhel8_jstestfuzz_b2",        u"jstestfuzz",    u"rhel8",            u"ip-10-0-0-2", u"disk full on /data",           evg(EvgStatus::Failed),          u"failed",               60},
    {u"eSys",     Evg,  u"mongo_windows_sharding_c3",        u"sharding",      u"windows",          u"win-7",       u"Disk Full while writing logs", evg(EvgStatus::SystemFailed),    u"system-failed",        80},
    {u"eSetup",   Evg,  u"mongo_macos_lint_d4",              u"lint",          u"macos",            u"",            u"setup group failed",           evg(EvgStatus::SetupFailed),     u"setup-failed",         50},
    {u"eKnown",   Evg,  u"mongo_rhel8_agg_e5",               u"aggregation",   u"rhel8",            u"ip-10-0-0-5", u"known flaky test",             evg(EvgStatus::KnownIssue),      u"known-issue",         100},
    {u"eParked",  Evg,  u"mongo_rhel8_perf_f6",              u"perf",          u"rhel8",            u"",            u"",                             evg(EvgStatus::Unscheduled),     u"unscheduled",          -1},
    {u"eWill",    Evg,  u"mongo_ubuntu2204_unit_g7",         u"unittests",     u"ubuntu2204",       u"",            u"",                             evg(EvgStatus::WillRun),         u"will-run",             20},
    {u"eRun",     Evg,  u"mongo_amazon2_integ_h8",           u"integration",   u"amazon2",          u"ip-10-0-0-8", u"",                             evg(EvgStatus::Started),         u"started",              30},
    {u"eTimeout", Evg,  u"mongo_debian12_noPassthrough_i9",  u"noPassthrough", u"debian12",         u"ip-10-0-0-9", u"exec timeout",                 evg(EvgStatus::TaskTimedOut),    u"task-timed-out",       40},
    {u"dGone",    Demo, u"demo-9",                           u"batch",         u"/demo/batch",      u"demo-agent",  u"Killed by operator",           mar(MarStatus::Gone),            u"TASK_GONE_BY_OPERATOR", 0},
};
// clang-format on

InternedString interned(const char16_t *text)
{
    return InternedString(QStringView(text));
}

Task makeTask(const Fixture &f)
{
    Task task;
    task.id = QStringView(f.id).toUtf8();
    task.source = f.source;
    task.name = interned(f.name);
    task.group = interned(f.group);
    task.host = interned(f.host);
    task.message = interned(f.message);
    task.status = f.status;
    task.nativeStatus = interned(f.native);
    task.priority = f.priority;
    return task;
}

QStringList allKeys()
{
    QStringList keys;
    for (const Fixture &f : fixtures)
        keys.append(QString::fromUtf16(f.key));
    keys.sort();
    return keys;
}

// "mRun mFail" -> sorted list of fixture keys; every key must exist.
QStringList keys(QStringView spaced)
{
    QStringList result;
    for (QStringView part : spaced.split(u' ', Qt::SkipEmptyParts))
        result.append(part.toString());
    result.sort();
    return result;
}

QStringList allBut(QStringView spaced)
{
    QStringList result = allKeys();
    for (const QString &key : keys(spaced))
        result.removeOne(key);
    return result;
}

// Keys of the fixture tasks whose failure kind is any failure.
const char16_t *const anyFailure = u"mFail eFail eKnown eTimeout mLost eSys dGone mError eSetup";
const char16_t *const noFailure = u"mRun mStage mKilled mUnicode eOk eParked eWill eRun";
const char16_t *const finished = u"mFail mError mKilled mUnicode eOk eFail eSys eSetup eKnown eTimeout dGone";
const char16_t *const marathonKeys = u"mRun mFail mLost mStage mError mKilled mUnicode";
const char16_t *const evergreenKeys = u"eOk eFail eSys eSetup eKnown eParked eWill eRun eTimeout";
const char16_t *const zeroPriority = u"mRun mFail mLost mStage mError mKilled mUnicode dGone";
} // namespace

class TestTaskQuery final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void matching_data();
    void matching();
    void statusVocabulary_data();
    void statusVocabulary();
    void malformed_data();
    void malformed();
    void emptyQueryMatchesEverything();
    void goodParseClearsStaleError();
    void parseWithoutErrorSink();
    void fieldNamesListTheQualifiers();
    void queryIsReusableAcrossNewStrings();
    void aCompactionVoidsTheMemo();

private:
    std::vector<std::pair<QString, Task>> m_tasks;
};

void TestTaskQuery::initTestCase()
{
    for (const Fixture &f : fixtures)
        m_tasks.emplace_back(QString::fromUtf16(f.key), makeTask(f));
    // Guard the fixture itself: the expectations below assume these facts.
    QCOMPARE(m_tasks.size(), size_t(17));
    QCOMPARE(allKeys().size(), 17);
    QCOMPARE(keys(anyFailure).size() + keys(noFailure).size(), 17);
}

void TestTaskQuery::matching_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    // Free words: id, name, group, host, message; nothing else.
    QTest::newRow("free word: id only") << u"3c4d"_s << keys(u"mFail");
    QTest::newRow("free word: name only") << u"aggregation"_s << keys(u"eKnown");
    QTest::newRow("free word: group only") << u"staging"_s << keys(u"mStage");
    QTest::newRow("free word: host only") << u"dc2"_s << keys(u"mLost mStage");
    QTest::newRow("free word: message only") << u"container"_s << keys(u"mError");
    QTest::newRow("free word: message, not native status") << u"killed"_s << keys(u"dGone");
    QTest::newRow("free word: several fields") << u"web"_s << keys(u"mRun mFail mKilled");
    QTest::newRow("free word: upper case") << u"WEB"_s << keys(u"mRun mFail mKilled");
    QTest::newRow("free word: mixed case vs mixed case") << u"dIsK"_s << keys(u"eFail eSys");
    QTest::newRow("free word: no match") << u"zebra"_s << QStringList();
    QTest::newRow("free word: negated") << u"-rhel8"_s << allBut(u"eFail eKnown eParked");
    QTest::newRow("free word: comma is OR") << u"container,dc2"_s << keys(u"mError mLost mStage");
    QTest::newRow("free word: negated OR") << u"-web,api"_s << allBut(u"mRun mFail mKilled mError");
    QTest::newRow("free words: ANDed") << u"agent dc1"_s << keys(u"mRun mFail mError mKilled");
    QTest::newRow("free words: AND with negation") << u"rhel8 -aggregation"_s << keys(u"eFail eParked");
    QTest::newRow("free words: unquoted are separate terms") << u"full on"_s << keys(u"eFail eSys");
    QTest::newRow("quoted phrase") << u"\"full on\""_s << keys(u"eFail");
    QTest::newRow("quoted phrase, case-insensitive") << u"\"DISK FULL\""_s << keys(u"eFail eSys");
    QTest::newRow("quoted phrase negated") << u"-\"disk full\""_s << allBut(u"eFail eSys");
    QTest::newRow("quoted phrase OR word") << u"\"full on\",container"_s << keys(u"eFail mError");
    QTest::newRow("quoted phrase in message") << u"\"exec timeout\""_s << keys(u"eTimeout");
    QTest::newRow("quoted text with a colon is not a qualifier") << u"\"status:failed\""_s << QStringList();

    // Non-ASCII.
    QTest::newRow("non-ASCII free word") << u"über"_s << keys(u"mUnicode");
    QTest::newRow("non-ASCII free word, upper case") << u"ÜBER"_s << keys(u"mUnicode");
    QTest::newRow("non-ASCII free word hits the id") << u"über-dienst.0001"_s << keys(u"mUnicode");
    QTest::newRow("id: non-ASCII, other case") << u"id:Über-Dienst.0001"_s << keys(u"mUnicode");
    QTest::newRow("id: ASCII needle in non-ASCII id") << u"id:dienst.0001"_s << keys(u"mUnicode");
    QTest::newRow("group: non-ASCII path") << u"group:/intl/über"_s << keys(u"mUnicode");

    // Text qualifiers restrict the field.
    QTest::newRow("id:") << u"id:3c4d"_s << keys(u"mFail");
    QTest::newRow("id: upper-case needle") << u"id:WEB.1A2B"_s << keys(u"mRun");
    QTest::newRow("id: prefix") << u"id:web"_s << keys(u"mRun mFail mKilled");
    QTest::newRow("id: does not search the name") << u"id:aggregation"_s << QStringList();
    QTest::newRow("name:") << u"name:aggregation"_s << keys(u"eKnown");
    QTest::newRow("name: substring") << u"name:web"_s << keys(u"mRun mFail mKilled");
    QTest::newRow("name: does not search the id") << u"name:3c4d"_s << QStringList();
    QTest::newRow("group: path prefix") << u"group:/prod"_s << keys(u"mRun mFail mLost mError");
    QTest::newRow("group: /web is a substring") << u"group:/web"_s << keys(u"mRun mFail mKilled");
    QTest::newRow("group: full path") << u"group:/prod/web"_s << keys(u"mRun mFail");
    QTest::newRow("group: negated path") << u"-group:/prod"_s << allBut(u"mRun mFail mLost mError");
    QTest::newRow("group: does not search the host") << u"group:dc1"_s << QStringList();
    QTest::newRow("app: alias") << u"app:/prod/db"_s << keys(u"mLost");
    QTest::newRow("variant: alias") << u"variant:rhel8"_s << keys(u"eFail eKnown eParked");
    QTest::newRow("group: OR") << u"group:/staging,windows"_s << keys(u"mStage eSys");
    QTest::newRow("host:") << u"host:dc1"_s << keys(u"mRun mFail mError mKilled");
    QTest::newRow("host: upper-case field and value") << u"HOST:DC2"_s << keys(u"mLost mStage");
    QTest::newRow("host: dashes") << u"host:ip-10"_s << keys(u"eOk eFail eKnown eRun eTimeout");
    QTest::newRow("message:") << u"message:disk"_s << keys(u"eFail eSys");
    QTest::newRow("msg: alias") << u"msg:disk"_s << keys(u"eFail eSys");
    QTest::newRow("message: not the status") << u"message:failed"_s << keys(u"eSetup");
    QTest::newRow("message: not the host") << u"message:agent"_s << keys(u"mLost");
    QTest::newRow("message: quoted") << u"message:\"with code\""_s << keys(u"mFail");
    QTest::newRow("message: quoted, negated") << u"-message:\"disk full\""_s << allBut(u"eFail eSys");

    // status: by key, by label, by native status; labels shared across systems.
    QTest::newRow("status: failed = both Failed labels") << u"status:failed"_s << keys(u"mFail eFail");
    QTest::newRow("status: case-insensitive value") << u"status:FAILED"_s << keys(u"mFail eFail");
    QTest::newRow("status: upper-case field") << u"STATUS:failed"_s << keys(u"mFail eFail");
    QTest::newRow("state: alias") << u"state:failed"_s << keys(u"mFail eFail");
    QTest::newRow("status: Mesos key") << u"status:TASK_FAILED"_s << keys(u"mFail");
    QTest::newRow("status: native TASK_LOST") << u"status:TASK_LOST"_s << keys(u"mLost");
    QTest::newRow("status: native task_lost lower case") << u"status:task_lost"_s << keys(u"mLost");
    QTest::newRow("status: native TASK_GONE_BY_OPERATOR") << u"status:TASK_GONE_BY_OPERATOR"_s << keys(u"dGone");
    QTest::newRow("status: TASK_UNREACHABLE covers resolved LOST") << u"status:TASK_UNREACHABLE"_s << keys(u"mLost");
    QTest::newRow("status: label Unreachable") << u"status:unreachable"_s << keys(u"mLost");
    QTest::newRow("status: Running label of both systems") << u"status:running"_s << keys(u"mRun eRun");
    QTest::newRow("status: TASK_RUNNING is Marathon only") << u"status:TASK_RUNNING"_s << keys(u"mRun");
    QTest::newRow("status: Evergreen key started") << u"status:started"_s << keys(u"eRun");
    QTest::newRow("status: key with dash") << u"status:system-failed"_s << keys(u"eSys");
    QTest::newRow("status: key with underscore") << u"status:system_failed"_s << keys(u"eSys");
    QTest::newRow("status: quoted label") << u"status:\"System Failed\""_s << keys(u"eSys");
    QTest::newRow("status: will-run") << u"status:will-run"_s << keys(u"eWill");
    QTest::newRow("status: \"Will Run\"") << u"status:\"Will Run\""_s << keys(u"eWill");
    QTest::newRow("status: unscheduled") << u"status:unscheduled"_s << keys(u"eParked");
    QTest::newRow("status: known-issue") << u"status:known-issue"_s << keys(u"eKnown");
    QTest::newRow("status: \"known issue\"") << u"status:\"known issue\""_s << keys(u"eKnown");
    QTest::newRow("status: \"task timed out\"") << u"status:\"task timed out\""_s << keys(u"eTimeout");
    QTest::newRow("status: success key") << u"status:success"_s << keys(u"eOk");
    QTest::newRow("status: Succeeded label") << u"status:succeeded"_s << keys(u"eOk");
    QTest::newRow("status: Finished label") << u"status:finished"_s << keys(u"mUnicode");
    QTest::newRow("status: Gone label") << u"status:gone"_s << keys(u"dGone");
    QTest::newRow("status: Error label") << u"status:error"_s << keys(u"mError");
    QTest::newRow("status: Staging label") << u"status:staging"_s << keys(u"mStage");
    QTest::newRow("status: Killed label") << u"status:killed"_s << keys(u"mKilled");
    QTest::newRow("status: quoted key") << u"status:\"failed\""_s << keys(u"mFail eFail");
    QTest::newRow("status: OR") << u"status:failed,system-failed"_s << keys(u"mFail eFail eSys");
    QTest::newRow("status: negated") << u"-status:failed"_s << allBut(u"mFail eFail");

    // stage: and its aliases.
    QTest::newRow("stage: scheduled") << u"stage:scheduled"_s << keys(u"mStage eParked eWill");
    QTest::newRow("stage: queued") << u"stage:queued"_s << keys(u"mStage eParked eWill");
    QTest::newRow("stage: in-progress") << u"stage:in-progress"_s << keys(u"mRun mLost eRun");
    QTest::newRow("stage: in_progress") << u"stage:in_progress"_s << keys(u"mRun mLost eRun");
    QTest::newRow("stage: \"in progress\"") << u"stage:\"In Progress\""_s << keys(u"mRun mLost eRun");
    QTest::newRow("stage: inprogress") << u"stage:inprogress"_s << keys(u"mRun mLost eRun");
    QTest::newRow("stage: running") << u"stage:running"_s << keys(u"mRun mLost eRun");
    QTest::newRow("stage: active") << u"stage:active"_s << keys(u"mRun mLost eRun");
    QTest::newRow("stage: finished") << u"stage:finished"_s << keys(finished);
    QTest::newRow("stage: done") << u"stage:DONE"_s << keys(finished);
    QTest::newRow("stage: OR") << u"stage:scheduled,in-progress"_s << allBut(finished);
    QTest::newRow("stage: negated") << u"-stage:finished"_s << allBut(finished);

    // kind: and its aliases.
    QTest::newRow("kind: test (includes known issues)") << u"kind:test"_s << keys(u"mFail eFail eKnown eTimeout");
    QTest::newRow("kind: system (includes Unreachable)") << u"kind:system"_s << keys(u"mLost eSys dGone");
    QTest::newRow("kind: setup") << u"kind:setup"_s << keys(u"mError eSetup");
    QTest::newRow("kind: SETUP upper case") << u"kind:SETUP"_s << keys(u"mError eSetup");
    QTest::newRow("kind: known") << u"kind:known"_s << keys(u"eKnown");
    QTest::newRow("kind: known-issue") << u"kind:known-issue"_s << keys(u"eKnown");
    QTest::newRow("kind: any") << u"kind:any"_s << keys(anyFailure);
    QTest::newRow("kind: none") << u"kind:none"_s << keys(noFailure);
    QTest::newRow("failure: alias") << u"failure:system"_s << keys(u"mLost eSys dGone");
    QTest::newRow("kind: OR") << u"kind:test,setup"_s << keys(u"mFail eFail eKnown eTimeout mError eSetup");
    QTest::newRow("kind: negated OR") << u"-kind:known,none"_s << keys(u"mFail eFail eTimeout mLost eSys dGone mError eSetup");

    // is: (documented in the header).
    QTest::newRow("is: problem") << u"is:problem"_s << keys(anyFailure);
    QTest::newRow("is: parked") << u"is:parked"_s << keys(u"eParked");

    // source:
    QTest::newRow("source: marathon") << u"source:marathon"_s << keys(marathonKeys);
    QTest::newRow("source: EVERGREEN") << u"source:EVERGREEN"_s << keys(evergreenKeys);
    // A task no system has claimed yet matches no source.
    QTest::newRow("source: OR") << u"source:marathon,evergreen"_s << allBut(u"dGone");
    QTest::newRow("source: negated") << u"-source:marathon"_s << allBut(marathonKeys);

    // priority: priorities are 10 60 80 50 100 -1 20 30 40 (Evergreen) and 0 elsewhere.
    QTest::newRow("priority: >50") << u"priority:>50"_s << keys(u"eFail eSys eKnown");
    QTest::newRow("prio: alias") << u"prio:>50"_s << keys(u"eFail eSys eKnown");
    QTest::newRow("priority: >=50") << u"priority:>=50"_s << keys(u"eFail eSys eKnown eSetup");
    QTest::newRow("priority: <0") << u"priority:<0"_s << keys(u"eParked");
    QTest::newRow("priority: <=0") << u"priority:<=0"_s << keys(u"eParked") + keys(zeroPriority);
    QTest::newRow("priority: <10") << u"priority:<10"_s << keys(u"eParked") + keys(zeroPriority);
    QTest::newRow("priority: =10") << u"priority:=10"_s << keys(u"eOk");
    QTest::newRow("priority: 10") << u"priority:10"_s << keys(u"eOk");
    QTest::newRow("priority: 100") << u"priority:100"_s << keys(u"eKnown");
    QTest::newRow("priority: 10..50 inclusive") << u"priority:10..50"_s << keys(u"eOk eWill eRun eTimeout eSetup");
    QTest::newRow("priority: -1") << u"priority:-1"_s << keys(u"eParked");
    QTest::newRow("priority: -5..0") << u"priority:-5..0"_s << keys(u"eParked") + keys(zeroPriority);
    QTest::newRow("priority: OR") << u"priority:10,20"_s << keys(u"eOk eWill");
    QTest::newRow("priority: negated") << u"-priority:>50"_s << allBut(u"eFail eSys eKnown");

    // Terms are ANDed.
    QTest::newRow("DESIGN example")
        << u"status:failed,system-failed -group:/web priority:>50 \"disk full\""_s
        << keys(u"eFail eSys");
    QTest::newRow("DESIGN example, tighter priority")
        << u"status:failed,system-failed -group:/web priority:>70 \"disk full\""_s << keys(u"eSys");
    QTest::newRow("DESIGN example without the group term keeps no Marathon task")
        << u"status:failed,system-failed priority:>50"_s << keys(u"eFail eSys");
    QTest::newRow("source, kind and priority") << u"source:evergreen kind:test priority:>=60"_s << keys(u"eFail eKnown");
    QTest::newRow("stage, negated kind and host") << u"stage:finished -kind:none host:dc1"_s << keys(u"mFail mError");
    QTest::newRow("word and negated status") << u"web -status:failed"_s << keys(u"mRun mKilled");
    QTest::newRow("status and source") << u"status:running source:evergreen"_s << keys(u"eRun");
    QTest::newRow("extra spaces between terms") << u"   web    -status:failed   "_s << keys(u"mRun mKilled");
    QTest::newRow("contradiction") << u"source:marathon source:evergreen"_s << QStringList();
}

void TestTaskQuery::matching()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    expected.sort();

    TaskQuery::Error error;
    const TaskQuery parsed = TaskQuery::parse(query, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(error.position, -1);
    QCOMPARE(parsed.text(), query);

    QStringList matched;
    for (const auto &[key, task] : m_tasks) {
        if (parsed.matches(task))
            matched.append(key);
    }
    matched.sort();
    QCOMPARE(matched, expected);

    // Matching twice (memoised per interned string) gives the same answer.
    QStringList again;
    for (const auto &[key, task] : m_tasks) {
        if (parsed.matches(task))
            again.append(key);
    }
    again.sort();
    QCOMPARE(again, expected);
}

// One task of each status against the closed vocabularies: keys, labels shared by two
// statuses, the label with an ellipsis, native Mesos names.
void TestTaskQuery::statusVocabulary_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("native");
    QTest::addColumn<bool>("expected");

    QTest::newRow("aborting key") << u"status:aborting"_s << evg(EvgStatus::Aborting) << u"started"_s << true;
    QTest::newRow("Aborting… label") << u"status:\"Aborting…\""_s << evg(EvgStatus::Aborting) << u"started"_s << true;
    QTest::newRow("aborting is not aborted") << u"status:aborted"_s << evg(EvgStatus::Aborting) << u"started"_s << false;
    QTest::newRow("Task Timed Out label covers test-timed-out") << u"status:\"task timed out\""_s << evg(EvgStatus::TestTimedOut) << u"test-timed-out"_s << true;
    QTest::newRow("test-timed-out key is not task-timed-out") << u"status:test-timed-out"_s << evg(EvgStatus::TaskTimedOut) << u"task-timed-out"_s << false;
    QTest::newRow("Unscheduled label covers inactive") << u"status:unscheduled"_s << evg(EvgStatus::Inactive) << u"inactive"_s << true;
    QTest::newRow("inactive key is not unscheduled") << u"status:inactive"_s << evg(EvgStatus::Unscheduled) << u"unscheduled"_s << false;
    QTest::newRow("System Unresponsive label") << u"status:\"System Unresponsive\""_s << evg(EvgStatus::SystemUnresponsive) << u"system-unresponsive"_s << true;
    QTest::newRow("blocked") << u"status:blocked"_s << evg(EvgStatus::Blocked) << u"blocked"_s << true;
    QTest::newRow("Unknown label") << u"status:unknown"_s << mar(MarStatus::Unknown) << u"TASK_UNKNOWN"_s << true;
    QTest::newRow("TASK_KILLING") << u"status:TASK_KILLING"_s << mar(MarStatus::Killing) << u"TASK_KILLING"_s << true;
    QTest::newRow("Killing label") << u"status:killing"_s << mar(MarStatus::Killing) << u"TASK_KILLING"_s << true;
    QTest::newRow("TASK_LOST resolved to Gone") << u"status:TASK_LOST"_s << mar(MarStatus::Gone) << u"TASK_LOST"_s << true;
    QTest::newRow("TASK_LOST is not any Gone task") << u"status:TASK_LOST"_s << mar(MarStatus::Gone) << u"TASK_GONE"_s << false;
    QTest::newRow("TASK_GONE covers GONE_BY_OPERATOR") << u"status:TASK_GONE"_s << mar(MarStatus::Gone) << u"TASK_GONE_BY_OPERATOR"_s << true;
    QTest::newRow("TASK_FAILED is not Evergreen failed") << u"status:TASK_FAILED"_s << evg(EvgStatus::Failed) << u"failed"_s << false;
    QTest::newRow("dispatched is scheduled") << u"stage:scheduled"_s << evg(EvgStatus::Dispatched) << u"dispatched"_s << true;
    QTest::newRow("aborting is in progress") << u"stage:in-progress"_s << evg(EvgStatus::Aborting) << u"started"_s << true;
    QTest::newRow("blocked is finished") << u"stage:finished"_s << evg(EvgStatus::Blocked) << u"blocked"_s << true;
    QTest::newRow("dropped is a system failure") << u"kind:system"_s << mar(MarStatus::Dropped) << u"TASK_DROPPED"_s << true;
    QTest::newRow("unknown is a system failure") << u"kind:system"_s << mar(MarStatus::Unknown) << u"TASK_UNKNOWN"_s << true;
    QTest::newRow("timeout is a test failure") << u"kind:test"_s << evg(EvgStatus::TestTimedOut) << u"test-timed-out"_s << true;
    QTest::newRow("plain failure is not known") << u"kind:known"_s << evg(EvgStatus::Failed) << u"failed"_s << false;
    QTest::newRow("aborted is no failure") << u"kind:none"_s << evg(EvgStatus::Aborted) << u"aborted"_s << true;
    QTest::newRow("inactive is parked") << u"is:parked"_s << evg(EvgStatus::Inactive) << u"inactive"_s << true;
    QTest::newRow("pending is not parked") << u"is:parked"_s << evg(EvgStatus::Pending) << u"pending"_s << false;
}

void TestTaskQuery::statusVocabulary()
{
    QFETCH(QString, query);
    QFETCH(Status, status);
    QFETCH(QString, native);
    QFETCH(bool, expected);

    TaskQuery::Error error;
    const TaskQuery parsed = TaskQuery::parse(query, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    Task task;
    task.id = "vocabulary-1";
    task.status = status;
    task.source = StatusTaxonomy::system(status) == MarathonSystem::id() ? MarathonSystem::id()
                                                                         : EvergreenSystem::id();
    task.nativeStatus = InternedString(native);
    QCOMPARE(parsed.matches(task), expected);
}

void TestTaskQuery::malformed_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");
    QTest::addColumn<QStringList>("mentions"); // the message must name these

    QTest::newRow("unknown field") << u"foo:bar"_s << 0 << 4 << QStringList{u"foo"_s};
    QTest::newRow("unknown field after a word") << u"web bogus:1"_s << 4 << 6 << QStringList{u"bogus"_s};
    QTest::newRow("position counts QChars (surrogate pair)") << u"\U0001F600 bogus:1"_s << 3 << 6 << QStringList{u"bogus"_s};
    QTest::newRow("unknown field negated") << u"-bogus:x"_s << 1 << 6 << QStringList{u"bogus"_s};
    QTest::newRow("unknown status, suggestion")
        << u"status:faild"_s << 7 << 5 << QStringList{u"faild"_s, u"Did you mean"_s, u"failed"_s};
    QTest::newRow("unknown status in a list, suggestion")
        << u"status:failed,runing"_s << 14 << 6
        << QStringList{u"runing"_s, u"Did you mean"_s, u"running"_s};
    QTest::newRow("unknown stage") << u"stage:later"_s << 6 << 5 << QStringList{u"later"_s};
    QTest::newRow("unknown stage in a later term")
        << u"status:failed stage:later"_s << 20 << 5 << QStringList{u"later"_s};
    QTest::newRow("unknown kind") << u"kind:flaky"_s << 5 << 5 << QStringList{u"flaky"_s};
    QTest::newRow("unknown source") << u"source:jenkins"_s << 7 << 7 << QStringList{u"jenkins"_s};
    QTest::newRow("unknown is:") << u"is:broken"_s << 3 << 6 << QStringList{u"broken"_s};
    QTest::newRow("empty value after colon") << u"status:"_s << 0 << 7 << QStringList{u"status"_s};
    QTest::newRow("empty value after colon, later term") << u"web status:"_s << 4 << 7 << QStringList{u"status"_s};
    QTest::newRow("empty value, space after colon") << u"group: web"_s << 0 << 6 << QStringList{u"group"_s};
    QTest::newRow("empty value, negated") << u"-host:"_s << 1 << 5 << QStringList{u"host"_s};
    QTest::newRow("unterminated quote") << u"web \"disk full"_s << 4 << 10 << QStringList();
    QTest::newRow("unterminated quote alone") << u"\"unclosed"_s << 0 << 9 << QStringList();
    QTest::newRow("unterminated quote in a value") << u"message:\"disk"_s << 8 << 5 << QStringList();
    QTest::newRow("trailing comma") << u"status:failed,"_s << 13 << 1 << QStringList();
    QTest::newRow("trailing comma before a term") << u"web, api"_s << 3 << 1 << QStringList();
    QTest::newRow("lone dash") << u"-"_s << 0 << 1 << QStringList();
    QTest::newRow("lone dash between words") << u"web - api"_s << 4 << 1 << QStringList();
    QTest::newRow("lone dash at the end") << u"web -"_s << 4 << 1 << QStringList();
    QTest::newRow("priority: >abc") << u"priority:>abc"_s << 9 << 4 << QStringList{u">abc"_s};
    QTest::newRow("priority: reversed range") << u"priority:5..1"_s << 9 << 4 << QStringList{u"5..1"_s};
    QTest::newRow("priority: word") << u"priority:abc"_s << 9 << 3 << QStringList{u"abc"_s};
    QTest::newRow("priority: open range") << u"priority:10.."_s << 9 << 4 << QStringList{u"10.."_s};
    QTest::newRow("priority: bad second value")
        << u"web priority:10,>x"_s << 16 << 2 << QStringList{u">x"_s};
    QTest::newRow("priority: empty") << u"priority:"_s << 0 << 9 << QStringList{u"priority"_s};
}

void TestTaskQuery::malformed()
{
    QFETCH(QString, query);
    QFETCH(int, position);
    QFETCH(int, length);
    QFETCH(QStringList, mentions);

    TaskQuery::Error error;
    const TaskQuery parsed = TaskQuery::parse(query, &error);
    QVERIFY(error.isError());
    QVERIFY(!error.message.trimmed().isEmpty());
    QCOMPARE(error.position, position);
    QCOMPARE(error.length, length);
    QVERIFY(error.position + error.length <= query.size());
    for (const QString &word : mentions)
        QVERIFY2(error.message.contains(word), qPrintable(error.message));

    // A bad query is never half-applied: the result is the empty query.
    QVERIFY(parsed.isEmpty());
    QVERIFY(parsed.text().isEmpty());
}

void TestTaskQuery::emptyQueryMatchesEverything()
{
    for (const QString &text : {QString(), u""_s, u"   "_s, u"\t"_s}) {
        TaskQuery::Error error;
        const TaskQuery query = TaskQuery::parse(text, &error);
        QVERIFY(!error.isError());
        QVERIFY(query.isEmpty());
        for (const auto &[key, task] : m_tasks)
            QVERIFY2(query.matches(task), qPrintable(key));
    }
    const TaskQuery defaulted;
    QVERIFY(defaulted.isEmpty());
    QVERIFY(defaulted.matches(m_tasks.front().second));
}

void TestTaskQuery::goodParseClearsStaleError()
{
    TaskQuery::Error error;
    TaskQuery::parse(u"bogus:1"_s, &error);
    QVERIFY(error.isError());
    const TaskQuery query = TaskQuery::parse(u"web"_s, &error);
    QVERIFY(!error.isError());
    QCOMPARE(error.position, -1);
    QVERIFY(error.message.isEmpty());
    QVERIFY(!query.isEmpty());
}

void TestTaskQuery::parseWithoutErrorSink()
{
    QVERIFY(TaskQuery::parse(u"bogus:1"_s, nullptr).isEmpty());
    const TaskQuery query = TaskQuery::parse(u"status:failed"_s, nullptr);
    QVERIFY(!query.isEmpty());
    QCOMPARE(query.text(), u"status:failed"_s);
}

void TestTaskQuery::fieldNamesListTheQualifiers()
{
    const QStringList names = TaskQuery::fieldNames();
    // DESIGN.md §4 names these qualifiers.
    for (const QString &name : {u"status"_s, u"stage"_s, u"kind"_s, u"source"_s, u"group"_s,
                                u"host"_s, u"priority"_s}) {
        QVERIFY2(names.contains(name), qPrintable(name));
    }
    // Every listed name is accepted by the parser with a sensible value.
    const std::pair<const char16_t *, const char16_t *> samples[] = {
        {u"status", u"failed"}, {u"stage", u"finished"}, {u"kind", u"test"},
        {u"source", u"marathon"},   {u"priority", u">50"},   {u"is", u"problem"},
    };
    for (const QString &name : names) {
        QString value = u"x"_s;
        for (const auto &[field, sample] : samples) {
            if (name == QStringView(field))
                value = QString::fromUtf16(sample);
        }
        TaskQuery::Error error;
        const TaskQuery query = TaskQuery::parse(name + u':' + value, &error);
        QVERIFY2(!error.isError(), qPrintable(name + u": "_s + error.message));
        QVERIFY(!query.isEmpty());
    }
}

void TestTaskQuery::queryIsReusableAcrossNewStrings()
{
    // A query keeps working for tasks whose strings were interned after it was parsed.
    const TaskQuery query = TaskQuery::parse(u"host:late-host"_s, nullptr);
    QVERIFY(!query.isEmpty());
    for (const auto &[key, task] : m_tasks)
        QVERIFY(!query.matches(task));
    Task late = m_tasks.front().second;
    late.host = InternedString(u"brand-new-late-host-7f3a"_s);
    QVERIFY(query.matches(late));
    late.host = InternedString(u"another-unseen-host-99"_s);
    QVERIFY(!query.matches(late));
}

void TestTaskQuery::aCompactionVoidsTheMemo()
{
    // The memo is keyed by interned id, and a compaction gives freed ids to new strings:
    // a memo kept across one would answer for the string that had the id before.
    const TaskQuery query = TaskQuery::parse(u"host:memo-needle"_s, nullptr);
    const auto markFixtures = [this](InternPool::Marks &marks) {
        for (const auto &[key, task] : m_tasks) {
            for (InternedString s : {task.name, task.group, task.host, task.message, task.nativeStatus,
                                     task.reason, task.version, task.scope})
                marks.keep(s);
        }
    };
    // Two compactions free what earlier tests left, so the probe below takes the lowest
    // free id, and gets it back after its string is freed.
    InternPool::compact(markFixtures);
    InternPool::compact(markFixtures);
    Task probe = m_tasks.front().second;
    probe.host = InternedString(u"has-memo-needle-inside"_s);
    const quint32 freedId = probe.host.id();
    QVERIFY(query.matches(probe));
    probe.host = InternedString();
    InternPool::compact(markFixtures);
    InternPool::compact(markFixtures);   // the host string is gone now
    probe.host = InternedString(u"no-needle-at-all"_s);
    QCOMPARE(probe.host.id(), freedId);   // the same id, another string
    QVERIFY(!query.matches(probe));
}

QTEST_GUILESS_MAIN(TestTaskQuery)
#include "tst_taskquery.moc"
