// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionrules.h"

#include "plural.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ActionRules", text);
}

ActionVerdict allow()
{
    return {true, {}, {}};
}

ActionVerdict deny(const QString &reason, const QString &category)
{
    return {false, reason, category};
}

// The category of a refusal that depends only on the status: what the task is now.
QString statusCategory(Status status)
{
    switch (status) {
    case Status::EvgAborting:
        return tr("already aborting");
    case Status::MarKilling:
        return tr("already being killed");
    case Status::EvgBlocked:
        return tr("blocked");
    case Status::EvgDispatched:
        return tr("dispatched");
    case Status::EvgUnscheduled:
    case Status::EvgInactive:
        return tr("unscheduled");
    case Status::MarScheduled:
        return tr("not launched yet");
    case Status::EvgOther:
        return tr("unknown status");
    default:
        break;
    }
    switch (StatusTaxonomy::stage(status)) {
    case Stage::Scheduled:
        return tr("scheduled");
    case Stage::InProgress:
        return tr("running");
    case Stage::Finished:
        return tr("finished");
    }
    return {};
}

QString evergreenReason(const Task &task, TaskAction action)
{
    const Status status = task.status;
    const Stage stage = task.stage();
    if (status == Status::EvgOther)
        return tr("Evergreen reported a status taskmon does not know; it will not act on it.");

    switch (action) {
    case TaskAction::Abort:
        if (status == Status::EvgAborting)
            return tr("Abort was already requested; Evergreen is stopping the task.");
        if (status == Status::EvgBlocked)
            return tr("The task is blocked by a dependency and has not run.");
        if (stage == Stage::Scheduled)
            return tr("The task has not been dispatched yet; unschedule it instead.");
        return tr("The task has already finished.");
    case TaskAction::Restart:
        if (status == Status::EvgAborting)
            return tr("Abort was requested; the task can be restarted once it has really finished.");
        if (stage == Stage::InProgress)
            return tr("The task is still running; abort it first and restart it once it has finished.");
        if (status == Status::EvgBlocked)
            return tr("The task is blocked and has not run; override its dependencies instead.");
        return tr("The task has not run yet; only finished tasks can be restarted.");
    case TaskAction::Schedule:
        if (status == Status::EvgBlocked)
            return tr("The task is scheduled but blocked by a dependency; override its dependencies instead.");
        if (stage == Stage::Scheduled)
            return tr("The task is already scheduled.");
        if (stage == Stage::InProgress)
            return tr("The task is already running.");
        return tr("The task has finished; restart it to run it again.");
    case TaskAction::Unschedule:
        if (status == Status::EvgUnscheduled || status == Status::EvgInactive)
            return tr("The task is not scheduled.");
        if (status == Status::EvgDispatched)
            return tr("The task has already been dispatched to a host; abort it instead.");
        if (status == Status::EvgBlocked)
            return tr("The task is blocked by a dependency and will not run until its dependencies are overridden.");
        if (stage == Stage::InProgress)
            return tr("The task is already running; abort it instead.");
        return tr("The task has already finished.");
    case TaskAction::SetPriority:
        if (status == Status::EvgDispatched)
            return tr("The task has already been dispatched; priority only matters while a task waits in the queue.");
        if (stage == Stage::InProgress)
            return tr("The task is already running; priority only matters while a task waits in the queue.");
        return tr("The task has finished; priority only matters while a task waits in the queue.");
    case TaskAction::OverrideDependencies:
        return tr("The task is not blocked by a dependency.");
    default:
        return tr("%1 is a Marathon action; Evergreen tasks are aborted or restarted.")
            .arg(TaskActions::label(action));
    }
}

QString marathonReason(const Task &task, TaskAction action)
{
    const Status status = task.status;
    if (action == TaskAction::Restart) {
        if (task.stage() == Stage::Finished) {
            return tr("Marathon replaces a finished task by itself; use Restart App to restart the whole app.");
        }
        return tr("Marathon cannot restart a single task: kill it and Marathon launches a replacement, or use Restart App.");
    }
    if (TaskActions::isEvergreenAction(action)) {
        return tr("%1 is an Evergreen action; Marathon tasks are killed or their app is restarted.")
            .arg(TaskActions::label(action));
    }
    if (status == Status::MarKilling)
        return tr("The task is already being killed.");
    if (status == Status::MarScheduled)
        return tr("Marathon has not launched this instance yet; there is no task to kill.");
    return tr("The task has already finished; Marathon launches a replacement by itself.");
}

QString plural(int count, const char *singular, const char *pluralForm)
{
    return countOf(count, "ActionRules", singular, pluralForm);
}
} // namespace

void ActionContext::setUnsupported(TaskSource source, TaskAction action, const QString &reason)
{
    m_unsupported[size_t(source)].insert(action);
    m_reasons[size_t(source)][size_t(action)] = reason;
}

bool ActionContext::isUnsupported(TaskSource source, TaskAction action) const
{
    return m_unsupported[size_t(source)].contains(action);
}

QString ActionContext::unsupportedReason(TaskSource source, TaskAction action) const
{
    return m_reasons[size_t(source)][size_t(action)];
}

