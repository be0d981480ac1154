// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/marathon/marathonids.h"
#include "backends/marathon/marathonparser.h"
#include "domain/isotime.h"

#include <QTest>

using Event = MarathonParser::Event;
using Kind = MarathonParser::Event::Kind;

namespace {
// JSON written with single quotes, so that moc's tokenizer (which knows no raw strings)
// can read this file: q("{'a':1}") is {"a":1}.
QByteArray q(const char *text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    return json;
}

// The task object of reference/marathon-api.md §2 (M examples/tasks.json).
const QByteArray exampleTask = q(
    "{'id':'frontend-foosball.083be411-5d1f-11e5-88f7-56b91e7a505b','appId':'/frontend-foosball',"
    "'host':'srv4.example.com','ports':[31292],'servicePorts':[10019],'startedAt':'2015-09-17T09:32:42.598Z',"
    "'stagedAt':'2015-09-17T09:32:36.822Z','version':'2015-09-17T09:32:36.583Z','slaveId':'20150707-S0',"
    "'state':'TASK_RUNNING','ipAddresses':[{'ipAddress':'10.0.0.7','protocol':'IPv4'}],"
    "'healthCheckResults':[{'alive':true,'consecutiveFailures':0,'firstSuccess':'2015-09-17T09:32:50.000Z',"
    "'lastSuccess':'2015-09-17T10:00:00.000Z','lastFailure':null,'lastFailureCause':null,'instanceId':'x'}],"
    "'region':'primary','zone':'a','role':'*'}");

QByteArray listing(const QByteArray &tasks)
{
    return "{\"tasks\":[" + tasks + "]}";
}

Event statusUpdate(const QByteArray &state, const QByteArray &extra = {})
{
    const QByteArray json = q("{'slaveId':'S0','taskId':'web.instance-11111111-2222._app','taskStatus':'") + state
        + q("','appId':'/prod/web','host':'agent-7','ports':[31182],'version':'2015-09-11T22:11:03.156Z',"
          "'eventType':'status_update_event','timestamp':'2015-09-30T12:47:11.286Z'")
        + extra + '}';
    return MarathonParser::parseEvent("status_update_event", json);
}
} // namespace

