// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "backends/demo/democluster.h"
#include "backends/demo/demobackend.h"
#include "domain/actionrules.h"
#include "session/session.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {
constexpr Timestamp start = 1'790'000'000'000;

DemoConfig config(quint32 seed, int tasks = 3000)
{
    DemoConfig c;
    c.seed = seed;
    c.taskCount = tasks;
    return c;
}

// Runs the cluster for a while and returns every status seen, at the start or later.
QSet<Status> statusesSeen(DemoCluster &cluster, int steps, QSet<QString> *lostReasons = nullptr)
{
    QSet<Status> seen;
    for (const Task &task : cluster.populate(start))
        seen.insert(task.status);
    for (int i = 1; i <= steps; ++i) {
        for (const TaskDelta &delta : cluster.step(start + i * 100, 20)) {
            seen.insert(delta.task.status);
            if (lostReasons && delta.task.nativeStatus.view() == u"TASK_LOST")
                lostReasons->insert(delta.task.reason.toString());
        }
    }
    return seen;
}

ActionRequest request(TaskAction action, const QByteArray &id)
{
    ActionRequest r;
    r.id = 7;
    r.action = action;
    r.taskIds = {id};
    return r;
}

const Task *firstWith(const QList<Task> &tasks, Status status)
{
    for (const Task &task : tasks) {
        if (task.status == status)
            return &task;
    }
    return nullptr;
}
} // namespace

class TestDemoCluster : public QObject
{
    Q_OBJECT

private slots:
    void theSameSeedGivesTheSameCluster()
    {
        DemoCluster a(config(5)), b(config(5)), c(config(6));
        const QList<Task> ta = a.populate(start), tb = b.populate(start), tc = c.populate(start);
        QCOMPARE(ta.size(), 3000);
        QCOMPARE(ta, tb);
        QVERIFY(ta != tc);
        for (int i = 1; i <= 50; ++i) {
            const TaskBatch ba = a.step(start + i * 100, 10);
            const TaskBatch bb = b.step(start + i * 100, 10);
            QCOMPARE(ba.size(), bb.size());
            for (qsizetype k = 0; k < ba.size(); ++k)
                QCOMPARE(ba[k].task, bb[k].task);
        }
    }

    void everyStatusOfBothSystemsShowsUp()
    {
        DemoCluster cluster(config(1));
        QSet<QString> lostReasons;
        const QSet<Status> seen = statusesSeen(cluster, 3000, &lostReasons);
        const Status expected[] = {
            evg(EvgStatus::Unscheduled), evg(EvgStatus::Pending), evg(EvgStatus::WillRun), evg(EvgStatus::Dispatched),
            evg(EvgStatus::Started), evg(EvgStatus::Success), evg(EvgStatus::Failed), evg(EvgStatus::KnownIssue),
            evg(EvgStatus::TaskTimedOut), evg(EvgStatus::SetupFailed), evg(EvgStatus::SystemFailed),
            evg(EvgStatus::SystemTimedOut), evg(EvgStatus::SystemUnresponsive), evg(EvgStatus::Aborted),
            evg(EvgStatus::Blocked), mar(MarStatus::Staging), mar(MarStatus::Starting), mar(MarStatus::Running),
            mar(MarStatus::Unreachable), mar(MarStatus::Finished), mar(MarStatus::Killed), mar(MarStatus::Failed),
            mar(MarStatus::Error), mar(MarStatus::Gone), mar(MarStatus::Unknown),
        };
        for (Status status : expected)
            QVERIFY2(seen.contains(status), qPrintable(StatusTaxonomy::label(status)));
        // TASK_LOST arrives with several reasons and is resolved by them.
        QVERIFY(lostReasons.contains(QStringLiteral("REASON_AGENT_DISCONNECTED")));
        QVERIFY(lostReasons.contains(QStringLiteral("REASON_TASK_UNKNOWN")));
    }