ActionVerdict ActionRules::check(const Task &task, TaskAction action, const ActionContext &context)
{
    if (context.readOnly)
        return deny(tr("taskmon was started with --read-only."), tr("read-only"));

    const StatusInfo &info = task.statusInfo();
    if (info.system == TaskSystem::None)
        return deny(tr("The task's status is not known yet."), tr("unknown status"));

    const bool evergreen = info.system == TaskSystem::Evergreen;
    auto refusal = [&] { return evergreen ? evergreenReason(task, action) : marathonReason(task, action); };
    if (evergreen != TaskActions::isEvergreenAction(action))
        return deny(refusal(), evergreen ? tr("on Evergreen") : tr("on Marathon"));
    if (!ActionSet(info.actions).contains(action))
        return deny(refusal(), statusCategory(task.status));
    // Verdicts are memoized by verdictKey(): a rule reading more of the task goes there too.
    if (task.hasFlag(TaskFlag::ExecutionTask)
        && (action == TaskAction::Restart || action == TaskAction::Schedule
            || action == TaskAction::Unschedule)) {
        // Evergreen acts on the display task that groups it (canRestart, canSchedule).
        return deny(tr("This is an execution task of a display task; %1 the display task instead.")
                        .arg(TaskActions::label(action).toLower()),
                    tr("execution tasks"));
    }
    if (action == TaskAction::KillAndWipe && !task.hasFlag(TaskFlag::HasLocalVolumes)) {
        return deny(tr("Only tasks with local persistent volumes can be wiped; use Kill instead."),
                    tr("no local volumes"));
    }
    if (context.isUnsupported(task.source, action))
        return deny(context.unsupportedReason(task.source, action), tr("not supported"));
    return allow();
}

ActionSet ActionRules::allowedActions(const Task &task, const ActionContext &context)
{
    ActionSet result;
    for (int i = 0; i < TaskActionCount; ++i) {
        if (check(task, TaskAction(i), context))
            result.insert(TaskAction(i));
    }
    return result;
}

BulkPlan ActionRules::plan(const QList<Task> &tasks, TaskAction action, const ActionContext &context)
{
    BulkPlan result;
    result.action = action;
    result.total = int(tasks.size());
    // A verdict depends only on the status, the flags the rules read and the source, so a
    // selection of 100,000 tasks is judged a few dozen times, not 100,000.
    QHash<quint32, ActionVerdict> verdicts;
    for (int i = 0; i < tasks.size(); ++i) {
        const Task &task = tasks[i];
        const quint32 key = verdictKey(task);
        auto it = verdicts.constFind(key);
        if (it == verdicts.cend())
            it = verdicts.insert(key, check(task, action, context));
        if (it->allowed)
            result.applicable.append(i);
        else
            result.rejected.append({i, *it});
    }
    return result;
}

quint32 ActionRules::verdictKey(const Task &task)
{
    // check() reads nothing else of the task; a rule that does must be added here.
    return quint32(task.status) | quint32(task.source) << 8
        | quint32(task.flags & (TaskFlag::HasLocalVolumes | TaskFlag::ExecutionTask)) << 16;
}

QList<std::pair<QString, int>> ActionRules::sortedCategories(const QHash<QString, int> &counts)
{
    QList<std::pair<QString, int>> groups;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        groups.append({it.key(), it.value()});
    // Largest first; ties in name order, so the same selection always reads the same.
    std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) {
        if (a.second != b.second)
            return a.second > b.second;
        return a.first.compare(b.first, Qt::CaseInsensitive) < 0;
    });
    return groups;
}

QString ActionRules::joinCategories(const QList<std::pair<QString, int>> &categories)
{
    QStringList parts;
    for (const auto &[category, count] : categories)
        parts.append(QString::number(count) + u' ' + category);
    return parts.join(QStringLiteral(", "));
}

QList<std::pair<QString, int>> BulkPlan::rejectedByCategory() const
{
    QHash<QString, int> counts;
    for (const auto &[index, verdict] : rejected) {
        Q_UNUSED(index)
        ++counts[verdict.category];
    }
    return ActionRules::sortedCategories(counts);
}

QString BulkPlan::summary() const
{
    const QString parts = ActionRules::joinCategories(rejectedByCategory());
    const QString label = TaskActions::label(action);
    const int refused = int(rejected.size());
    if (applicable.isEmpty()) {
        return tr("%1: none of the %2 applies (%3)")
            .arg(label, plural(total, "selected task", "selected tasks"), parts);
    }
    QString text = label + u' ' + plural(int(applicable.size()), "task", "tasks");
    if (refused > 0)
        text += tr("; %1 not applicable: %2").arg(refused).arg(parts);
    return text;
}

QString ActionRules::checkPriority(qint64 priority, bool adminRequest)
{
    if (priority < MinPriority || priority > std::numeric_limits<qint32>::max())
        return tr("Priority must be an integer from −1 to 100 (−1 is the same as unscheduling).");
    if (priority > MaxPriority && !adminRequest) {
        return tr("Priorities above 100 need Evergreen project admin rights; send them as an explicit admin request.");
    }
    return {};
}
