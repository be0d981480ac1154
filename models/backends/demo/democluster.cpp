// SPDX-License-Identifier: GPL-3.0-or-later
#include "democluster.h"

#include "demonames.h"
#include "backends/evergreen/evergreenstatus.h"
#include "backends/marathon/marathonstatus.h"
#include "domain/isotime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
InternedString interned(const QString &text)
{
    return InternedString(text);
}

// Picks an index by weight.
int weighted(QRandomGenerator &random, std::initializer_list<int> weights)
{
    int total = 0;
    for (int w : weights)
        total += w;
    int pick = random.bounded(total);
    int index = 0;
    for (int w : weights) {
        if (pick < w)
            return index;
        pick -= w;
        ++index;
    }
    return index - 1;
}

ActionResult result(const QByteArray &id, bool ok, const QString &message, int status = 200,
                    bool forceable = false)
{
    return ActionResult{id, ok, status, message, forceable};
}
} // namespace

DemoCluster::DemoCluster(const DemoConfig &config)
    : m_config(config)
    , m_random(config.seed)
    , m_hosts(DemoNames::hosts())
{
    for (const DemoNames::App &app : DemoNames::apps())
        m_appLocked.append(app.lockedByDeployment);
}

const Task *DemoCluster::find(const QByteArray &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_tasks[size_t(*it)].task;
}

DemoCluster::SimTask *DemoCluster::lookup(const QByteArray &id)
{
    const auto it = m_index.constFind(id);
    return it == m_index.cend() ? nullptr : &m_tasks[size_t(*it)];
}

DemoCluster::SimTask &DemoCluster::add(Task task, int app)
{
    // Expunged tasks leave their place to new ones, so a long demo does not grow.
    int index = int(m_tasks.size());
    if (!m_free.isEmpty()) {
        index = m_free.takeLast();
    } else {
        m_tasks.emplace_back();
    }
    m_index.insert(task.id, index);
    m_tasks[size_t(index)] = SimTask{std::move(task), {}, app, false};
    return m_tasks[size_t(index)];
}

void DemoCluster::emitTask(SimTask &sim, Timestamp now, TaskBatch *changes)
{
    sim.task.updatedAt = now;
    changes->append(TaskDelta::upsert(sim.task));
}

void DemoCluster::later(Timestamp at, FollowUpKind kind, const QByteArray &id, int app)
{
    m_followUps.push(FollowUp{at, m_followUpOrder++, kind, id, app});
}

Timestamp DemoCluster::jitter(Timestamp now, int minMs, int maxMs)
{
    return now + minMs + m_random.bounded(maxMs - minMs + 1);
}

