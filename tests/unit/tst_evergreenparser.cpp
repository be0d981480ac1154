// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/evergreen/evergreensystem.h"
#include "backends/evergreen/evergreenparser.h"
#include "domain/isotime.h"

#include <QFile>
#include <QTest>

using EvergreenParser::parseTasks;

namespace {
QByteArray fixture(const char *name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("fixtures/evergreen/") + QString::fromUtf8(name)));
    if (!file.open(QIODevice::ReadOnly))
        qWarning() << "missing fixture" << name;
    return file.readAll();
}

QString field(const Task &task, const QString &label)
{
    if (!task.details)
        return {};
    for (const auto &[name, value] : task.details->fields) {
        if (name == label)
            return value;
    }
    return {};
}

Task single(const QByteArray &json)
{
    const EvergreenParser::TaskList list = parseTasks(json);
    if (!list.error.isEmpty() || list.tasks.size() != 1)
        qWarning() << "unexpected parse:" << list.error << list.problems << list.tasks.size();
    return list.tasks.value(0);
}
} // namespace

class TestEvergreenParser : public QObject
{
    Q_OBJECT

private slots:
    void fullTaskIsMapped()
    {
        const EvergreenParser::TaskList list = parseTasks(fixture("task-full.json"));
        QVERIFY2(list.error.isEmpty(), qPrintable(list.error));
        QCOMPARE(list.tasks.size(), 1);
        QVERIFY(list.problems.isEmpty());
        QVERIFY(list.mismatches.isEmpty());
        const Task &task = list.tasks[0];
        QCOMPARE(task.id, QByteArray("mongodb_mongo_master_enterprise_rhel_80_jsCore_patch_abc123_24_01_01"));
        QCOMPARE(task.source, EvergreenSystem::id());
        QCOMPARE(task.name.toString(), QStringLiteral("jsCore"));
        QCOMPARE(task.group.toString(), QStringLiteral("enterprise-rhel-80-64-bit-dynamic-required"));
        QCOMPARE(task.scope.toString(), QStringLiteral("mongodb_mongo_master_enterprise_rhel_80_patch_abc123"));
        QCOMPARE(task.version.toString(), QStringLiteral("mongodb_mongo_master_abc123"));
        QCOMPARE(task.host.toString(), QStringLiteral("i-0abc123def"));
        QCOMPARE(task.priority, 50);
        QCOMPARE(task.execution, quint16(1));
        QCOMPARE(task.status, evg(EvgStatus::TaskTimedOut));
        QCOMPARE(task.nativeStatus.toString(), QStringLiteral("failed"));
        QCOMPARE(task.message.toString(), QStringLiteral("'shell.exec' timed out"));
        QCOMPARE(task.reason.toString(), QStringLiteral("shell.exec"));
        QCOMPARE(task.commandType, CommandType::Test);
        QCOMPARE(task.timeoutType, TimeoutType::Idle);
        QCOMPARE(task.flags, quint16(TaskFlag::Activated | TaskFlag::TimedOut));
        QCOMPARE(task.createdAt, IsoTime::parse("2024-01-01T00:00:00.000Z"));
        QCOMPARE(task.scheduledAt, IsoTime::parse("2024-01-01T00:01:00.000Z"));
        QCOMPARE(task.startedAt, IsoTime::parse("2024-01-01T00:05:30.000Z"));
        QCOMPARE(task.finishedAt, IsoTime::parse("2024-01-01T00:35:30.000Z"));
        // A finished task entered its status when it finished.
        QCOMPARE(task.updatedAt, task.finishedAt);

        QVERIFY(task.details);
        QCOMPARE(field(task, QStringLiteral("Build variant")), QStringLiteral("! Enterprise RHEL 8.0 (dynamic)"));
        QCOMPARE(field(task, QStringLiteral("Project")), QStringLiteral("mongodb-mongo-master"));
        QCOMPARE(field(task, QStringLiteral("Revision")), QStringLiteral("abc123def456"));
        QCOMPARE(field(task, QStringLiteral("Requester")), QStringLiteral("patch_request"));
        QCOMPARE(field(task, QStringLiteral("Distro")), QStringLiteral("rhel80-medium"));
        QCOMPARE(field(task, QStringLiteral("Activated by")), QStringLiteral("alice"));
        QCOMPARE(field(task, QStringLiteral("Activated at")), QStringLiteral("2024-01-01T00:00:10.000Z"));
        QCOMPARE(field(task, QStringLiteral("Dispatched at")), QStringLiteral("2024-01-01T00:05:00.000Z"));
        QCOMPARE(field(task, QStringLiteral("Ingested at")), QStringLiteral("2024-01-01T00:00:00.500Z"));
        QCOMPARE(field(task, QStringLiteral("Other failing commands")), QStringLiteral("'archive' in 'post'"));
        QCOMPARE(field(task, QStringLiteral("Post-task commands")), QStringLiteral("failed"));
        QCOMPARE(field(task, QStringLiteral("Expected duration")), QStringLiteral("20 min"));
        QCOMPARE(field(task, QStringLiteral("Time taken")), QStringLiteral("30 min"));
        QCOMPARE(field(task, QStringLiteral("Task log")), QStringLiteral("https://evergreen.example/task_log_raw/t/1?type=T"));
        QCOMPARE(field(task, QStringLiteral("All logs")), QStringLiteral("https://evergreen.example/task_log_raw/t/1?type=ALL"));
        QCOMPARE(field(task, QStringLiteral("Display status (server)")), QStringLiteral("task-timed-out"));
        // Empty strings and nulls make no rows.
        QCOMPARE(field(task, QStringLiteral("Task group")), QString());
        QCOMPARE(field(task, QStringLiteral("Aborted by")), QString());
        QCOMPARE(field(task, QStringLiteral("Execution tasks")), QString());
        QCOMPARE(task.details->dependsOn.size(), 2);
        QCOMPARE(task.details->dependsOn[0], (TaskDependency{QStringLiteral("compile_abc123"), QStringLiteral("success")}));
        QCOMPARE(task.details->dependsOn[1], (TaskDependency{QStringLiteral("lint_abc123"), QStringLiteral("*")}));
        QVERIFY(!task.details->annotations.loaded);
    }