    void bothTimeoutKindsAndAnnotationsAreThere()
    {
        DemoCluster cluster(config(2));
        const QList<Task> tasks = cluster.populate(start);
        bool exec = false, idle = false, annotated = false, blockedWithDependency = false;
        for (const Task &task : tasks) {
            exec |= task.status == evg(EvgStatus::TaskTimedOut) && task.timeoutType == TimeoutType::Exec;
            idle |= task.status == evg(EvgStatus::TaskTimedOut) && task.timeoutType == TimeoutType::Idle;
            annotated |= task.status == evg(EvgStatus::KnownIssue) && task.details
                && !task.details->annotations.issues.isEmpty();
            blockedWithDependency |= task.status == evg(EvgStatus::Blocked) && task.details
                && !task.details->dependsOn.isEmpty();
        }
        QVERIFY(exec);
        QVERIFY(idle);
        QVERIFY(annotated);
        QVERIFY(blockedWithDependency);
    }

    void abortMarksTheTaskAndItFinishesLater()
    {
        DemoCluster cluster(config(3));
        const QList<Task> tasks = cluster.populate(start);
        const Task *running = firstWith(tasks, evg(EvgStatus::Started));
        QVERIFY(running);
        const QByteArray id = running->id;
        TaskBatch changes;
        const auto results = cluster.perform(request(evgAction(EvgAction::Abort), id), start, &changes);
        QCOMPARE(results.size(), 1);
        QVERIFY(results[0].ok);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].task.status, evg(EvgStatus::Aborting));
        QVERIFY(!ActionRules::check(changes[0].task, evgAction(EvgAction::Restart)));

        (void)cluster.step(start + 1000, 0);
        QCOMPARE(cluster.find(id)->status, evg(EvgStatus::Aborting));
        const TaskBatch later = cluster.step(start + 5000, 0);
        QCOMPARE(cluster.find(id)->status, evg(EvgStatus::Aborted));
        QVERIFY(std::any_of(later.cbegin(), later.cend(),
                            [&](const TaskDelta &d) { return d.task.id == id && d.task.status == evg(EvgStatus::Aborted); }));
        QVERIFY(ActionRules::check(*cluster.find(id), evgAction(EvgAction::Restart)));

        // Aborting a finished task is refused as Evergreen refuses it.
        const auto again = cluster.perform(request(evgAction(EvgAction::Abort), id), start + 6000, &changes);
        QVERIFY(!again[0].ok);
        QCOMPARE(again[0].httpStatus, 500);
        QVERIFY(again[0].message.contains(QStringLiteral("cannot abort")));
    }

    void restartCreatesANewScheduledExecution()
    {
        DemoCluster cluster(config(3));
        const QList<Task> tasks = cluster.populate(start);
        const Task *failed = firstWith(tasks, evg(EvgStatus::Failed));
        QVERIFY(failed);
        TaskBatch changes;
        QVERIFY(cluster.perform(request(evgAction(EvgAction::Restart), failed->id), start, &changes)[0].ok);
        const Task *now = cluster.find(failed->id);
        QCOMPARE(now->execution, quint16(failed->execution + 1));
        QVERIFY(now->status == evg(EvgStatus::WillRun) || now->status == evg(EvgStatus::Blocked));
        QCOMPARE(now->finishedAt, Timestamp(0));

        const Task *queued = firstWith(tasks, evg(EvgStatus::WillRun));
        const auto refused = cluster.perform(request(evgAction(EvgAction::Restart), queued->id), start, &changes);
        QCOMPARE(refused[0].httpStatus, 400);
    }

    void scheduleUnscheduleAndPriority()
    {
        DemoCluster cluster(config(4));
        const QList<Task> tasks = cluster.populate(start);
        const QByteArray id = firstWith(tasks, evg(EvgStatus::Unscheduled))->id;
        TaskBatch changes;
        cluster.perform(request(evgAction(EvgAction::Schedule), id), start, &changes);
        QVERIFY(cluster.find(id)->status == evg(EvgStatus::WillRun) || cluster.find(id)->status == evg(EvgStatus::Blocked));
        cluster.perform(request(evgAction(EvgAction::Unschedule), id), start, &changes);
        QCOMPARE(cluster.find(id)->status, evg(EvgStatus::Unscheduled));

        ActionRequest priority = request(evgAction(EvgAction::SetPriority), id);
        priority.priority = 101;
        const auto refused = cluster.perform(priority, start, &changes);
        QCOMPARE(refused[0].httpStatus, 401);
        QVERIFY(refused[0].message.contains(QStringLiteral("insufficient privilege")));
        priority.adminRequest = true;
        QVERIFY(cluster.perform(priority, start, &changes)[0].ok);
        QCOMPARE(cluster.find(id)->priority, 101);
    }

    void killGoesThroughKillingAndMarathonReplacesTheTask()
    {
        DemoCluster cluster(config(5));
        const QList<Task> tasks = cluster.populate(start);
        const Task *running = nullptr;
        for (const Task &task : tasks) {
            if (task.status == mar(MarStatus::Running) && task.group.view() == u"/prod/web")
                running = &task;
        }
        QVERIFY(running);
        const QByteArray id = running->id;
        const int before = cluster.size();
        TaskBatch changes;
        QVERIFY(cluster.perform(request(marAction(MarAction::Kill), id), start, &changes)[0].ok);
        QCOMPARE(cluster.find(id)->status, mar(MarStatus::Killing));
        TaskBatch later;
        for (int i = 1; i <= 80; ++i)
            later += cluster.step(start + i * 100, 0);
        QCOMPARE(cluster.find(id)->status, mar(MarStatus::Killed));
        QCOMPARE(cluster.size(), before + 1);
        const auto replacement = std::find_if(later.cbegin(), later.cend(), [&](const TaskDelta &d) {
            return d.task.id != id && d.task.group.view() == u"/prod/web" && d.task.status == mar(MarStatus::Staging);
        });
        QVERIFY(replacement != later.cend());
    }

    void lockedAppsAnswer409UntilForced()
    {
        DemoCluster cluster(config(6));
        const QList<Task> tasks = cluster.populate(start);
        const Task *payments = nullptr;
        for (const Task &task : tasks) {
            if (task.group.view() == u"/prod/payments" && task.status == mar(MarStatus::Running))
                payments = &task;
        }
        QVERIFY(payments);
        TaskBatch changes;
        ActionRequest scale = request(marAction(MarAction::KillAndScale), payments->id);
        const auto locked = cluster.perform(scale, start, &changes);
        QCOMPARE(locked[0].httpStatus, 409);
        QVERIFY(locked[0].forceable);
        QVERIFY(locked[0].message.contains(QStringLiteral("force=true")));
        QVERIFY(changes.isEmpty());
        scale.force = true;
        QVERIFY(cluster.perform(scale, start, &changes)[0].ok);
        QCOMPARE(cluster.find(payments->id)->status, mar(MarStatus::Killing));
    }

    void runsThroughASession()
    {
        Session session;
        DemoConfig c = config(9, 500);
        c.tickMs = 10;
        c.eventsPerSecond = 2000;
        auto *demo = new DemoBackend(c);
        session.addBackend(demo);
        QSignalSpy merged(&session, &Session::snapshotMerged);
        session.start();
        QTRY_COMPARE(merged.count(), 1);
        QCOMPARE(session.store()->size(), 500);
        QCOMPARE(demo->connectionStatus().state, ConnectionStatus::State::Live);
        const quint64 before = session.eventsApplied();
        QTRY_VERIFY(session.eventsApplied() > before + 100);
        QCOMPARE(session.store()->counts().total(), session.store()->size());
    }
};

QTEST_GUILESS_MAIN(TestDemoCluster)
#include "tst_democluster.moc"