QList<Task> DemoCluster::populate(Timestamp now)
{
    const int marathonCount = std::max(1, m_config.taskCount * 2 / 5);
    const int evergreenCount = std::max(1, m_config.taskCount - marathonCount);

    // Marathon-like: fill the apps in proportion to their instance counts.
    const QList<DemoNames::App> &apps = DemoNames::apps();
    QList<int> appSlots;
    for (int app = 0; app < apps.size(); ++app)
        appSlots.append(QList<int>(apps[app].instances, app));
    for (int i = 0; i < marathonCount; ++i) {
        const int app = appSlots[i % appSlots.size()];
        SimTask &sim = add(newMarathonTask(app, now - m_random.bounded(3'600'000)), app);
        // Most instances have been running for a while; a few are in other states.
        const int state = weighted(m_random, {78, 4, 3, 4, 3, 3, 2, 2, 1});
        const Status statuses[] = {mar(MarStatus::Running), mar(MarStatus::Staging), mar(MarStatus::Starting),
                                   mar(MarStatus::Unreachable), mar(MarStatus::Failed), mar(MarStatus::Finished),
                                   mar(MarStatus::Killed), mar(MarStatus::Gone), mar(MarStatus::Error)};
        Task &task = sim.task;
        task.status = statuses[state];
        task.nativeStatus = InternedString(QString(StatusTaxonomy::key(task.status)));
        if (task.stage() != Stage::Scheduled)
            task.startedAt = task.scheduledAt + 4000;
        if (task.stage() == Stage::Finished) {
            task.finishedAt = now - m_random.bounded(60'000);
            later(task.finishedAt + m_config.retentionMs, FollowUpKind::Expunge, task.id);
        }
        if (task.status == mar(MarStatus::Failed) || task.status == mar(MarStatus::Error))
            task.message = interned(DemoNames::failureMessage(m_random));
        if (task.status == mar(MarStatus::Running) && apps[app].healthChecks)
            task.health = m_random.bounded(10) ? Health::Healthy : Health::Unhealthy;
        task.updatedAt = now - m_random.bounded(600'000);
    }

    // Evergreen-like: whole versions of variants × tasks.
    const int perVersion = int(DemoNames::buildVariants().size() * DemoNames::evergreenTasks().size());
    int remaining = evergreenCount;
    for (int version = 0; remaining > 0; ++version) {
        QByteArray revision = QByteArray::number(m_random.generate64(), 16).left(10);
        const int count = std::min(remaining, perVersion);
        populateVersion(revision, count, now);
        remaining -= count;
        Q_UNUSED(version)
    }

    QList<Task> tasks;
    tasks.reserve(qsizetype(m_tasks.size()));
    for (const SimTask &sim : m_tasks)
        tasks.append(sim.task);
    return tasks;
}

Task DemoCluster::newMarathonTask(int app, Timestamp now)
{
    const DemoNames::App &info = DemoNames::apps()[app];
    Task task;
    task.id = DemoNames::marathonTaskId(info.id, m_random);
    task.group = interned(QString::fromUtf8(info.id));
    task.name = interned(QString::fromUtf8(info.id).section(u'/', -1));
    task.host = interned(m_hosts[m_random.bounded(int(m_hosts.size()))]);
    task.source = MarathonSystem::id();
    task.status = mar(MarStatus::Staging);
    task.nativeStatus = InternedString(QStringLiteral("TASK_STAGING"));
    task.version = interned(QStringLiteral("2026-11-20T08:15:00.000Z"));
    task.scheduledAt = now;
    task.createdAt = now;
    task.updatedAt = now;
    task.setFlag(TaskFlag::HasLocalVolumes, info.residentVolumes);
    return task;
}

void DemoCluster::populateVersion(const QByteArray &revision, int count, Timestamp now)
{
    const QStringList &variants = DemoNames::buildVariants();
    const QStringList &names = DemoNames::evergreenTasks();
    const InternedString version(QString(QStringLiteral("mongodb_mongo_master_") + QString::fromLatin1(revision)));
    int made = 0;
    for (const QString &variant : variants) {
        const QByteArray compileId = DemoNames::evergreenTaskId(variant, names.first(), revision);
        auto details = QExplicitlySharedDataPointer<TaskDetails>(new TaskDetails);
        details->fields = {{QCoreApplication::translate("DemoCluster", "Project"), QStringLiteral("mongodb-mongo-master")},
                           {QCoreApplication::translate("DemoCluster", "Revision"), QString::fromLatin1(revision)},
                           {QCoreApplication::translate("DemoCluster", "Requester"), QStringLiteral("gitter_request")},
                           {QCoreApplication::translate("DemoCluster", "Distro"), variant + QStringLiteral("-large")}};
        auto dependentDetails = QExplicitlySharedDataPointer<TaskDetails>(new TaskDetails(*details));
        dependentDetails->dependsOn = {TaskDependency{QString::fromUtf8(compileId), QStringLiteral("success")}};

        for (const QString &name : names) {
            if (made++ >= count)
                return;
            Task task;
            task.id = DemoNames::evergreenTaskId(variant, name, revision);
            task.name = interned(name);
            task.group = interned(variant);
            task.scope = interned(QStringLiteral("build_") + variant + u'_' + QString::fromLatin1(revision));
            task.version = version;
            task.createdAt = now - 3'600'000;
            task.scheduledAt = task.createdAt + 60'000;
            const bool compile = name == names.first();
            task.details = compile ? QExplicitlySharedDataPointer<const TaskDetails>(details.data())
                                   : QExplicitlySharedDataPointer<const TaskDetails>(dependentDetails.data());
            SimTask &sim = add(task, -1);
            EvergreenState &fields = sim.evergreen;
            if (!compile) {
                fields.dependsOn = compileId;
                m_dependents[compileId].append(sim.task.id);
            }
            sim.task.priority = m_random.bounded(8) == 0 ? 50 : 0;

            // Spread the version over every display status.
            const int state = weighted(m_random, {34, 11, 3, 2, 2, 3, 3, 2, 2, 2, 14, 5, 3, 8, 3, 3});
            const Timestamp start = now - m_random.bounded(1'800'000);
            auto finish = [&](const char *raw, CommandType type, bool timedOut, const QString &desc,
                              TimeoutType timeout = TimeoutType::None) {
                fields.rawStatus = QString::fromLatin1(raw);
                fields.type = type;
                fields.timedOut = timedOut;
                fields.description = desc;
                fields.timeout = timeout;
                sim.task.startedAt = start;
                sim.task.finishedAt = start + m_random.bounded(int(std::max<Timestamp>(1, now - start)));
                sim.task.host = interned(m_hosts[m_random.bounded(int(m_hosts.size()))]);
            };
            switch (state) {
            case 0: finish("success", CommandType::Test, false, {}); break;
            case 1: finish("failed", CommandType::Test, false, QStringLiteral("subprocess.exec: exit code 1")); break;
            case 2: finish("failed", CommandType::Test, false, QStringLiteral("test results contained failing test"));
                    fields.annotated = true; break;
            case 3: finish("failed", CommandType::Test, true, QStringLiteral("shell.exec"), TimeoutType::Idle); break;
            case 4: finish("failed", CommandType::Test, true, QStringLiteral("resmoke.py"), TimeoutType::Exec); break;
            case 5: finish("failed", CommandType::Setup, false, QStringLiteral("git.get_project")); break;
            case 6: finish("failed", CommandType::System, false, QStringLiteral("stranded")); break;
            case 7: finish("failed", CommandType::System, true, QStringLiteral("s3.put"), TimeoutType::Exec); break;
            case 8: finish("failed", CommandType::System, true, QStringLiteral("heartbeat")); break;
            case 9: finish("failed", CommandType::Test, false, QStringLiteral("aborted"));
                    fields.aborted = true; break;
            case 10: fields.rawStatus = QStringLiteral("undispatched"); break;                 // will-run
            case 11: fields.rawStatus = QStringLiteral("undispatched"); fields.activated = false; break;
            case 12: fields.rawStatus = QStringLiteral("undispatched"); fields.blocked = !compile; break;
            case 13: fields.rawStatus = QStringLiteral("started"); sim.task.startedAt = start;
                     sim.task.host = interned(m_hosts[m_random.bounded(int(m_hosts.size()))]); break;
            case 14: fields.rawStatus = QStringLiteral("dispatched");
                     sim.task.host = interned(m_hosts[m_random.bounded(int(m_hosts.size()))]); break;
            default: fields.rawStatus = QStringLiteral("pending"); break;
            }
            if (fields.annotated)
                sim.task.editDetails().annotations = {true, {IssueLink{QStringLiteral("https://jira.example/browse/BF-31415"), QStringLiteral("BF-31415"), 0.9}},
                                                      {}, QStringLiteral("Known flaky test, tracked by the build baron.")};
            derive(sim);
            sim.task.updatedAt = now - m_random.bounded(600'000);
        }
    }
}

void DemoCluster::derive(SimTask &sim)
{
    const EvergreenState &state = sim.evergreen;
    EvergreenRawStatus raw;
    raw.status = state.rawStatus;
    raw.detailsType = state.type;
    raw.timedOut = state.timedOut;
    raw.detailsDescription = state.description;
    raw.activated = state.activated;
    raw.aborted = state.aborted;
    raw.blocked = state.blocked;
    raw.hasAnnotations = state.annotated;
    Task &task = sim.task;
    task.source = EvergreenSystem::id();
    task.status = EvergreenStatus::derive(raw);
    task.nativeStatus = InternedString(state.rawStatus);
    task.commandType = state.type;
    task.timeoutType = state.timeout;
    task.message = task.stage() == Stage::Finished ? InternedString(state.description) : InternedString();
    task.setFlag(TaskFlag::Activated, state.activated);
    task.setFlag(TaskFlag::Aborted, state.aborted);
    task.setFlag(TaskFlag::Blocked, state.blocked);
    task.setFlag(TaskFlag::HasAnnotations, state.annotated);
    task.setFlag(TaskFlag::TimedOut, state.timedOut);
}

TaskBatch DemoCluster::step(Timestamp now, int events)
{
    TaskBatch changes;
    while (!m_followUps.empty() && m_followUps.top().at <= now) {
        const FollowUp due = m_followUps.top();
        m_followUps.pop();
        if (due.kind == FollowUpKind::Launch) {
            SimTask &sim = add(newMarathonTask(due.app, now), due.app);
            emitTask(sim, now, &changes);
            continue;
        }
        SimTask *sim = lookup(due.id);
        if (!sim || sim->gone)
            continue;
        switch (due.kind) {
        case FollowUpKind::FinishAbort:
            sim->evergreen.rawStatus = QStringLiteral("failed");
            sim->evergreen.description = QStringLiteral("aborted");
            sim->task.finishedAt = now;
            derive(*sim);
            emitTask(*sim, now, &changes);
            break;
        case FollowUpKind::FinishKill:
            finishMarathon(*sim, mar(MarStatus::Killed), now, &changes, due.app >= 0);
            break;
        case FollowUpKind::Expunge:
            sim->gone = true;
            m_free.append(m_index.take(sim->task.id));
            break;
        case FollowUpKind::Launch:
            break;
        }
    }

    if (m_tasks.empty())
        return changes;
    for (int i = 0; i < events; ++i) {
        SimTask &sim = m_tasks[size_t(m_random.bounded(int(m_tasks.size())))];
        if (sim.gone)
            continue;
        if (sim.app >= 0)
            stepMarathon(sim, now, &changes);
        else
            stepEvergreen(sim, now, &changes);
    }
    return changes;
}

void DemoCluster::stepMarathon(SimTask &sim, Timestamp now, TaskBatch *changes)
{
    Task &task = sim.task;
    const DemoNames::App &app = DemoNames::apps()[sim.app];
    auto set = [&](Status status, const char *native = nullptr) {
        task.status = status;
        task.nativeStatus = InternedString(native ? QString::fromLatin1(native) : QString(StatusTaxonomy::key(status)));
        task.reason = {};
    };
    switch (MarathonSystem::local(task.status).value_or(MarStatus::Count_)) {
    case MarStatus::Staging:
        set(mar(MarStatus::Starting));
        break;
    case MarStatus::Starting:
        if (m_random.bounded(6) == 0) {
            task.message = interned(QCoreApplication::translate("DemoCluster", "Failed to launch container: invalid image reference"));
            finishMarathon(sim, mar(MarStatus::Error), now, changes);
            return;
        }
        set(mar(MarStatus::Running));
        task.startedAt = now;
        task.message = {};
        task.health = app.healthChecks ? Health::Healthy : Health::None;
        break;
    case MarStatus::Running:
        // Mostly health changes; failures of the app itself outnumber lost agents, as in a
        // healthy cluster.
        switch (weighted(m_random, {52, 16, 10, 5, 4, 5, 8})) {
        case 0:
            if (!app.healthChecks)
                return;
            task.health = task.health == Health::Healthy ? Health::Unhealthy : Health::Healthy;
            break;
        case 1:
            task.message = interned(DemoNames::failureMessage(m_random));
            finishMarathon(sim, mar(MarStatus::Failed), now, changes);
            return;
        case 2:
            task.message = {};
            finishMarathon(sim, mar(MarStatus::Finished), now, changes);
            return;
        case 3:
            set(mar(MarStatus::Unreachable));
            task.message = interned(QCoreApplication::translate("DemoCluster", "Agent %1 is unreachable").arg(task.host.toString()));
            break;
        case 4: {
            // TASK_LOST, resolved by its reason as Marathon does.
            const char *reasons[] = {"REASON_AGENT_DISCONNECTED", "REASON_AGENT_REMOVED",
                                     "REASON_RECONCILIATION", "REASON_TASK_UNKNOWN",
                                     "REASON_AGENT_RESTARTED", ""};
            const QString reason = QString::fromLatin1(reasons[m_random.bounded(6)]);
            const Status status = MarathonStatus::resolveLost(reason, {});
            task.message = interned(QCoreApplication::translate("DemoCluster", "Task lost (%1)").arg(reason.isEmpty() ? QCoreApplication::translate("DemoCluster", "no reason given") : reason));
            if (status == mar(MarStatus::Unreachable)) {
                set(status, "TASK_LOST");
                task.reason = InternedString(reason);
                break;
            }
            task.reason = InternedString(reason);
            finishMarathon(sim, status, now, changes, true, "TASK_LOST");
            return;
        }
        case 5:
            task.message = interned(QCoreApplication::translate("DemoCluster", "Health check failed 3 times in a row; killed by Marathon"));
            finishMarathon(sim, mar(MarStatus::Killed), now, changes);
            return;
        default:
            return;
        }
        break;
    case MarStatus::Unreachable:
        switch (weighted(m_random, {60, 20, 20})) {
        case 0:
            set(mar(MarStatus::Running));
            task.message = interned(QCoreApplication::translate("DemoCluster", "Agent reconnected"));
            break;
        case 1:
            finishMarathon(sim, mar(MarStatus::Gone), now, changes);
            return;
        default:
            finishMarathon(sim, mar(MarStatus::Unknown), now, changes);
            return;
        }
        break;
    default:
        return;
    }
    emitTask(sim, now, changes);
}

void DemoCluster::finishMarathon(SimTask &sim, Status status, Timestamp now, TaskBatch *changes,
                                 bool replace, const char *nativeStatus)
{
    Task &task = sim.task;
    task.status = status;
    task.nativeStatus = InternedString(nativeStatus ? QString::fromLatin1(nativeStatus)
                                                    : QString(StatusTaxonomy::key(status)));
    task.finishedAt = now;
    task.health = Health::None;
    emitTask(sim, now, changes);
    // Marathon expunges the task and launches a replacement; the store keeps this one as
    // history for its retention window, and the simulation forgets it then too.
    later(now + m_config.retentionMs, FollowUpKind::Expunge, task.id);
    if (replace)
        later(jitter(now, 1500, 5000), FollowUpKind::Launch, {}, sim.app);
}

void DemoCluster::stepEvergreen(SimTask &sim, Timestamp now, TaskBatch *changes)
{
    EvergreenState &state = sim.evergreen;
    Task &task = sim.task;
    switch (EvergreenSystem::local(task.status).value_or(EvgStatus::Count_)) {
    case EvgStatus::Unscheduled:
        if (m_random.bounded(10) != 0)
            return;
        state.activated = true;  // somebody scheduled it
        break;
    case EvgStatus::Pending:
    case EvgStatus::WillRun:
        state.rawStatus = QStringLiteral("dispatched");
        task.host = interned(m_hosts[m_random.bounded(int(m_hosts.size()))]);
        break;
    case EvgStatus::Dispatched:
        state.rawStatus = QStringLiteral("started");
        task.startedAt = now;
        break;
    case EvgStatus::Started:
        finishEvergreen(sim, now, changes);
        return;
    case EvgStatus::Failed:
        if (m_random.bounded(4) != 0)
            return;
        state.annotated = true;  // the build baron linked an issue
        task.editDetails().annotations = {true,
                                          {IssueLink{QStringLiteral("https://jira.example/browse/BF-%1").arg(27000 + m_random.bounded(999)),
                                                     QStringLiteral("BF-%1").arg(27000 + m_random.bounded(999)), 0.8}},
                                          {IssueLink{QStringLiteral("https://jira.example/browse/SERVER-88412"),
                                                     QStringLiteral("SERVER-88412"), 0.4}},
                                          QStringLiteral("Linked by the failure triage tool.")};
        break;
    case EvgStatus::SystemFailed:
    case EvgStatus::SystemTimedOut:
    case EvgStatus::SystemUnresponsive:
        // Evergreen restarts a system failure once by itself.
        if (task.execution > 0 || m_random.bounded(2) != 0)
            return;
        restartEvergreen(sim, now);
        break;
    case EvgStatus::Success:
    case EvgStatus::TaskTimedOut:
    case EvgStatus::SetupFailed:
    case EvgStatus::KnownIssue:
    case EvgStatus::Aborted:
        if (m_random.bounded(6) != 0)
            return;
        restartEvergreen(sim, now);  // a new commit's worth of activity
        break;
    default:
        return;
    }
    derive(sim);
    emitTask(sim, now, changes);
}

void DemoCluster::finishEvergreen(SimTask &sim, Timestamp now, TaskBatch *changes)
{
    EvergreenState &state = sim.evergreen;
    state.rawStatus = QStringLiteral("failed");
    state.timedOut = false;
    state.timeout = TimeoutType::None;
    switch (weighted(m_random, {56, 14, 3, 2, 10, 6, 5, 4})) {
    case 0:
        state.rawStatus = QStringLiteral("success");
        state.type = CommandType::Test;
        state.description.clear();
        break;
    case 1:
        state.type = CommandType::Test;
        state.description = QStringLiteral("test results contained failing test");
        break;
    case 2:
        state.type = CommandType::Test;
        state.timedOut = true;
        state.timeout = TimeoutType::Idle;
        state.description = QStringLiteral("shell.exec");
        break;
    case 3:
        state.type = CommandType::Test;
        state.timedOut = true;
        state.timeout = TimeoutType::Exec;
        state.description = QStringLiteral("resmoke.py");
        break;
    case 4:
        state.type = CommandType::Setup;
        state.description = QStringLiteral("git.get_project");
        break;
    case 5:
        state.type = CommandType::System;
        state.description = QStringLiteral("stranded");
        break;
    case 6:
        state.type = CommandType::System;
        state.timedOut = true;
        state.timeout = TimeoutType::Exec;
        state.description = QStringLiteral("s3.put");
        break;
    default:
        state.type = CommandType::System;
        state.timedOut = true;
        state.description = QStringLiteral("heartbeat");
        break;
    }
    sim.task.finishedAt = now;
    derive(sim);
    emitTask(sim, now, changes);
    if (!m_dependents.contains(sim.task.id))
        return;
    // A compile task decides whether the rest of its variant can run.
    setBlockedDependents(sim.task.id, state.rawStatus != u"success", now, changes);
}

void DemoCluster::setBlockedDependents(const QByteArray &compileId, bool blocked, Timestamp now, TaskBatch *changes)
{
    for (const QByteArray &id : m_dependents.value(compileId)) {
        SimTask *dependent = lookup(id);
        if (!dependent || dependent->evergreen.rawStatus != u"undispatched"
            || dependent->task.hasFlag(TaskFlag::OverrideDependencies)) {
            continue;
        }
        if (dependent->evergreen.blocked == blocked)
            continue;
        dependent->evergreen.blocked = blocked;
        derive(*dependent);
        emitTask(*dependent, now, changes);
    }
}

void DemoCluster::restartEvergreen(SimTask &sim, Timestamp now)
{
    EvergreenState &state = sim.evergreen;
    state = EvergreenState{QStringLiteral("undispatched"), CommandType::Unset, false, {},
                         TimeoutType::None, true, false, false, false, state.dependsOn};
    Task &task = sim.task;
    ++task.execution;
    task.startedAt = 0;
    task.finishedAt = 0;
    task.scheduledAt = now;
    task.host = {};
    if (task.details && task.details->annotations.loaded)
        task.editDetails().annotations = {};
    task.setFlag(TaskFlag::OverrideDependencies, false);
    if (!state.dependsOn.isEmpty()) {
        const SimTask *compile = lookup(state.dependsOn);
        state.blocked = compile && compile->task.stage() == Stage::Finished
            && compile->task.status != evg(EvgStatus::Success);
    }
}

QList<ActionResult> DemoCluster::perform(const ActionRequest &request, Timestamp now, TaskBatch *changes)
{
    if (request.action == marAction(MarAction::RestartApp))
        return restartApp(request, now, changes);
    QList<ActionResult> results;
    for (const QByteArray &id : request.taskIds) {
        SimTask *sim = lookup(id);
        if (!sim || sim->gone) {
            results.append(result(id, false, QCoreApplication::translate("DemoCluster", "Task '%1' does not exist").arg(QString::fromUtf8(id)), 404));
            continue;
        }
        if (sim->app >= 0) {
            results.append(killTask(*sim, request.action, request.force, now, changes));
        } else {
            results.append(evergreenAction(*sim, request, now, changes));
        }
    }
    return results;
}

ActionResult DemoCluster::killTask(SimTask &sim, TaskAction action, bool force, Timestamp now, TaskBatch *changes)
{
    Task &task = sim.task;
    if (action != marAction(MarAction::Kill) && action != marAction(MarAction::KillAndScale) && action != marAction(MarAction::KillAndWipe))
        return result(task.id, false, QCoreApplication::translate("DemoCluster", "Marathon has no such action for a task."), 400);
    if (task.stage() == Stage::Finished)
        return result(task.id, false, QCoreApplication::translate("DemoCluster", "Task '%1' does not exist").arg(task.idString()), 404);
    if (action == marAction(MarAction::KillAndScale) && m_appLocked[sim.app] && !force) {
        return result(task.id, false,
                      QCoreApplication::translate("DemoCluster", "App is locked by one or more deployments. Override with the option '?force=true'."),
                      409, true);
    }
    if (action == marAction(MarAction::KillAndWipe) && !task.hasFlag(TaskFlag::HasLocalVolumes))
        return result(task.id, false, QCoreApplication::translate("DemoCluster", "Only resident tasks with local volumes can be wiped."), 400);
    if (force)
        m_appLocked[sim.app] = false;
    task.status = mar(MarStatus::Killing);
    task.nativeStatus = InternedString(QStringLiteral("TASK_KILLING"));
    task.message = {};
    emitTask(sim, now, changes);
    // Scaling down means no replacement; a plain kill or a wipe gets one.
    const bool replace = action != marAction(MarAction::KillAndScale);
    later(jitter(now, 800, 2500), FollowUpKind::FinishKill, task.id, replace ? sim.app : -1);
    const QString done = action == marAction(MarAction::KillAndScale) ? QCoreApplication::translate("DemoCluster", "Killed; the app is scaled down by one")
                                                            : QCoreApplication::translate("DemoCluster", "Kill requested");
    return result(task.id, true, done);
}

QList<ActionResult> DemoCluster::restartApp(const ActionRequest &request, Timestamp now, TaskBatch *changes)
{
    QList<ActionResult> results;
    QList<int> restarted;
    for (const QByteArray &id : request.taskIds) {
        SimTask *sim = lookup(id);
        if (!sim || sim->app < 0) {
            results.append(result(id, false, QCoreApplication::translate("DemoCluster", "App does not exist"), 404));
            continue;
        }
        const int app = sim->app;
        if (m_appLocked[app] && !request.force) {
            results.append(result(id, false,
                                  QCoreApplication::translate("DemoCluster", "App is locked by one or more deployments. Override with the option '?force=true'."),
                                  409, true));
            continue;
        }
        if (!restarted.contains(app)) {
            restarted.append(app);
            m_appLocked[app] = false;
            // A rolling restart: every active instance is killed and replaced.
            for (SimTask &other : m_tasks) {
                if (other.app == app && !other.gone && other.task.stage() != Stage::Finished
                    && other.task.status != mar(MarStatus::Killing)) {
                    other.task.status = mar(MarStatus::Killing);
                    other.task.nativeStatus = InternedString(QStringLiteral("TASK_KILLING"));
                    emitTask(other, now, changes);
                    later(jitter(now, 1000, 6000), FollowUpKind::FinishKill, other.task.id, app);
                }
            }
        }
        results.append(result(id, true, QCoreApplication::translate("DemoCluster", "Deployment started: rolling restart of %1")
                                            .arg(QString::fromUtf8(DemoNames::apps()[app].id))));
    }
    return results;
}

ActionResult DemoCluster::evergreenAction(SimTask &sim, const ActionRequest &request, Timestamp now,
                                          TaskBatch *changes)
{
    EvergreenState &state = sim.evergreen;
    Task &task = sim.task;
    const QString raw = state.rawStatus;
    const QString statusText = QCoreApplication::translate("DemoCluster", "task '%1' currently has status '%2'").arg(task.idString(), raw);
    switch (EvergreenSystem::localAction(request.action).value_or(EvgAction::Count_)) {
    case EvgAction::Abort:
        if (raw != u"started" && raw != u"dispatched")
            return result(task.id, false, statusText + QCoreApplication::translate("DemoCluster", " - cannot abort task in this status"), 500);
        state.aborted = true;
        state.activated = false;
        later(jitter(now, 2000, 4000), FollowUpKind::FinishAbort, task.id);
        break;
    case EvgAction::Restart:
        if (task.stage() != Stage::Finished || task.status == evg(EvgStatus::Blocked))
            return result(task.id, false, statusText + QCoreApplication::translate("DemoCluster", " - cannot reset task in this status"), 400);
        restartEvergreen(sim, now);
        break;
    case EvgAction::Schedule:
    case EvgAction::Unschedule:
        state.activated = request.action == evgAction(EvgAction::Schedule);
        if (state.activated && task.priority < 0)
            task.priority = 0;  // Evergreen resets a disabled task's priority when scheduling
        break;
    case EvgAction::SetPriority:
        if (request.priority > 100 && !request.adminRequest) {
            return result(task.id, false,
                          QCoreApplication::translate("DemoCluster", "insufficient privilege to set priority to %1, non-superusers can only set priority at or below 100")
                              .arg(request.priority),
                          401);
        }
        task.priority = request.priority;
        if (request.priority <= -1)
            state.activated = false;
        break;
    case EvgAction::OverrideDependencies:
        task.setFlag(TaskFlag::OverrideDependencies);
        state.blocked = false;
        break;
    default:
        return result(task.id, false, QCoreApplication::translate("DemoCluster", "Evergreen tasks are not killed; abort them."), 400);
    }
    derive(sim);
    emitTask(sim, now, changes);
    return result(task.id, true, {});
}

QString DemoCluster::rawRecord(const QByteArray &id) const
{
    const auto it = m_index.constFind(id);
    if (it == m_index.cend())
        return QCoreApplication::translate("DemoCluster", "The demo cluster no longer knows task %1.").arg(QString::fromUtf8(id));
    const SimTask &sim = m_tasks[size_t(*it)];
    const Task &task = sim.task;
    QJsonObject record;
    if (sim.app >= 0) {
        record[QStringLiteral("id")] = task.idString();
        record[QStringLiteral("appId")] = task.group.toString();
        record[QStringLiteral("host")] = task.host.toString();
        record[QStringLiteral("state")] = task.nativeStatus.toString();
        record[QStringLiteral("stagedAt")] = IsoTime::format(task.scheduledAt);
        record[QStringLiteral("startedAt")] = task.startedAt ? QJsonValue(IsoTime::format(task.startedAt)) : QJsonValue();
        record[QStringLiteral("version")] = task.version.toString();
        record[QStringLiteral("role")] = QStringLiteral("*");
    } else {
        const EvergreenState &state = sim.evergreen;
        record[QStringLiteral("task_id")] = task.idString();
        record[QStringLiteral("display_name")] = task.name.toString();
        record[QStringLiteral("build_variant")] = task.group.toString();
        record[QStringLiteral("status")] = state.rawStatus;
        record[QStringLiteral("display_status")] = QString(StatusTaxonomy::key(task.status));
        record[QStringLiteral("activated")] = state.activated;
        record[QStringLiteral("aborted")] = state.aborted;
        record[QStringLiteral("blocked")] = state.blocked;
        record[QStringLiteral("has_annotations")] = state.annotated;
        record[QStringLiteral("priority")] = task.priority;
        record[QStringLiteral("execution")] = task.execution;
        QJsonObject details;
        const char *types[] = {"", "test", "system", "setup"};
        details[QStringLiteral("type")] = QString::fromLatin1(types[int(state.type)]);
        details[QStringLiteral("desc")] = state.description;
        details[QStringLiteral("timed_out")] = state.timedOut;
        details[QStringLiteral("timeout_type")] = QString(StatusTaxonomy::timeoutTypeKey(state.timeout));
        record[QStringLiteral("status_details")] = details;
        QJsonArray depends;
        if (!state.dependsOn.isEmpty())
            depends.append(QJsonObject{{QStringLiteral("id"), QString::fromUtf8(state.dependsOn)},
                                       {QStringLiteral("status"), QStringLiteral("success")}});
        record[QStringLiteral("depends_on")] = depends;
    }
    return QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Indented));
}