class TestMarathonParser : public QObject
{
    Q_OBJECT

private slots:
    void theReferenceTaskMapsEveryField()
    {
        const auto result = MarathonParser::parseTasks(listing(exampleTask));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.tasks.size(), 1);
        QCOMPARE(result.skipped, 0);
        const Task &task = result.tasks.first();
        QCOMPARE(task.id, QByteArray("frontend-foosball.083be411-5d1f-11e5-88f7-56b91e7a505b"));
        QCOMPARE(task.source, MarathonSystem::id());
        QCOMPARE(task.group.toString(), QStringLiteral("/frontend-foosball"));
        QCOMPARE(task.name.toString(), QStringLiteral("frontend-foosball"));
        QCOMPARE(task.host.toString(), QStringLiteral("srv4.example.com"));
        QCOMPARE(task.status, mar(MarStatus::Running));
        QCOMPARE(task.nativeStatus.toString(), QStringLiteral("TASK_RUNNING"));
        QCOMPARE(task.startedAt, IsoTime::parse("2015-09-17T09:32:42.598Z"));
        QCOMPARE(task.scheduledAt, IsoTime::parse("2015-09-17T09:32:36.822Z"));
        QCOMPARE(task.version.toString(), QStringLiteral("2015-09-17T09:32:36.583Z"));
        QCOMPARE(task.health, Health::Healthy);
        QVERIFY(task.details);
        QCOMPARE(task.details->healthChecks.size(), 1);
        QCOMPARE(task.details->healthChecks[0].lastSuccessAt, IsoTime::parse("2015-09-17T10:00:00.000Z"));
        QVERIFY(!task.hasFlag(TaskFlag::HasLocalVolumes));
        QVERIFY(result.index.contains(task.id));
        QCOMPARE(result.index.flags(task.id), quint8(MarathonTaskIndex::Started | MarathonTaskIndex::Staged));
    }

    void onlyTheRequiredFieldsAreEnough()
    {
        const auto result = MarathonParser::parseTasks(
            listing(q("{'id':'a.instance-1._app','appId':'/g/a','host':'h','state':'TASK_STAGING','role':'*'}")));
        QCOMPARE(result.tasks.size(), 1);
        const Task &task = result.tasks.first();
        QCOMPARE(task.status, mar(MarStatus::Staging));
        QCOMPARE(task.name.toString(), QStringLiteral("a"));
        QCOMPARE(task.startedAt, Timestamp(0));
        QCOMPARE(task.health, Health::None);
        QVERIFY(!task.details);   // nothing worth a details block
        QCOMPARE(result.index.flags(task.id), quint8(0));
    }

    void inactiveTasksComeWithoutTimes()
    {
        const auto result = MarathonParser::parseTasks(listing(
            q("{'id':'db.instance-2._app.1','appId':'/db','host':'h','state':'TASK_KILLED','role':'*','ports':[],"
            "'localVolumes':[{'containerPath':'data','persistenceId':'db#data#1'}]}")));
        QCOMPARE(result.tasks.size(), 1);
        const Task &task = result.tasks.first();
        QCOMPARE(task.status, mar(MarStatus::Killed));
        QCOMPARE(task.stage(), Stage::Finished);
        QCOMPARE(task.startedAt, Timestamp(0));
        QCOMPARE(task.version.toString(), QString());
        QVERIFY(task.hasFlag(TaskFlag::HasLocalVolumes));
    }

    void healthFollowsMarathonUi_data()
    {
        QTest::addColumn<QByteArray>("results");
        QTest::addColumn<Health>("health");
        QTest::newRow("no results") << QByteArray("[]") << Health::None;
        QTest::newRow("alive") << QByteArray(q("[{'alive':true,'firstSuccess':'2020-01-01T00:00:00Z'}]")) << Health::Healthy;
        QTest::newRow("never succeeded") << QByteArray(q("[{'alive':true,'firstSuccess':null}]")) << Health::Unhealthy;
        QTest::newRow("one of two dead")
            << QByteArray(q("[{'alive':true,'firstSuccess':'2020-01-01T00:00:00Z'},{'alive':false,'firstSuccess':'2020-01-01T00:00:00Z','lastFailureCause':'500'}]"))
            << Health::Unhealthy;
        QTest::newRow("wrong type") << QByteArray(q("'yes'")) << Health::None;
    }
    void healthFollowsMarathonUi()
    {
        QFETCH(QByteArray, results);
        QFETCH(Health, health);
        const auto result = MarathonParser::parseTasks(
            listing(q("{'id':'a.1','appId':'/a','host':'h','state':'TASK_RUNNING','healthCheckResults':") + results + '}'));
        QCOMPARE(result.tasks.size(), 1);
        QCOMPARE(result.tasks.first().health, health);
    }

    void badEntriesAreSkippedNotFatal()
    {
        const auto result = MarathonParser::parseTasks(listing(
            q("{'appId':'/no-id','state':'TASK_RUNNING'},'a string',42,"
            "{'id':'legacy_app.5dd78972','state':7,'startedAt':true,'host':['x'],'healthCheckResults':{}}")));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.tasks.size(), 1);
        QCOMPARE(result.skipped, 3);
        const Task &task = result.tasks.first();
        QCOMPARE(task.group.toString(), QStringLiteral("/legacy/app"));   // derived from the id
        QCOMPARE(task.status, mar(MarStatus::Unknown));
        QCOMPARE(task.startedAt, Timestamp(0));
        QCOMPARE(task.host.toString(), QString());
    }

    void notAListingIsAnError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("other object") << QByteArray(q("{'apps':[]}")) << QStringLiteral("not a task listing");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a task listing");
        QTest::newRow("tasks not an array") << QByteArray(q("{'tasks':{}}")) << QStringLiteral("not a task listing");
        QTest::newRow("truncated") << QByteArray(q("{'tasks':[{'id':'a")) << QStringLiteral("malformed JSON");
        // Found by fuzz_marathon: the tasks before the cut came back with the error.
        QTest::newRow("cut after a whole task") << QByteArray(q("{'tasks':[{'id':'a.1','appId':'/a'},{'id'"))
                                                << QStringLiteral("malformed JSON");
        QTest::newRow("html") << QByteArray("<html><title>502 Bad Gateway</title></html>") << QStringLiteral("502 Bad Gateway");
    }
    void notAListingIsAnError()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const auto result = MarathonParser::parseTasks(body);
        QVERIFY2(result.error.contains(says), qPrintable(result.error));
        QVERIFY(result.tasks.isEmpty());
    }

    void everyMesosState_data()
    {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<Status>("status");
        QTest::newRow("staging") << QByteArray("TASK_STAGING") << mar(MarStatus::Staging);
        QTest::newRow("starting") << QByteArray("TASK_STARTING") << mar(MarStatus::Starting);
        QTest::newRow("running") << QByteArray("TASK_RUNNING") << mar(MarStatus::Running);
        QTest::newRow("killing") << QByteArray("TASK_KILLING") << mar(MarStatus::Killing);
        QTest::newRow("finished") << QByteArray("TASK_FINISHED") << mar(MarStatus::Finished);
        QTest::newRow("failed") << QByteArray("TASK_FAILED") << mar(MarStatus::Failed);
        QTest::newRow("killed") << QByteArray("TASK_KILLED") << mar(MarStatus::Killed);
        QTest::newRow("error") << QByteArray("TASK_ERROR") << mar(MarStatus::Error);
        QTest::newRow("dropped") << QByteArray("TASK_DROPPED") << mar(MarStatus::Dropped);
        QTest::newRow("unreachable") << QByteArray("TASK_UNREACHABLE") << mar(MarStatus::Unreachable);
        QTest::newRow("gone") << QByteArray("TASK_GONE") << mar(MarStatus::Gone);
        QTest::newRow("gone by operator") << QByteArray("TASK_GONE_BY_OPERATOR") << mar(MarStatus::Gone);
        QTest::newRow("unknown") << QByteArray("TASK_UNKNOWN") << mar(MarStatus::Unknown);
        QTest::newRow("not a state") << QByteArray("TASK_BOGUS") << mar(MarStatus::Unknown);
    }
    void everyMesosState()
    {
        QFETCH(QByteArray, state);
        QFETCH(Status, status);
        const Event event = statusUpdate(state);
        QCOMPARE(event.kind, Kind::TaskUpdate);
        QCOMPARE(event.delta.task.status, status);
        QCOMPARE(event.delta.task.nativeStatus.toString(), QString::fromLatin1(state));
        QVERIFY(event.delta.fields & TaskField::Status);
        const bool finished = StatusTaxonomy::stage(status) == Stage::Finished;
        QCOMPARE(bool(event.delta.fields & TaskField::FinishedAt), finished);
        QCOMPARE(event.delta.task.finishedAt, finished ? event.at : Timestamp(0));
    }

    void statusUpdateNamesOnlyWhatItKnows()
    {
        const Event event = statusUpdate("TASK_RUNNING", q(",'message':''"));
        QCOMPARE(event.type, QByteArray("status_update_event"));
        QCOMPARE(event.at, IsoTime::parse("2015-09-30T12:47:11.286Z"));
        const TaskDelta &delta = event.delta;
        QCOMPARE(delta.task.id, QByteArray("web.instance-11111111-2222._app"));
        QCOMPARE(delta.task.group.toString(), QStringLiteral("/prod/web"));
        QCOMPARE(delta.task.name.toString(), QStringLiteral("web"));
        QCOMPARE(delta.task.host.toString(), QStringLiteral("agent-7"));
        QCOMPARE(delta.task.version.toString(), QStringLiteral("2015-09-11T22:11:03.156Z"));
        QCOMPARE(delta.task.updatedAt, event.at);
        const quint32 expected = TaskField::Source | TaskField::Name | TaskField::Group | TaskField::Message
            | TaskField::UpdatedAt | TaskField::Status | TaskField::Host | TaskField::Version;
        QCOMPARE(delta.fields, expected);
        // Health, details and times are the snapshot's and the health events' business.
        QVERIFY(!(delta.fields & (TaskField::Health | TaskField::Details | TaskField::StartedAt)));

        const Event unknownHost = MarathonParser::parseEvent(
            "status_update_event", q("{'taskId':'a.1','taskStatus':'TASK_STAGING','host':'unknown','eventType':'status_update_event'}"));
        QVERIFY(!(unknownHost.delta.fields & (TaskField::Host | TaskField::Version)));
        QCOMPARE(unknownHost.delta.task.group.toString(), QStringLiteral("/a"));   // derived
    }

    void taskLostIsResolvedByReasonAndMessage_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<Status>("status");
        QTest::addColumn<bool>("deferred");
        QTest::newRow("REASON_RECONCILIATION") << QByteArray(q(",'reason':'REASON_RECONCILIATION'")) << mar(MarStatus::Unreachable) << false;
        QTest::newRow("REASON_SLAVE_DISCONNECTED") << QByteArray(q(",'reason':'REASON_SLAVE_DISCONNECTED'")) << mar(MarStatus::Unreachable) << false;
        QTest::newRow("REASON_AGENT_DISCONNECTED") << QByteArray(q(",'reason':'REASON_AGENT_DISCONNECTED'")) << mar(MarStatus::Unreachable) << false;
        QTest::newRow("REASON_SLAVE_REMOVED") << QByteArray(q(",'reason':'REASON_SLAVE_REMOVED'")) << mar(MarStatus::Unreachable) << false;
        QTest::newRow("REASON_AGENT_REMOVED") << QByteArray(q(",'reason':'REASON_AGENT_REMOVED'")) << mar(MarStatus::Unreachable) << false;
        QTest::newRow("REASON_TASK_UNKNOWN") << QByteArray(q(",'reason':'REASON_TASK_UNKNOWN'")) << mar(MarStatus::Unknown) << false;
        QTest::newRow("reconciliation message")
            << QByteArray(q(",'message':'Reconciliation: Task is unknown to the master'")) << mar(MarStatus::Unknown) << false;
        QTest::newRow("REASON_AGENT_RESTARTED") << QByteArray(q(",'reason':'REASON_AGENT_RESTARTED'")) << mar(MarStatus::Gone) << false;
        QTest::newRow("REASON_AGENT_UNKNOWN") << QByteArray(q(",'reason':'REASON_AGENT_UNKNOWN'")) << mar(MarStatus::Gone) << false;
        QTest::newRow("REASON_AGENT_REMOVED_BY_OPERATOR") << QByteArray(q(",'reason':'REASON_AGENT_REMOVED_BY_OPERATOR'")) << mar(MarStatus::Gone) << false;
        QTest::newRow("REASON_EXECUTOR_TERMINATED") << QByteArray(q(",'reason':'REASON_EXECUTOR_TERMINATED'")) << mar(MarStatus::Gone) << false;
        // Marathon's own event has no reason: its instance_changed_event decides.
        QTest::newRow("no reason") << QByteArray(q(",'message':'agent lost'")) << mar(MarStatus::Gone) << true;
    }
    void taskLostIsResolvedByReasonAndMessage()
    {
        QFETCH(QByteArray, extra);
        QFETCH(Status, status);
        QFETCH(bool, deferred);
        const Event event = statusUpdate("TASK_LOST", extra);
        QCOMPARE(event.kind, Kind::TaskUpdate);
        QCOMPARE(event.delta.task.status, status);
        QCOMPARE(event.delta.task.nativeStatus.toString(), QStringLiteral("TASK_LOST"));
        QCOMPARE(event.statusDeferred, deferred);
        QCOMPARE(bool(event.delta.fields & TaskField::Status), !deferred);
        if (extra.contains("reason"))
            QVERIFY(event.delta.task.reason.toString().startsWith(QStringLiteral("REASON_")));
    }

    void instanceAndHealthEvents_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("instance");
        QTest::addColumn<Status>("condition");
        QTest::addColumn<int>("health");   // -1: no health news
        const QByteArray instance = "my-app.instance-c7c311a4-b669-11e6-a48f-0ea4f4b1778c";
        QTest::newRow("instance_changed_event")
            << QByteArray(q("{'instanceId':'") + instance + q("','condition':'Running','runSpecId':'/my-app','agentId':'S0','host':'slave-1234.acme.org','runSpecVersion':'2014-03-01T23:29:30.158Z','timestamp':'2014-03-01T23:29:31.000Z','eventType':'instance_changed_event'}"))
            << instance << mar(MarStatus::Running) << -1;
        QTest::newRow("instance_changed_event unreachable inactive")
            << QByteArray(q("{'instanceId':'") + instance + q("','condition':'UnreachableInactive','agentId':null,'host':null,'eventType':'instance_changed_event'}"))
            << instance << mar(MarStatus::Unreachable) << -1;
        QTest::newRow("instance_health_changed_event true")
            << QByteArray(q("{'instanceId':'") + instance + q("','runSpecId':'/my-app','healthy':true,'eventType':'instance_health_changed_event'}"))
            << instance << Status::Unset << int(Health::Healthy);
        QTest::newRow("instance_health_changed_event null")
            << QByteArray(q("{'instanceId':'") + instance + q("','healthy':null,'eventType':'instance_health_changed_event'}"))
            << instance << Status::Unset << int(Health::None);
        QTest::newRow("health_status_changed_event")
            << QByteArray(q("{'appId':'/my-app','instanceId':'") + instance + q("','version':'x','alive':false,'eventType':'health_status_changed_event'}"))
            << instance << Status::Unset << int(Health::Unhealthy);
        QTest::newRow("failed_health_check_event names the instance taskId")
            << QByteArray(q("{'appId':'/my-app','taskId':'") + instance + q("','healthCheck':{},'eventType':'failed_health_check_event'}"))
            << instance << Status::Unset << int(Health::Unhealthy);
        QTest::newRow("a task id stands for its instance")
            << QByteArray(q("{'appId':'/my-app','taskId':'") + instance + q("._app','alive':true,'eventType':'health_status_changed_event'}"))
            << instance << Status::Unset << int(Health::Healthy);
    }
    void instanceAndHealthEvents()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, instance);
        QFETCH(Status, condition);
        QFETCH(int, health);
        const Event event = MarathonParser::parseEvent("ignored-name", json);
        QCOMPARE(event.kind, Kind::InstanceUpdate);
        QCOMPARE(event.instanceId, instance);
        QCOMPARE(event.condition, condition);
        QCOMPARE(event.health.has_value(), health >= 0);
        if (health >= 0)
            QCOMPARE(*event.health, Health(health));
        if (condition == mar(MarStatus::Running))
            QCOMPARE(event.host, QStringLiteral("slave-1234.acme.org"));
        if (condition == mar(MarStatus::Unreachable))
            QCOMPARE(event.conditionName, QStringLiteral("UnreachableInactive"));
    }

    void unhealthyKillsAreLoggedAndMarkTheTask_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("1.4 and later") << QByteArray("unhealthy_instance_kill_event");
        QTest::newRow("before 1.4") << QByteArray("unhealthy_task_kill_event");
    }
    void unhealthyKillsAreLoggedAndMarkTheTask()
    {
        QFETCH(QByteArray, type);
        const Event event = MarathonParser::parseEvent(
            type, QByteArray(q("{'appId':'/my-app','taskId':'my-app_0-1396592784349','instanceId':'my-app.instance-c7c3','version':'2016-03-16T13:05:00.590Z','reason':'500 Internal Server Error','host':'localhost','slaveId':'4fb6-S0','eventType':'")
                      + type + q("','timestamp':'2016-03-16T13:05:00.590Z'}")));
        QCOMPARE(event.kind, Kind::TaskUpdate);
        QCOMPARE(event.delta.task.id, QByteArray("my-app_0-1396592784349"));
        QCOMPARE(event.delta.fields, quint32(TaskField::Health | TaskField::UpdatedAt));
        QCOMPARE(event.delta.task.health, Health::Unhealthy);
        QCOMPARE(event.logSeverity, LogEntry::Severity::Warning);
        QCOMPARE(event.logText, QStringLiteral("Marathon killed unhealthy task my-app_0-1396592784349 of /my-app on localhost: 500 Internal Server Error"));
    }

    void deploymentAndAppEventsBecomeLogLines_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("text");
        QTest::addColumn<LogEntry::Severity>("severity");
        const QByteArray plan = q("'plan':{'id':'867ed450-f6a8-4d33-9b0e-e11c5513990b','steps':[{'actions':[{'action':'ScaleApplication','app':'/my-app'}]},{'actions':[{'action':'StartPod','pod':'/pod'}]}],'version':'2014-03-01T23:24:14.846Z'}");
        const QByteArray step = q("'currentStep':{'actions':[{'action':'ScaleApplication','app':'/my-app'}]}");
        QTest::newRow("deployment_info") << QByteArray("{" + plan + "," + step + q(",'eventType':'deployment_info'}"))
                                         << QStringLiteral("Deployment 867ed450: ScaleApplication /my-app") << LogEntry::Severity::Info;
        QTest::newRow("deployment_step_success") << QByteArray("{" + plan + "," + step + q(",'eventType':'deployment_step_success'}"))
                                                 << QStringLiteral("Deployment 867ed450: step done: ScaleApplication /my-app") << LogEntry::Severity::Info;
        QTest::newRow("deployment_step_failure") << QByteArray("{" + plan + "," + step + q(",'eventType':'deployment_step_failure'}"))
                                                 << QStringLiteral("Deployment 867ed450: step failed: ScaleApplication /my-app") << LogEntry::Severity::Warning;
        QTest::newRow("deployment_success") << QByteArray(q("{'id':'867ed450-f6a8',") + plan + q(",'eventType':'deployment_success'}"))
                                            << QStringLiteral("Deployment 867ed450 succeeded: /my-app, /pod") << LogEntry::Severity::Info;
        QTest::newRow("deployment_failed") << QByteArray(q("{'id':'867ed450-f6a8',") + plan + q(",'reason':'cancelled','eventType':'deployment_failed'}"))
                                           << QStringLiteral("Deployment 867ed450 failed (/my-app, /pod): cancelled") << LogEntry::Severity::Warning;
        QTest::newRow("app_terminated_event") << QByteArray(q("{'appId':'/old','eventType':'app_terminated_event'}"))
                                              << QStringLiteral("App /old was removed from Marathon") << LogEntry::Severity::Info;
        QTest::newRow("group_change_failed") << QByteArray(q("{'groupId':'/g','version':'v','reason':'no','eventType':'group_change_failed'}"))
                                             << QStringLiteral("Group change of /g failed: no") << LogEntry::Severity::Warning;
        QTest::newRow("scheduler_disconnected_event") << QByteArray(q("{'eventType':'scheduler_disconnected_event'}"))
                                                      << QStringLiteral("Marathon lost its connection to the Mesos master") << LogEntry::Severity::Warning;
    }
    void deploymentAndAppEventsBecomeLogLines()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, text);
        QFETCH(LogEntry::Severity, severity);
        const Event event = MarathonParser::parseEvent("message", json);
        QCOMPARE(event.kind, Kind::Ignored);
        QCOMPARE(event.logText, text);
        QCOMPARE(event.logSeverity, severity);
    }

    void otherTypes_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("attached") << QByteArray("event_stream_attached")
                                  << QByteArray(q("{'remoteAddress':'0:0:0:0:0:0:0:1','eventType':'event_stream_attached','timestamp':'2015-09-30T12:44:30.061Z'}"))
                                  << Kind::Attached << QByteArray("event_stream_attached");
        QTest::newRow("known and quiet") << QByteArray("api_post_event") << QByteArray(q("{'clientIp':'1','uri':'/v2/apps','eventType':'api_post_event'}"))
                                         << Kind::Ignored << QByteArray("api_post_event");
        QTest::newRow("unknown") << QByteArray("brand_new_event") << QByteArray(q("{'eventType':'brand_new_event'}"))
                                 << Kind::Unknown << QByteArray("brand_new_event");
        QTest::newRow("type from the frame name") << QByteArray("mystery") << QByteArray("{}") << Kind::Unknown << QByteArray("mystery");
    }
    void otherTypes()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, json);
        QFETCH(Kind, kind);
        QFETCH(QByteArray, type);
        const Event event = MarathonParser::parseEvent(name, json);
        QCOMPARE(event.kind, kind);
        QCOMPARE(event.type, type);
        QVERIFY(event.logText.isEmpty());
    }

    void malformedEventsSayWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("garbage{{") << QStringLiteral("malformed JSON");
        QTest::newRow("truncated") << QByteArray(q("{'taskId':'a.1','taskSta")) << QStringLiteral("malformed JSON");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        // A raw NUL is not JSON (an escaped one is); the message names it.
        QTest::newRow("raw NUL") << QByteArray("{\"taskId\":\"a\0b\"}", 16) << QStringLiteral("U+0000 (NUL)");
        QTest::newRow("no taskId") << QByteArray(q("{'taskStatus':'TASK_RUNNING','eventType':'status_update_event'}")) << QStringLiteral("without taskId");
        QTest::newRow("taskId of the wrong type") << QByteArray(q("{'taskId':5,'taskStatus':'TASK_RUNNING','eventType':'status_update_event'}")) << QStringLiteral("without taskId");
        QTest::newRow("no status") << QByteArray(q("{'taskId':'a.1','eventType':'status_update_event'}")) << QStringLiteral("without taskStatus");
        QTest::newRow("instance without condition") << QByteArray(q("{'instanceId':'a.instance-1','eventType':'instance_changed_event'}")) << QStringLiteral("without condition");
        QTest::newRow("health without flag") << QByteArray(q("{'instanceId':'a.instance-1','healthy':'yes','eventType':'instance_health_changed_event'}")) << QStringLiteral("true/false healthy");
    }
    void malformedEventsSayWhatAndWhere()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        const Event event = MarathonParser::parseEvent("status_update_event", json);
        QCOMPARE(event.kind, Kind::Malformed);
        QVERIFY2(event.error.contains(says), qPrintable(event.error));
        QVERIFY2(event.error.contains(QStringLiteral("near: ")) || event.error.contains(QStringLiteral("object: ")),
                 qPrintable(event.error));
    }

    void actionBodiesAndAnswers()
    {
        QCOMPARE(MarathonParser::killBody({"a.1", "b.2"}), QByteArray(q("{'ids':['a.1','b.2']}")));
        QCOMPARE(MarathonParser::killBody({"\xFF"}), QByteArray("{\"ids\":[\"\xEF\xBF\xBD\"]}"));
        QCOMPARE(MarathonParser::killedIds(q("{'tasks':[{'id':'a.1'},{'id':'b.2'}]}")),
                 std::optional<QList<QByteArray>>(QList<QByteArray>{"a.1", "b.2"}));
        QCOMPARE(MarathonParser::killedIds(q("{'deploymentId':'5ed4','version':'v'}")), std::nullopt);
        QCOMPARE(MarathonParser::deploymentId(q("{'deploymentId':'5ed4c0c5-9ff8','version':'v'}")), QStringLiteral("5ed4c0c5-9ff8"));
        QCOMPARE(MarathonParser::deploymentId("not json"), QString());
    }

    void prettyTaskFindsTheRecord()
    {
        QString error;
        const QString text = MarathonParser::prettyTask(listing(exampleTask), "frontend-foosball.083be411-5d1f-11e5-88f7-56b91e7a505b", &error);
        QVERIFY(text.contains(QStringLiteral("\n  \"host\": \"srv4.example.com\"")));
        QVERIFY(MarathonParser::prettyTask(listing(exampleTask), "other", &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("does not list task other")));
    }

    // Finding 7: one bad byte dropped the event (the TASK_FAILED was lost, the row stayed
    // Running); now it is read as U+FFFD and counted.
    void invalidUtf8InAnEventIsRepairedNotDropped()
    {
        const Event event = statusUpdate("TASK_FAILED", ",\"message\":\"disk \xFF full \xC3(\"");
        QCOMPARE(event.kind, Kind::TaskUpdate);
        QCOMPARE(event.delta.task.status, mar(MarStatus::Failed));
        QCOMPARE(event.delta.task.message.toString(), QStringLiteral("disk \uFFFD full \uFFFD("));
        QCOMPARE(event.repairedUtf8, qsizetype(2));
        QCOMPARE(statusUpdate("TASK_FAILED", q(",'message':'caf\xC3\xA9 \xEF\xBF\xBD'")).repairedUtf8, qsizetype(0));
    }

    void anEscapedNulIsFine()
    {
        const Event event = statusUpdate("TASK_RUNNING", q(",'message':'a\\u0000b'"));
        QCOMPARE(event.kind, Kind::TaskUpdate);
        QCOMPARE(event.delta.task.message.toString(), QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b"));
    }

    void invalidUtf8InAListingKeepsTheListing()
    {
        const QByteArray bad = listing(q("{'id':'web.1','appId':'/web','host':'agent-\xC0\xAF','state':'TASK_RUNNING'},"
                                         "{'id':'db.2','appId':'/db','host':'agent-2','state':'TASK_RUNNING'}"));
        const auto result = MarathonParser::parseTasks(bad);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.tasks.size(), 2);
        QVERIFY(result.tasks[0].host.toString().startsWith(QStringLiteral("agent-\uFFFD")));
        QVERIFY(result.repairedUtf8 > 0);
        QCOMPARE(MarathonParser::parseTasks(listing(exampleTask)).repairedUtf8, qsizetype(0));
    }

    // Finding 1: a record nested 100,000 deep overflowed the stack in dump().
    void prettyTaskRefusesARecordTooDeep()
    {
        constexpr int levels = 100000;
        const QByteArray deep = listing(q("{'id':'web.1','appId':'/web','x':") + QByteArray(levels, '[')
                                        + QByteArray(levels, ']') + '}');
        QString error;
        QVERIFY(MarathonParser::prettyTask(deep, "web.1", &error).isEmpty());
        QVERIFY2(error.startsWith(QStringLiteral("record too deep to show: 100003 levels")), qPrintable(error));
    }

    void idFormats_data()
    {
        QTest::addColumn<QByteArray>("taskId");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QByteArray>("instance");
        QTest::addColumn<bool>("appTask");
        QTest::addColumn<bool>("plain");
        QTest::newRow("legacy dot") << QByteArray("frontend-foosball.083be411-5d1f-11e5-88f7-56b91e7a505b") << QStringLiteral("/frontend-foosball")
                                    << QByteArray("frontend-foosball.marathon-083be411-5d1f-11e5-88f7-56b91e7a505b") << true << false;
        QTest::newRow("legacy underscore") << QByteArray("my-app_0-1396592784349") << QStringLiteral("/my-app")
                                           << QByteArray("my-app.marathon-0-1396592784349") << true << false;
        QTest::newRow("legacy in a group") << QByteArray("prod_web.5dd78972") << QStringLiteral("/prod/web")
                                           << QByteArray("prod_web.marathon-5dd78972") << true << false;
        QTest::newRow("current app") << QByteArray("prod_web.instance-c7c311a4-b669-11e6._app") << QStringLiteral("/prod/web")
                                     << QByteArray("prod_web.instance-c7c311a4-b669-11e6") << true << true;
        QTest::newRow("resident app") << QByteArray("db.instance-c7c311a4._app.3") << QStringLiteral("/db")
                                      << QByteArray("db.instance-c7c311a4") << true << false;
        QTest::newRow("pod container") << QByteArray("pods_web.instance-c7c311a4.nginx") << QStringLiteral("/pods/web")
                                       << QByteArray("pods_web.instance-c7c311a4") << false << false;
        QTest::newRow("marathon- prefix") << QByteArray("a.b.marathon-1234._app") << QStringLiteral("/a.b")
                                          << QByteArray("a.b.marathon-1234") << true << true;
        QTest::newRow("no format") << QByteArray("nodots") << QString() << QByteArray() << false << false;
    }
    void idFormats()
    {
        QFETCH(QByteArray, taskId);
        QFETCH(QString, app);
        QFETCH(QByteArray, instance);
        QFETCH(bool, appTask);
        QFETCH(bool, plain);
        QCOMPARE(MarathonIds::appIdOfTask(taskId), app);
        QCOMPARE(MarathonIds::instanceOfTask(taskId), instance);
        const MarathonIds::Parsed parsed = MarathonIds::parse(taskId);
        QCOMPARE(parsed.appTask, appTask);
        QCOMPARE(parsed.plainAppTask, plain);
    }

    void taskIndexMapsInstancesToTheirLatestTasks()
    {
        MarathonTaskIndex index;
        QCOMPARE(index.add("web.instance-1._app", MarathonTaskIndex::Started), quint8(0));
        QCOMPARE(index.add("web.instance-1._app", MarathonTaskIndex::Staged), quint8(MarathonTaskIndex::Started));
        index.add("db.instance-2._app.1");
        index.add("db.instance-2._app.2");   // relaunched: the latest counts
        index.add("pod.instance-3.nginx");
        index.add("pod.instance-3.sidecar");
        index.add("legacy.5dd78972");
        QCOMPARE(index.tasksOf("web.instance-1"), QList<QByteArray>{"web.instance-1._app"});
        QCOMPARE(index.tasksOf("db.instance-2"), QList<QByteArray>{"db.instance-2._app.2"});
        QCOMPARE(index.tasksOf("pod.instance-3"), (QList<QByteArray>{"pod.instance-3.nginx", "pod.instance-3.sidecar"}));
        QCOMPARE(index.tasksOf("legacy.marathon-5dd78972"), QList<QByteArray>{"legacy.5dd78972"});
        QCOMPARE(index.tasksOf("never.instance-9"), QList<QByteArray>{});
        QCOMPARE(index.size(), 6);
        index.clear();
        QVERIFY(!index.contains("web.instance-1._app"));
    }
};

QTEST_GUILESS_MAIN(TestMarathonParser)
#include "tst_marathonparser.moc"