    void minimalTaskGetsDefaults()
    {
        const Task task = single(R"({"task_id": "t1", "status": "undispatched"})");
        QCOMPARE(task.id, QByteArray("t1"));
        QCOMPARE(task.source, EvergreenSystem::id());
        QCOMPARE(task.status, evg(EvgStatus::Unscheduled));   // not activated
        QCOMPARE(task.priority, 0);
        QCOMPARE(task.execution, quint16(0));
        QCOMPARE(task.flags, quint16(0));
        QVERIFY(task.name.isEmpty());
        QCOMPARE(task.createdAt, 0);
        QCOMPARE(task.updatedAt, 0);   // no server time for unscheduling: the store uses its clock
    }

    void zeroTimesAreUnknown_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("Go zero time") << QByteArray(R"("0001-01-01T00:00:00Z")");
        QTest::newRow("empty string") << QByteArray(R"("")");
        QTest::newRow("number") << QByteArray("1700000000000");
        QTest::newRow("garbage") << QByteArray(R"("yesterday")");
    }

    void zeroTimesAreUnknown()
    {
        QFETCH(QByteArray, value);
        const Task task = single(R"({"task_id": "t", "status": "started", "activated": true, "start_time": )"
                                 + value + R"(, "finish_time": )" + value + R"(, "create_time": )" + value + "}");
        QCOMPARE(task.status, evg(EvgStatus::Started));
        QCOMPARE(task.startedAt, 0);
        QCOMPARE(task.finishedAt, 0);
        QCOMPARE(task.createdAt, 0);
        QCOMPARE(task.updatedAt, 0);
    }

    void statusTimeIsTheTimeOfTheStatus_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("running since start") << QByteArray(R"("status":"started","activated":true)") << QByteArray("2024-01-01T00:03:00Z");
        QTest::newRow("dispatched at dispatch") << QByteArray(R"("status":"dispatched","activated":true)") << QByteArray("2024-01-01T00:02:00Z");
        QTest::newRow("will run since activation") << QByteArray(R"("status":"undispatched","activated":true)") << QByteArray("2024-01-01T00:01:00Z");
        QTest::newRow("finished at finish") << QByteArray(R"("status":"success")") << QByteArray("2024-01-01T00:04:00Z");
        QTest::newRow("aborting: no server time") << QByteArray(R"("status":"started","aborted":true)") << QByteArray();
    }

    void statusTimeIsTheTimeOfTheStatus()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, expected);
        const Task task = single(R"({"task_id":"t","activated_time":"2024-01-01T00:01:00Z",)"
                                 R"("dispatch_time":"2024-01-01T00:02:00Z","start_time":"2024-01-01T00:03:00Z",)"
                                 R"("finish_time":"2024-01-01T00:04:00Z",)" + json + "}");
        QCOMPARE(task.updatedAt, IsoTime::parse(expected));
    }

    // Every display status from the raw fields alone; display_status is deliberately absent.
    void displayStatusFromRawFields_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<Status>("expected");
        QTest::newRow("1 annotations make a known issue")
            << QByteArray(R"("status":"failed","has_annotations":true,"status_details":{"type":"test"})") << evg(EvgStatus::KnownIssue);
        QTest::newRow("1 known issue comes before aborted")
            << QByteArray(R"("status":"failed","has_annotations":true,"aborted":true)") << evg(EvgStatus::KnownIssue);
        QTest::newRow("2 aborted and finished")
            << QByteArray(R"("status":"failed","aborted":true,"status_details":{"desc":"aborted"})") << evg(EvgStatus::Aborted);
        QTest::newRow("2 aborted while running is aborting")
            << QByteArray(R"("status":"started","aborted":true,"activated":false)") << evg(EvgStatus::Aborting);
        QTest::newRow("2 aborted while dispatched is aborting")
            << QByteArray(R"("status":"dispatched","aborted":true)") << evg(EvgStatus::Aborting);
        QTest::newRow("3 success") << QByteArray(R"("status":"success","status_details":{"type":"test"})") << evg(EvgStatus::Success);
        QTest::newRow("3 success ignores a timed_out flag")
            << QByteArray(R"("status":"success","status_details":{"type":"system","timed_out":true})") << evg(EvgStatus::Success);
        QTest::newRow("4 setup failed")
            << QByteArray(R"("status":"failed","status_details":{"type":"setup","timed_out":true})") << evg(EvgStatus::SetupFailed);
        QTest::newRow("5 system unresponsive")
            << QByteArray(R"("status":"failed","status_details":{"type":"system","timed_out":true,"desc":"heartbeat"})") << evg(EvgStatus::SystemUnresponsive);
        QTest::newRow("6 system timed out")
            << QByteArray(R"("status":"failed","status_details":{"type":"system","timed_out":true,"timeout_type":"exec"})") << evg(EvgStatus::SystemTimedOut);
        QTest::newRow("7 system failed")
            << QByteArray(R"("status":"failed","status_details":{"type":"system","desc":"stranded"})") << evg(EvgStatus::SystemFailed);
        QTest::newRow("8 task timed out")
            << QByteArray(R"("status":"failed","status_details":{"type":"test","timed_out":true,"timeout_type":"exec"})") << evg(EvgStatus::TaskTimedOut);
        QTest::newRow("8 heartbeat without system type is a task timeout")
            << QByteArray(R"("status":"failed","status_details":{"timed_out":true,"desc":"heartbeat"})") << evg(EvgStatus::TaskTimedOut);
        QTest::newRow("9 unscheduled") << QByteArray(R"("status":"undispatched","activated":false)") << evg(EvgStatus::Unscheduled);
        QTest::newRow("9 unscheduled comes before blocked")
            << QByteArray(R"("status":"undispatched","activated":false,"blocked":true)") << evg(EvgStatus::Unscheduled);
        QTest::newRow("10 blocked") << QByteArray(R"("status":"undispatched","activated":true,"blocked":true)") << evg(EvgStatus::Blocked);
        QTest::newRow("10 overridden dependencies do not block")
            << QByteArray(R"("status":"undispatched","activated":true,"blocked":true,"override_dependencies":true)") << evg(EvgStatus::WillRun);
        QTest::newRow("11 will run") << QByteArray(R"("status":"undispatched","activated":true)") << evg(EvgStatus::WillRun);
        QTest::newRow("12 dispatched") << QByteArray(R"("status":"dispatched","activated":true)") << evg(EvgStatus::Dispatched);
        QTest::newRow("12 started") << QByteArray(R"("status":"started","activated":true)") << evg(EvgStatus::Started);
        QTest::newRow("12 failed") << QByteArray(R"("status":"failed","status_details":{"type":"test"})") << evg(EvgStatus::Failed);
        QTest::newRow("12 inactive (old tasks)") << QByteArray(R"("status":"inactive")") << evg(EvgStatus::Inactive);
        QTest::newRow("12 an unknown raw status") << QByteArray(R"("status":"teleported")") << evg(EvgStatus::Other);
    }

    void displayStatusFromRawFields()
    {
        QFETCH(QByteArray, fields);
        QFETCH(Status, expected);
        const Task withoutDisplayStatus = single(R"({"task_id":"t",)" + fields + "}");
        QCOMPARE(withoutDisplayStatus.status, expected);
        // A wrong display_status changes nothing but is reported.
        const EvergreenParser::TaskList wrong = parseTasks(R"({"task_id":"t","display_status":"setup-failed",)" + fields + "}");
        QCOMPARE(wrong.tasks.value(0).status, expected);
        QCOMPARE(wrong.mismatches.size(), expected == evg(EvgStatus::SetupFailed) ? 0 : 1);
    }

    void mismatchesAreDetected_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("displayStatus");
        QTest::addColumn<bool>("mismatch");
        QTest::newRow("agrees") << QByteArray(R"("status":"success")") << QStringLiteral("success") << false;
        QTest::newRow("aborting is what Evergreen calls aborted")
            << QByteArray(R"("status":"started","aborted":true)") << QStringLiteral("aborted") << false;
        QTest::newRow("the legacy name of a timeout")
            << QByteArray(R"("status":"failed","status_details":{"timed_out":true})") << QStringLiteral("test-timed-out") << false;
        QTest::newRow("inactive is unscheduled")
            << QByteArray(R"("status":"undispatched")") << QStringLiteral("inactive") << false;
        QTest::newRow("stale cache after a restart")
            << QByteArray(R"("status":"undispatched","activated":true)") << QStringLiteral("failed") << true;
        QTest::newRow("annotations the cache missed")
            << QByteArray(R"("status":"failed","has_annotations":true)") << QStringLiteral("failed") << true;
        QTest::newRow("unknown display status") << QByteArray(R"("status":"failed")") << QStringLiteral("exploded") << true;
    }

    void mismatchesAreDetected()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, displayStatus);
        QFETCH(bool, mismatch);
        const EvergreenParser::TaskList list =
            parseTasks("{\"task_id\":\"t\",\"display_status\":\"" + displayStatus.toUtf8() + "\"," + fields + "}");
        QCOMPARE(list.tasks.size(), 1);
        QCOMPARE(list.mismatches.size(), mismatch ? 1 : 0);
        if (mismatch) {
            QCOMPARE(list.mismatches[0].taskId, QByteArray("t"));
            QCOMPARE(list.mismatches[0].serverDisplayStatus, displayStatus);
            QCOMPARE(list.mismatches[0].derived, list.tasks[0].status);
        }
    }

    void flagsAndStructure()
    {
        const Task task = single(R"({"task_id":"e1","status":"undispatched","activated":true,
            "display_only":true,"parent_task_id":"dt","reset_when_finished":true,"blocked":true,
            "override_dependencies":true,"execution_tasks":["a","b"],
            "abort_info":{"user":"bob","new_version":"v2","pr_closed":true},
            "depends_on":[{"id":"dep1","status":"failed"},"legacy-dep",{"status":"success"},7]})");
        QCOMPARE(task.flags, quint16(TaskFlag::Activated | TaskFlag::DisplayTask | TaskFlag::ExecutionTask
                                     | TaskFlag::ResetWhenFinished | TaskFlag::OverrideDependencies));
        QCOMPARE(field(task, QStringLiteral("Display task")), QStringLiteral("dt"));
        QCOMPARE(field(task, QStringLiteral("Execution tasks")), QStringLiteral("a, b"));
        QCOMPARE(field(task, QStringLiteral("Aborted by")),
                 QStringLiteral("bob (superseded by version v2; the pull request was closed)"));
        QCOMPARE(task.details->dependsOn.size(), 2);
        QCOMPARE(task.details->dependsOn[0].taskId, QStringLiteral("dep1"));
        QCOMPARE(task.details->dependsOn[0].requiredStatus, QStringLiteral("failed"));
        QCOMPARE(task.details->dependsOn[1].taskId, QStringLiteral("legacy-dep"));
    }

    void runningTaskOmitsItsGrowingTimeTaken()
    {
        // time_taken_ms grows on every poll while a task runs; in the details it would
        // make every poll a change.
        const Task task = single(R"({"task_id":"t","status":"started","activated":true,
            "start_time":"2024-01-01T00:00:00Z","time_taken_ms":5000,"expected_duration_ms":60000})");
        QCOMPARE(field(task, QStringLiteral("Time taken")), QString());
        QCOMPARE(field(task, QStringLiteral("Expected duration")), QStringLiteral("1 min"));
    }

    void arraysAndSkippedElements()
    {
        const EvergreenParser::TaskList list = parseTasks(
            R"([{"task_id":"a","status":"success"}, 1, "x", {}, {"task_id":5}, null, [], {"task_id":"b","status":"failed"}])");
        QVERIFY(list.error.isEmpty());
        QCOMPARE(list.tasks.size(), 2);
        QCOMPARE(list.tasks[0].id, QByteArray("a"));
        QCOMPARE(list.tasks[1].id, QByteArray("b"));
        QCOMPARE(list.problems.size(), 6);
        QVERIFY(list.problems[0].startsWith(QStringLiteral("element 1 skipped")));
        QVERIFY(list.problems[3].contains(QStringLiteral("without task_id")));
        const EvergreenParser::TaskList empty = parseTasks("[]");
        QVERIFY(empty.error.isEmpty());
        QVERIFY(empty.tasks.isEmpty());
    }

    void wrongTypedFieldsReadAsAbsent()
    {
        const Task task = single(R"({"task_id":"t","display_name":7,"build_variant":["x"],
            "priority":"high","execution":-5,"activated":"yes","aborted":1,"blocked":null,
            "status":"failed","status_details":"oops","depends_on":{"id":"x"},
            "start_time":12345,"logs":[],"abort_info":"nobody","execution_tasks":"t1"})");
        QCOMPARE(task.id, QByteArray("t"));
        QVERIFY(task.name.isEmpty());
        QVERIFY(task.group.isEmpty());
        QCOMPARE(task.priority, 0);
        QCOMPARE(task.execution, quint16(0));   // negative clamps to 0
        QCOMPARE(task.flags, quint16(0));
        QCOMPARE(task.status, evg(EvgStatus::Failed));
        QCOMPARE(task.commandType, CommandType::Unset);
        QCOMPARE(task.startedAt, 0);
        QVERIFY(task.details->dependsOn.isEmpty());
    }

    void numbersAreClamped()
    {
        const Task huge = single(R"({"task_id":"t","priority":1e30,"execution":70000})");
        QCOMPARE(huge.priority, std::numeric_limits<qint32>::max());
        QCOMPARE(huge.execution, quint16(65535));
        const Task negative = single(R"({"task_id":"t","priority":-18446744073709551615})");
        QCOMPARE(negative.priority, std::numeric_limits<qint32>::min());
        const Task unsignedBig = single(R"({"task_id":"t","priority":18446744073709551615})");
        QCOMPARE(unsignedBig.priority, std::numeric_limits<qint32>::max());
        const Task fraction = single(R"({"task_id":"t","priority":42.7})");
        QCOMPARE(fraction.priority, 42);
    }

    void malformedInputIsAnErrorNotACrash_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("empty answer");
        QTest::newRow("blank") << QByteArray(" \r\n") << QStringLiteral("empty answer");
        QTest::newRow("plain text") << QByteArray("not authorized for this action") << QStringLiteral("malformed JSON near byte");
        QTest::newRow("HTML") << QByteArray("<html><title>502 Bad Gateway</title></html>") << QStringLiteral("502 Bad Gateway");
        QTest::newRow("truncated") << QByteArray("[{\"task_id\":\"a\",\"status\":\"succ") << QStringLiteral("malformed JSON");
        QTest::newRow("trailing garbage") << QByteArray(R"([] x)") << QStringLiteral("malformed JSON");
        QTest::newRow("a number") << QByteArray("42") << QStringLiteral("holds no task");
        QTest::newRow("an error object") << QByteArray(R"({"status":500,"message":"boom"})") << QStringLiteral("holds no task");
        QTest::newRow("NUL bytes") << QByteArray("[\0\0]", 4) << QStringLiteral("malformed JSON");
    }

    void malformedInputIsAnErrorNotACrash()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const EvergreenParser::TaskList list = parseTasks(body);
        QVERIFY(list.tasks.isEmpty());
        QVERIFY2(list.error.contains(error), qPrintable(list.error));
    }

    void invalidUtf8IsRepaired()
    {
        const EvergreenParser::TaskList list = parseTasks("{\"task_id\":\"t\",\"display_name\":\"bad \xff\xfe name\",\"status\":\"success\"}");
        QVERIFY2(list.error.isEmpty(), qPrintable(list.error));
        QCOMPARE(list.tasks.size(), 1);
        QVERIFY(list.tasks[0].name.toString().startsWith(QStringLiteral("bad ")));
        QVERIFY(list.tasks[0].name.toString().endsWith(QStringLiteral(" name")));
    }

    void deepNestingDoesNotOverflowTheStack()
    {
        const int depth = 100000;
        const QByteArray body = QByteArray(depth, '[') + QByteArray(depth, ']');
        const EvergreenParser::TaskList list = parseTasks(body);
        QVERIFY(list.tasks.isEmpty());
        QCOMPARE(list.problems.size(), 1);
    }

    void builds()
    {
        const EvergreenParser::BuildList list = EvergreenParser::parseBuilds(R"([
            {"_id":"b1","build_variant":"ubuntu2204","display_name":"Ubuntu 22.04","status":"started",
             "tasks":["t1","t2"],"status_counts":{"succeeded":1,"started":1}},
            {"id":"b2","build_variant":"windows","status":"created"},
            {"build_variant":"nameless"},
            "junk"])");
        QVERIFY(list.error.isEmpty());
        QCOMPARE(list.builds.size(), 2);
        QCOMPARE(list.builds[0].id, QStringLiteral("b1"));
        QCOMPARE(list.builds[0].variant, QStringLiteral("ubuntu2204"));
        QCOMPARE(list.builds[0].displayName, QStringLiteral("Ubuntu 22.04"));
        QCOMPARE(list.builds[0].status, QStringLiteral("started"));
        QCOMPARE(list.builds[1].id, QStringLiteral("b2"));
        QCOMPARE(list.problems.size(), 2);
        QVERIFY(EvergreenParser::parseBuilds("{oops").error.contains(QStringLiteral("malformed JSON")));
        QVERIFY(EvergreenParser::parseBuilds("\"b1\"").error.contains(QStringLiteral("no builds")));
    }

    void annotations()
    {
        const QByteArray body = fixture("annotations.json");
        const EvergreenParser::Annotations parsed = EvergreenParser::parseAnnotations(body, 2);
        QVERIFY(parsed.error.isEmpty());
        const TaskAnnotations &a = parsed.annotations;
        QVERIFY(a.loaded);
        QCOMPARE(a.issues.size(), 1);
        QCOMPARE(a.issues[0].key, QStringLiteral("BF-123"));
        QCOMPARE(a.issues[0].url, QStringLiteral("https://jira.example/browse/BF-123"));
        QCOMPARE(a.issues[0].confidence, 0.93);
        QCOMPARE(a.suspectedIssues.size(), 1);
        QCOMPARE(a.suspectedIssues[0].key, QStringLiteral("SERVER-9"));
        QCOMPARE(a.note, QStringLiteral("Known flaky on RHEL 8"));

        // Another execution: that entry, else the first.
        QCOMPARE(EvergreenParser::parseAnnotations(body, 0).annotations.issues[0].key, QStringLiteral("BF-1"));
        QCOMPARE(EvergreenParser::parseAnnotations(body, 7).annotations.issues[0].key, QStringLiteral("BF-1"));
        // No annotations at all is an answer, not an error.
        for (const QByteArray &none : {QByteArray("null"), QByteArray("[]")}) {
            const EvergreenParser::Annotations empty = EvergreenParser::parseAnnotations(none, 0);
            QVERIFY(empty.error.isEmpty());
            QVERIFY(empty.annotations.loaded);
            QVERIFY(empty.annotations.issues.isEmpty());
        }
        // A single object is accepted too.
        QCOMPARE(EvergreenParser::parseAnnotations(R"({"issues":[{"issue_key":"K"}]})", 0).annotations.issues.size(), 1);
        QVERIFY(!EvergreenParser::parseAnnotations("nope", 0).error.isEmpty());
        QVERIFY(!EvergreenParser::parseAnnotations("true", 0).error.isEmpty());
    }

    void linkHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        const QString page2 = QStringLiteral("https://evergreen.example/rest/v2/builds/b/tasks?start_at=t3&limit=2");
        QTest::newRow("next") << QByteArray("<https://evergreen.example/rest/v2/builds/b/tasks?start_at=t3&limit=2>; rel=\"next\"") << page2;
        QTest::newRow("prev and next") << QByteArray("<https://evergreen.example/prev>; rel=\"prev\", <https://evergreen.example/rest/v2/builds/b/tasks?start_at=t3&limit=2>; rel=\"next\"") << page2;
        QTest::newRow("next before prev") << QByteArray("<https://evergreen.example/rest/v2/builds/b/tasks?start_at=t3&limit=2>; rel=\"next\", <https://evergreen.example/prev>; rel=\"prev\"") << page2;
        QTest::newRow("unquoted and upper case") << QByteArray("<https://evergreen.example/rest/v2/builds/b/tasks?start_at=t3&limit=2>;REL=Next") << page2;
        QTest::newRow("several relations") << QByteArray("<https://evergreen.example/rest/v2/builds/b/tasks?start_at=t3&limit=2>; title=\"x\"; rel=\"last next\"") << page2;
        QTest::newRow("relative") << QByteArray("</rest/v2/builds/b/tasks?start_at=t3&limit=2>; rel=\"next\"") << page2;
        QTest::newRow("only prev") << QByteArray("<https://evergreen.example/prev>; rel=\"prev\"") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("no relation") << QByteArray("<https://evergreen.example/x>") << QString();
        QTest::newRow("unclosed") << QByteArray("<https://evergreen.example/x; rel=\"next\"") << QString();
        QTest::newRow("garbage") << QByteArray("<<>>;;==,,rel") << QString();
    }

    void linkHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        const QUrl next = EvergreenParser::nextLink(header, QUrl(QStringLiteral("https://evergreen.example/rest/v2/builds/b/tasks?limit=2")));
        QCOMPARE(next.isValid() ? next.toString() : QString(), expected);
    }

    // Finding 7: bad bytes are read as U+FFFD, counted, and never cost the page.
    void invalidUtf8IsRepairedAndCounted()
    {
        const EvergreenParser::TaskList list = parseTasks(
            "[{\"task_id\":\"a\",\"display_name\":\"comp\xFFile\",\"status\":\"success\"},"
            "{\"task_id\":\"b\",\"status\":\"failed\"}]");
        QVERIFY2(list.error.isEmpty(), qPrintable(list.error));
        QCOMPARE(list.tasks.size(), 2);
        QCOMPARE(list.tasks[0].name.toString(), QStringLiteral("comp\uFFFDile"));
        QCOMPARE(list.repairedUtf8, qsizetype(1));
        QCOMPARE(parseTasks("[{\"task_id\":\"a\",\"display_name\":\"caf\xC3\xA9\"}]").repairedUtf8, qsizetype(0));
    }

    // Finding 1: a record nested 100,000 deep overflowed the stack while being indented.
    void prettyJsonRefusesARecordTooDeep()
    {
        constexpr int levels = 100000;
        const QByteArray deep = "{\"task_id\":" + QByteArray(levels, '[') + QByteArray(levels, ']') + '}';
        bool ok = true;
        const QString text = EvergreenParser::prettyJson(deep, &ok);
        QVERIFY(!ok);
        QVERIFY2(text.startsWith(QStringLiteral("record too deep to show: 100001 levels")), qPrintable(text.left(200)));
    }

    void prettyJsonAndBodies()
    {
        bool ok = false;
        const QString pretty = EvergreenParser::prettyJson(R"({"task_id":"t","status":"success"})", &ok);
        QVERIFY(ok);
        QCOMPARE(pretty, QStringLiteral("{\n  \"status\": \"success\",\n  \"task_id\": \"t\"\n}"));
        const QString broken = EvergreenParser::prettyJson("{\"task_id\":", &ok);
        QVERIFY(!ok);
        QVERIFY(broken.startsWith(QStringLiteral("malformed JSON")));
        QCOMPARE(EvergreenParser::activationBody(true), QByteArray(R"({"activated":true})"));
        QCOMPARE(EvergreenParser::activationBody(false), QByteArray(R"({"activated":false})"));
        QCOMPARE(EvergreenParser::priorityBody(-1), QByteArray(R"({"priority":-1})"));
        QCOMPARE(EvergreenParser::priorityBody(150), QByteArray(R"({"priority":150})"));
    }
};

QTEST_GUILESS_MAIN(TestEvergreenParser)
#include "tst_evergreenparser.moc"
