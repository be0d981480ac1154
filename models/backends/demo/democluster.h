// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"
#include "democonfig.h"

#include <QHash>
#include <QRandomGenerator>

#include <queue>
#include <vector>

// A simulated cluster with the tasks of both systems: Marathon-like app instances that
// stage, start, run, fail, get lost and come back, and Evergreen-like versions whose tasks
// go through every display status. It answers actions the way the real systems do (an
// abort only marks the task; a kill goes through Killing; Marathon launches replacements).
//
// No timers and no wall clock: the caller passes the time in, so the same seed and the
// same calls give the same cluster, which the tests rely on.
class DemoCluster
{
public:
    explicit DemoCluster(const DemoConfig &config);

    // Creates the cluster as it is at the start.
    QList<Task> populate(Timestamp now);
    // Runs what is due by now, then `events` random changes.
    TaskBatch step(Timestamp now, int events);
    // Applies an action; the changes it causes at once are appended to *changes.
    QList<ActionResult> perform(const ActionRequest &request, Timestamp now, TaskBatch *changes);
    // The task as the real API would return it, pretty-printed JSON.
    QString rawRecord(const QByteArray &id) const;

    int size() const { return int(m_tasks.size()); }
    const Task *find(const QByteArray &id) const;

private:
    // The raw Evergreen fields the display status is derived from.
    struct EvergreenState
    {
        QString rawStatus = QStringLiteral("undispatched");
        CommandType type = CommandType::Unset;
        bool timedOut = false;
        QString description;
        TimeoutType timeout = TimeoutType::None;
        bool activated = true;
        bool aborted = false;
        bool blocked = false;
        bool annotated = false;
        QByteArray dependsOn;    // the variant's compile task
    };

    struct SimTask
    {
        Task task;
        EvergreenState evergreen;
        int app = -1;            // Marathon-like tasks: index into DemoNames::apps()
        bool gone = false;       // expunged or replaced for good
    };

    enum class FollowUpKind { FinishAbort, FinishKill, Launch, Expunge };
    struct FollowUp
    {
        Timestamp at;
        quint64 order;           // keeps equal times in insertion order
        FollowUpKind kind;
        QByteArray id;
        int app;
        bool operator>(const FollowUp &other) const
        {
            return at != other.at ? at > other.at : order > other.order;
        }
    };

    SimTask &add(Task task, int app);
    SimTask *lookup(const QByteArray &id);
    void emitTask(SimTask &sim, Timestamp now, TaskBatch *changes);
    void later(Timestamp at, FollowUpKind kind, const QByteArray &id, int app = -1);
    Timestamp jitter(Timestamp now, int minMs, int maxMs);

    // Marathon-like behaviour.
    Task newMarathonTask(int app, Timestamp now);
    void stepMarathon(SimTask &sim, Timestamp now, TaskBatch *changes);
    void finishMarathon(SimTask &sim, Status status, Timestamp now, TaskBatch *changes,
                        bool replace = true, const char *nativeStatus = nullptr);
    ActionResult killTask(SimTask &sim, TaskAction action, bool force, Timestamp now, TaskBatch *changes);
    QList<ActionResult> restartApp(const ActionRequest &request, Timestamp now, TaskBatch *changes);

    // Evergreen-like behaviour.
    void populateVersion(const QByteArray &revision, int count, Timestamp now);
    void stepEvergreen(SimTask &sim, Timestamp now, TaskBatch *changes);
    void finishEvergreen(SimTask &sim, Timestamp now, TaskBatch *changes);
    void restartEvergreen(SimTask &sim, Timestamp now);
    void setBlockedDependents(const QByteArray &compileId, bool blocked, Timestamp now, TaskBatch *changes);
    static void derive(SimTask &sim);
    ActionResult evergreenAction(SimTask &sim, const ActionRequest &request, Timestamp now,
                                 TaskBatch *changes);

    DemoConfig m_config;
    QRandomGenerator m_random;
    std::vector<SimTask> m_tasks;
    QHash<QByteArray, int> m_index;
    QHash<QByteArray, QList<QByteArray>> m_dependents;  // compile task → tasks that need it
    std::priority_queue<FollowUp, std::vector<FollowUp>, std::greater<FollowUp>> m_followUps;
    quint64 m_followUpOrder = 0;
    QList<int> m_free;                                   // places of expunged tasks
    QList<bool> m_appLocked;
    QStringList m_hosts;
};
