// SPDX-License-Identifier: GPL-3.0-or-later
#include "system/systemregistry.h"
#include "backends/marathon/marathonsystem.h"
#include "domain/isotime.h"
#include "marathonrig.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using State = ConnectionStatus::State;

namespace {
QByteArray update(const QByteArray &id, const QByteArray &state, const QByteArray &extra = {})
{
    return FakeMarathon::statusUpdate(id, "/prod/web", state, extra);
}

const QByteArray webTask = QByteArrayLiteral("web.instance-11111111._app");

// Live, with one running task of /prod/web.
bool liveWithWebTask(MarathonRig &rig)
{
    if (!rig.fake.listen())
        return false;
    rig.fake.setTask(FakeMarathon::task(webTask, "/prod/web", "TASK_RUNNING"));
    return rig.start() && rig.waitLive();
}

// Live and attached, with heartbeats off: only the bytes the test sends arrive.
bool liveAndQuiet(MarathonRig &rig)
{
    if (!rig.fake.listen())
        return false;
    rig.fake.setHeartbeatMs(0);
    return rig.start() && rig.waitLive()
        && MarathonRig::spinUntil([&] { return rig.backend->counters().attached == 1; });
}
} // namespace

// The event stream as the table sees it: states, TASK_LOST, bad input, resyncs, stalls and
// frames cut anywhere, all through a real socket against a fake Marathon.
class TestMarathonBackend : public QObject
{
    Q_OBJECT

private slots:
    void opensTheStreamThenListsAndGoesLive()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.setTask(FakeMarathon::task(webTask, "/prod/web", "TASK_RUNNING"));
        rig.fake.setTask(FakeMarathon::task("db.instance-22222222._app", "/db", "TASK_STAGING"));
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());

        QCOMPARE(rig.session.store()->size(), 2);
        const Task *web = rig.task(webTask);
        QVERIFY(web);
        QCOMPARE(web->status, mar(MarStatus::Running));
        QCOMPARE(web->source, MarathonSystem::id());
        QCOMPARE(web->group.toString(), QStringLiteral("/prod/web"));
        QCOMPARE(web->name.toString(), QStringLiteral("web"));
        QCOMPARE(web->host.toString(), QStringLiteral("agent-1"));
        QCOMPARE(web->startedAt, IsoTime::parse("2024-01-01T10:00:05.000Z"));
        QCOMPARE(rig.status("db.instance-22222222._app"), mar(MarStatus::Staging));

        // The stream first, the listing second: nothing in between can be missed.
        const QList<FakeHttpServer::Request> requests = rig.fake.server().requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].path, QStringLiteral("/v2/events"));
        QCOMPARE(requests[0].header("accept"), QByteArray("text/event-stream"));
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("plan-format")), QStringLiteral("light"));
        QCOMPARE(requests[1].path, QStringLiteral("/v2/tasks"));
        QCOMPARE(requests[1].header("accept"), QByteArray("application/json"));
        QCOMPARE(rig.states(), (QList<State>{State::Connecting, State::Live}));
        QCOMPARE(rig.backend->listings(), 1);
        QTRY_COMPARE(rig.backend->counters().attached, quint64(1));
        QTRY_VERIFY(rig.backend->counters().heartbeats >= 1);
        QCOMPARE(rig.backend->retentionMs(), qint64(15 * 60 * 1000));
        QVERIFY(SystemRegistry::retention(rig.backend->system()).linksReplacements);
        QCOMPARE(rig.backend->displayName(), QStringLiteral("marathon ") + rig.fake.url().toString());
    }

    void everyTaskStateThroughTheStream_data()
    {
        QTest::addColumn<QByteArray>("state");
        QTest::addColumn<Status>("status");
        QTest::newRow("TASK_STAGING") << QByteArray("TASK_STAGING") << mar(MarStatus::Staging);
        QTest::newRow("TASK_STARTING") << QByteArray("TASK_STARTING") << mar(MarStatus::Starting);
        QTest::newRow("TASK_RUNNING") << QByteArray("TASK_RUNNING") << mar(MarStatus::Running);
        QTest::newRow("TASK_KILLING") << QByteArray("TASK_KILLING") << mar(MarStatus::Killing);
        QTest::newRow("TASK_UNREACHABLE") << QByteArray("TASK_UNREACHABLE") << mar(MarStatus::Unreachable);
        QTest::newRow("TASK_FINISHED") << QByteArray("TASK_FINISHED") << mar(MarStatus::Finished);
        QTest::newRow("TASK_KILLED") << QByteArray("TASK_KILLED") << mar(MarStatus::Killed);
        QTest::newRow("TASK_FAILED") << QByteArray("TASK_FAILED") << mar(MarStatus::Failed);
        QTest::newRow("TASK_ERROR") << QByteArray("TASK_ERROR") << mar(MarStatus::Error);
        QTest::newRow("TASK_DROPPED") << QByteArray("TASK_DROPPED") << mar(MarStatus::Dropped);
        QTest::newRow("TASK_GONE") << QByteArray("TASK_GONE") << mar(MarStatus::Gone);
        QTest::newRow("TASK_GONE_BY_OPERATOR") << QByteArray("TASK_GONE_BY_OPERATOR") << mar(MarStatus::Gone);
        QTest::newRow("TASK_UNKNOWN") << QByteArray("TASK_UNKNOWN") << mar(MarStatus::Unknown);
    }
    void everyTaskStateThroughTheStream()
    {
        QFETCH(QByteArray, state);
        QFETCH(Status, status);
        MarathonRig rig;
        QVERIFY(liveWithWebTask(rig));

        // An existing row changes; a task first heard of on the stream gets a row.
        rig.fake.sendEvent("status_update_event", update(webTask, state, q(",'message':'said so'")));
        rig.fake.sendEvent("status_update_event", update("new.instance-33333333._app", state));
        QTRY_COMPARE(rig.status("new.instance-33333333._app"), status);
        const Task *web = rig.task(webTask);
        QCOMPARE(web->status, status);
        QCOMPARE(web->nativeStatus.toString(), QString::fromLatin1(state));
        QCOMPARE(web->message.toString(), QStringLiteral("said so"));
        QCOMPARE(web->startedAt, IsoTime::parse("2024-01-01T10:00:05.000Z"));   // not moved by the event
        const bool finished = StatusTaxonomy::stage(status) == Stage::Finished;
        QCOMPARE(web->finishedAt != 0, finished);
        QCOMPARE(rig.task("new.instance-33333333._app")->group.toString(), QStringLiteral("/prod/web"));
        QCOMPARE(rig.backend->counters().taskEvents, quint64(2));
    }

    void taskLostWithEachReason_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QByteArray>("condition");   // the instance_changed_event after it, if any
        QTest::addColumn<Status>("status");
        QTest::newRow("REASON_RECONCILIATION") << q(",'reason':'REASON_RECONCILIATION'") << QByteArray() << mar(MarStatus::Unreachable);
        QTest::newRow("REASON_SLAVE_DISCONNECTED") << q(",'reason':'REASON_SLAVE_DISCONNECTED'") << QByteArray() << mar(MarStatus::Unreachable);
        QTest::newRow("REASON_AGENT_DISCONNECTED") << q(",'reason':'REASON_AGENT_DISCONNECTED'") << QByteArray() << mar(MarStatus::Unreachable);
        QTest::newRow("REASON_SLAVE_REMOVED") << q(",'reason':'REASON_SLAVE_REMOVED'") << QByteArray() << mar(MarStatus::Unreachable);
        QTest::newRow("REASON_AGENT_REMOVED") << q(",'reason':'REASON_AGENT_REMOVED'") << QByteArray() << mar(MarStatus::Unreachable);
        QTest::newRow("REASON_TASK_UNKNOWN") << q(",'reason':'REASON_TASK_UNKNOWN'") << QByteArray() << mar(MarStatus::Unknown);
        QTest::newRow("reconciliation message") << q(",'message':'Reconciliation: Task is unknown to the master'") << QByteArray() << mar(MarStatus::Unknown);
        QTest::newRow("REASON_AGENT_RESTARTED") << q(",'reason':'REASON_AGENT_RESTARTED'") << QByteArray() << mar(MarStatus::Gone);
        QTest::newRow("REASON_AGENT_REMOVED_BY_OPERATOR") << q(",'reason':'REASON_AGENT_REMOVED_BY_OPERATOR'") << QByteArray() << mar(MarStatus::Gone);
        QTest::newRow("REASON_CONTAINER_LIMITATION") << q(",'reason':'REASON_CONTAINER_LIMITATION'") << QByteArray() << mar(MarStatus::Gone);
        // Marathon's own events carry no reason; its instance_changed_event has the answer.
        QTest::newRow("no reason, Marathon says Unreachable") << QByteArray() << QByteArray("Unreachable") << mar(MarStatus::Unreachable);
        QTest::newRow("no reason, Marathon says Gone") << QByteArray() << QByteArray("Gone") << mar(MarStatus::Gone);
        QTest::newRow("no reason, Marathon says UnreachableInactive") << QByteArray() << QByteArray("UnreachableInactive") << mar(MarStatus::Unreachable);
    }
    void taskLostWithEachReason()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QByteArray, condition);
        QFETCH(Status, status);
        MarathonRig rig;
        QVERIFY(liveWithWebTask(rig));

        rig.fake.sendEvent("status_update_event", update(webTask, "TASK_LOST", extra));
        if (!condition.isEmpty()) {
            rig.fake.sendEvent("instance_changed_event",
                               q("{'instanceId':'web.instance-11111111','condition':'") + condition
                                   + q("','runSpecId':'/prod/web','agentId':null,'host':null,'eventType':'instance_changed_event','timestamp':'")
                                   + IsoTime::format(IsoTime::now()).toUtf8() + q("'}"));
        }
        QTRY_COMPARE(rig.status(webTask.constData()), status);
        QCOMPARE(rig.task(webTask)->nativeStatus.toString(), QStringLiteral("TASK_LOST"));
        QCOMPARE(rig.backend->counters().malformed, quint64(0));
    }

    void garbageAndUnknownEventsMidStream()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        MarathonConfig config = MarathonRig::fastConfig(rig.fake.url());
        config.maxFrameBytes = 4096;
        config.problemLinesPerInterval = 3;
        QVERIFY(rig.start(config));
        QVERIFY(rig.waitLive());

        rig.fake.sendEvent("status_update_event", update("a.instance-1._app", "TASK_RUNNING"));
        rig.fake.send("event: status_update_event\r\ndata: {not json at all\r\n\r\n");
        for (int i = 0; i < 3; ++i)
            rig.fake.sendEvent("brand_new_event", q("{'eventType':'brand_new_event'}"));
        rig.fake.sendEvent("status_update_event", update("big.instance-1._app", "TASK_RUNNING", ",\"pad\":\"" + QByteArray(8000, 'x') + '"'));
        rig.fake.send("event: status_update_event\r\ndata: {\"taskId\":\"\xFF\xFE\",\"taskStatus\":\"TASK_RUNNING\"}\r\n\r\n");
        rig.fake.send("data: [1,2]\r\n\r\n");
        rig.fake.sendEvent("status_update_event", update("b.instance-2._app", "TASK_RUNNING"));

        QTRY_COMPARE(rig.status("b.instance-2._app"), mar(MarStatus::Running));
        QCOMPARE(rig.status("a.instance-1._app"), mar(MarStatus::Running));
        QVERIFY(!rig.task("big.instance-1._app"));
        const MarathonEvents::Counters &counters = rig.backend->counters();
        // Invalid UTF-8 no longer drops the event (issue 15, finding 7): it is repaired.
        QCOMPARE(counters.malformed, quint64(2));
        QCOMPARE(counters.repairedUtf8, quint64(1));
        QCOMPARE(counters.oversized, quint64(1));
        QCOMPARE(counters.unknown, quint64(3));
        QCOMPARE(counters.unknownTypes.value("brand_new_event"), quint64(3));
        // One line announces an unknown type; problems are logged up to the limit.
        QCOMPARE(rig.logLinesContaining(QStringLiteral("brand_new_event")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Skipped a malformed event: status_update_event frame: malformed JSON")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("invalid UTF-8 sequences; they are shown as U+FFFD")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("near: {not json at all")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Dropped an event of more than")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("not a JSON object")), 0);   // over the limit
        // The stream went on: one connection, still live.
        QCOMPARE(rig.fake.streamsOpened(), 1);
        QCOMPARE(rig.backend->connectionStatus().state, State::Live);
    }

    void unknownTypesAndSuppressedProblemsAreSummarised()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        MarathonConfig config = MarathonRig::fastConfig(rig.fake.url());
        config.problemLogIntervalMs = 150;
        config.problemLinesPerInterval = 1;
        QVERIFY(rig.start(config));
        QVERIFY(rig.waitLive());
        QByteArray burst;
        for (int i = 0; i < 5; ++i)
            burst += FakeMarathon::frame("zz_event", q("{'eventType':'zz_event'}"));
        burst += "data: nope\r\n\r\ndata: nope again\r\n\r\n";
        rig.fake.send(burst);
        QTRY_COMPARE(rig.backend->counters().unknown, quint64(5));
        QTRY_COMPARE(rig.logLinesContaining(QStringLiteral("more malformed or oversized events")), 1);
        // However the summaries fall, they add up to what was not announced.
        const auto summarised = [&rig] {
            int total = 0;
            const QRegularExpression count(QStringLiteral("Ignored (\\d+) more events of unknown types"));
            for (const QString &line : rig.log()) {
                if (const QRegularExpressionMatch match = count.match(line); match.hasMatch())
                    total += match.captured(1).toInt();
            }
            return total;
        };
        QTRY_COMPARE(summarised(), 4);
        QVERIFY(rig.logLinesContaining(QStringLiteral("zz_event ×")) >= 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Skipped a malformed event")), 1);
    }

    void droppedConnectionDuringWhichTheSnapshotChanges()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.setTask(FakeMarathon::task("web.instance-a._app", "/web", "TASK_RUNNING"));
        rig.fake.setTask(FakeMarathon::task("web.instance-b._app", "/web", "TASK_RUNNING"));
        rig.fake.setTask(FakeMarathon::task("api.instance-c._app", "/api", "TASK_STAGING"));
        rig.fake.setTask(FakeMarathon::task("old.instance-e._app", "/old", "TASK_RUNNING"));
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());
        // A kill seen live: Marathon expunges the task, the table keeps it as history.
        rig.fake.removeTask("old.instance-e._app");
        rig.fake.sendEvent("status_update_event", FakeMarathon::statusUpdate("old.instance-e._app", "/old", "TASK_KILLED"));
        QTRY_COMPARE(rig.status("old.instance-e._app"), mar(MarStatus::Killed));

        // What happens next never reaches the stream: the connection is gone.
        rig.fake.removeTask("web.instance-a._app");
        rig.fake.setTask(FakeMarathon::task("web.instance-b._app", "/web", "TASK_UNREACHABLE"));
        rig.fake.setTask(FakeMarathon::task("api.instance-c._app", "/api", "TASK_RUNNING"));
        rig.fake.setTask(FakeMarathon::task("web.instance-d._app", "/web", "TASK_STAGING"));
        rig.fake.dropStreams();

        QTRY_COMPARE(rig.backend->listings(), 2);
        QVERIFY(rig.waitLive());
        QVERIFY(rig.states().contains(State::Reconnecting));
        QCOMPARE(rig.states().last(), State::Live);

        // The store holds the server's truth, plus the finished row kept as history.
        TaskStore *store = rig.session.store();
        QCOMPARE(store->size(), 4);
        QVERIFY(!rig.task("web.instance-a._app"));
        QCOMPARE(rig.status("old.instance-e._app"), mar(MarStatus::Killed));
        const auto truth = MarathonParser::parseTasks(QByteArray("{\"tasks\":[" + rig.fake.tasks().join(',') + "]}"));
        QCOMPARE(truth.tasks.size(), 3);
        for (const Task &expected : truth.tasks) {
            const Task *actual = store->find(expected.id);
            QVERIFY2(actual, expected.id.constData());
            QCOMPARE(actual->status, expected.status);
            QCOMPARE(actual->nativeStatus, expected.nativeStatus);
            QCOMPARE(actual->host, expected.host);
            QCOMPARE(actual->group, expected.group);
            QCOMPARE(actual->startedAt, expected.startedAt);
            QCOMPARE(actual->scheduledAt, expected.scheduledAt);
            QCOMPARE(actual->version, expected.version);
        }
    }

    void eventsWhileTheListingIsOnItsWayWinOverIt_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("merged at once") << 10000;
        // Large listings are merged a chunk per event-loop turn; x comes in the last chunk.
        QTest::newRow("merged in chunks") << 1;
    }
    void eventsWhileTheListingIsOnItsWayWinOverIt()
    {
        QFETCH(int, chunk);
        MarathonRig rig;
        rig.session.setSnapshotChunkSize(chunk);
        QVERIFY(rig.fake.listen());
        rig.fake.setTask(FakeMarathon::task("web.instance-p._app", "/web", "TASK_RUNNING"));
        rig.fake.setTask(FakeMarathon::task("web.instance-q._app", "/web", "TASK_RUNNING"));
        rig.fake.setTask(FakeMarathon::task("web.instance-x._app", "/web", "TASK_RUNNING"));
        rig.fake.setHoldListings(true);
        QVERIFY(rig.start());
        QTRY_COMPARE(rig.fake.server().count("GET", QStringLiteral("/v2/tasks")), 1);
        rig.fake.sendEvent("status_update_event", FakeMarathon::statusUpdate("web.instance-x._app", "/web", "TASK_KILLED"));
        rig.fake.sendEvent("status_update_event", FakeMarathon::statusUpdate("web.instance-y._app", "/web", "TASK_RUNNING"));
        QVERIFY(MarathonRig::spinUntil([&] { return rig.backend->counters().taskEvents == 2; }));
        QCOMPARE(rig.session.store()->size(), 0);   // held until the listing is in
        QCOMPARE(rig.backend->connectionStatus().state, State::Connecting);

        rig.fake.releaseListings();   // still says x is running: it is older than the events
        QVERIFY(rig.waitLive());
        QTRY_VERIFY(!rig.session.isMerging());
        QCOMPARE(rig.session.store()->size(), 4);
        QCOMPARE(rig.status("web.instance-x._app"), mar(MarStatus::Killed));
        QCOMPARE(rig.status("web.instance-y._app"), mar(MarStatus::Running));
    }

    void silentStallGoesStaleThenReconnects()
    {
        MarathonRig rig;
        QVERIFY(liveWithWebTask(rig));
        const Timestamp stalledAt = IsoTime::now();
        rig.fake.setStalled(true);
        QVERIFY(rig.waitFor(State::Stale));
        const ConnectionStatus stale = rig.backend->connectionStatus();
        // Stale since the last byte, which came before the stall (heartbeats every 50 ms).
        QVERIFY(stale.since > 0 && stale.since <= stalledAt + 50);
        QVERIFY(IsoTime::now() - stale.since >= 290);
        QVERIFY(stale.text(IsoTime::now()).startsWith(QStringLiteral("Stale since")));
        QVERIFY2(stale.detail.contains(QStringLiteral("no data on the event stream for 300 ms")), qPrintable(stale.detail));
        QCOMPARE(stale.attempt, 1);

        rig.fake.setStalled(false);
        QVERIFY(rig.waitLive());
        QVERIFY(rig.fake.streamsOpened() >= 2);
        QVERIFY(rig.backend->listings() >= 2);
        const QList<State> states = rig.states();
        QVERIFY(states.indexOf(State::Stale) > states.indexOf(State::Live));
        QCOMPARE(states.last(), State::Live);
        QVERIFY(rig.logLinesContaining(QStringLiteral("Stale since")) >= 1);
    }

    void frameSplitAtEveryBytePosition()
    {
        MarathonRig rig;
        QVERIFY(liveAndQuiet(rig));

        const QByteArray frame = FakeMarathon::frame("status_update_event", update(webTask, "TASK_RUNNING"));
        const quint64 before = rig.backend->counters().taskEvents;
        for (qsizetype cut = 1; cut < frame.size(); ++cut) {
            const qint64 bytes = rig.backend->bytesReceived();
            rig.fake.send(frame.left(cut));
            // Wait until the first part has been read on its own, then send the rest.
            QVERIFY(MarathonRig::spinUntil([&] { return rig.backend->bytesReceived() == bytes + cut; }));
            rig.fake.send(frame.mid(cut));
            QVERIFY(MarathonRig::spinUntil([&] { return rig.backend->counters().taskEvents == before + quint64(cut); }));
        }
        QCOMPARE(rig.backend->counters().malformed, quint64(0));
        QCOMPARE(rig.backend->counters().heartbeats, quint64(0));
        QCOMPARE(rig.status(webTask.constData()), mar(MarStatus::Running));
    }

    void streamOneByteAtATime()
    {
        MarathonRig rig;
        QVERIFY(liveAndQuiet(rig));

        QByteArray stream;
        const QList<QByteArray> states{"TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_FAILED", "TASK_FINISHED"};
        for (int i = 0; i < states.size(); ++i)
            stream += "\r\n" + FakeMarathon::frame("status_update_event", update("t.instance-" + QByteArray::number(i) + "._app", states[i]));
        for (char byte : std::as_const(stream)) {
            const qint64 bytes = rig.backend->bytesReceived();
            rig.fake.send(QByteArray(1, byte));
            QVERIFY(MarathonRig::spinUntil([&] { return rig.backend->bytesReceived() == bytes + 1; }));
        }
        QCOMPARE(rig.backend->counters().taskEvents, quint64(states.size()));
        QCOMPARE(rig.backend->counters().heartbeats, quint64(states.size()));
        QCOMPARE(rig.status("t.instance-2._app"), mar(MarStatus::Running));
        QCOMPARE(rig.status("t.instance-3._app"), mar(MarStatus::Failed));
        QCOMPARE(rig.status("t.instance-4._app"), mar(MarStatus::Finished));
    }

    void instanceAndHealthEventsOnlyTouchKnownTasks()
    {
        MarathonRig rig;
        QVERIFY(liveWithWebTask(rig));

        rig.fake.sendEvent("instance_health_changed_event",
                           q("{'instanceId':'web.instance-11111111','runSpecId':'/prod/web','healthy':false,'eventType':'instance_health_changed_event'}"));
        QTRY_COMPARE(rig.health(webTask), Health::Unhealthy);
        rig.fake.sendEvent("health_status_changed_event",
                           q("{'appId':'/prod/web','instanceId':'web.instance-11111111','version':'v','alive':true,'eventType':'health_status_changed_event'}"));
        QTRY_COMPARE(rig.health(webTask), Health::Healthy);
        // A scheduled instance has no task; a kill report for a task never seen changes no row.
        rig.fake.sendEvent("instance_changed_event",
                           q("{'instanceId':'ghost.instance-99','condition':'Scheduled','runSpecId':'/ghost','agentId':null,'host':null,'eventType':'instance_changed_event'}"));
        rig.fake.sendEvent("unhealthy_instance_kill_event",
                           q("{'appId':'/ghost','taskId':'ghost.instance-98._app','instanceId':'ghost.instance-98','version':'v','reason':'timeout','host':'h1','eventType':'unhealthy_instance_kill_event'}"));
        rig.fake.sendEvent("unhealthy_instance_kill_event",
                           q("{'appId':'/prod/web','taskId':'web.instance-11111111._app','instanceId':'web.instance-11111111','version':'v','reason':'503','host':'agent-1','eventType':'unhealthy_instance_kill_event'}"));
        QTRY_COMPARE(rig.health(webTask), Health::Unhealthy);
        QCOMPARE(rig.session.store()->size(), 1);
        QCOMPARE(rig.backend->counters().unmatched, quint64(2));
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Marathon killed unhealthy task ghost.instance-98._app of /ghost on h1: timeout")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Marathon killed unhealthy task web.instance-11111111._app")), 1);
    }

    void startAndStagingTimesComeFromTheFirstEvents()
    {
        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());
        const QByteArray id = "fresh.instance-5._app";
        rig.fake.sendEvent("status_update_event", update(id, "TASK_STAGING", q(",'timestamp':'2024-02-01T10:00:00.000Z'")));
        rig.fake.sendEvent("status_update_event", update(id, "TASK_RUNNING", q(",'timestamp':'2024-02-01T10:00:02.000Z'")));
        // A second TASK_RUNNING (a health flag changed) must not move the start.
        rig.fake.sendEvent("status_update_event", update(id, "TASK_RUNNING", q(",'timestamp':'2024-02-01T10:05:00.000Z','message':'healthy'")));
        QTRY_VERIFY(rig.task(id) && rig.task(id)->message.toString() == u"healthy");
        QCOMPARE(rig.task(id)->scheduledAt, IsoTime::parse("2024-02-01T10:00:00.000Z"));
        QCOMPARE(rig.task(id)->startedAt, IsoTime::parse("2024-02-01T10:00:02.000Z"));
    }

    void theCaptureInTheFixturesReplays()
    {
        QFile file(QStringLiteral(TASKMON_FIXTURES_DIR "/marathon/events.txt"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray capture = file.readAll();
        // The documented wire format: every line ends in CRLF.
        QCOMPARE(capture.count("\n"), capture.count("\r\n"));
        QVERIFY(capture.endsWith("\r\n\r\n"));

        MarathonRig rig;
        QVERIFY(rig.fake.listen());
        rig.fake.setHeartbeatMs(0);
        QVERIFY(rig.start());
        QVERIFY(rig.waitLive());
        rig.fake.send(capture);

        const char *legacy = "test-app.5dd78972-6771-11e5-94e1-be5b2935a987";
        const char *instanceTask = "my-app.instance-c7c311a4-b669-11e6-a48f-0ea4f4b1778c._app";
        QTRY_COMPARE(rig.status(legacy), mar(MarStatus::Killed));
        QCOMPARE(rig.task(legacy)->finishedAt, IsoTime::parse("2015-09-30T12:51:00.000Z"));
        QCOMPARE(rig.task(legacy)->message.toString(), QStringLiteral("Command terminated with signal Terminated"));
        QCOMPARE(rig.task(legacy)->host.toString(), QStringLiteral("srv4.hw.ca1.mesosphere.com"));
        QCOMPARE(rig.status(instanceTask), mar(MarStatus::Running));
        QCOMPARE(rig.task(instanceTask)->nativeStatus.toString(), QStringLiteral("TASK_RUNNING"));
        QCOMPARE(rig.task(instanceTask)->health, Health::Healthy);
        QCOMPARE(rig.task(instanceTask)->group.toString(), QStringLiteral("/my-app"));
        QCOMPARE(rig.session.store()->size(), 2);

        const MarathonEvents::Counters &counters = rig.backend->counters();
        QCOMPARE(counters.frames, quint64(1 + 11));   // the fake's own attach, then the capture
        QCOMPARE(counters.attached, quint64(2));
        QCOMPARE(counters.heartbeats, quint64(3));
        QCOMPARE(counters.malformed + counters.unknown, quint64(0));
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Marathon killed unhealthy task my-app_0-1396592784349 of /my-app on localhost: 500 Internal Server Error")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Deployment 867ed450: ScaleApplication /my-app")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("Deployment 867ed450 succeeded: /my-app")), 1);
        QCOMPARE(rig.logLinesContaining(QStringLiteral("App /old-app was removed from Marathon")), 1);
    }
};

QTEST_GUILESS_MAIN(TestMarathonBackend)
#include "tst_marathonbackend.moc"
