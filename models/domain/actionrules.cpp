// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionrules.h"

#include "system/systemregistry.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>

namespace {
class Rules
{
    Q_DECLARE_TR_FUNCTIONS(ActionRules)

public:
    static ActionVerdict allow() { return {true, {}, {}}; }
    static ActionVerdict deny(const QString &reason, const QString &category) { return {false, reason, category}; }

    // The category of a refusal that depends only on the status: what the task is now.
    static QString statusCategory(const StatusInfo &info)
    {
        if (info.refusalCategory)
            return QCoreApplication::translate("Status", info.refusalCategory);
        switch (info.stage) {
        case Stage::Scheduled:
            return tr("scheduled");
        case Stage::InProgress:
            return tr("running");
        case Stage::Finished:
            return tr("finished");
        }
        return {};
    }

    static ActionVerdict check(const Task &task, TaskAction action, const ActionContext &context)
    {
        if (context.readOnly)
            return deny(tr("taskmon was started with --read-only."), tr("read-only"));

        const StatusInfo &info = task.statusInfo();
        const SystemDescriptor *system = SystemRegistry::descriptor(info.system);
        if (!system)
            return deny(tr("The task's status is not known yet."), tr("unknown status"));
        if (!SystemRegistry::declares(info.system, action))
            return deny(system->refusal(task, action), tr("on %1").arg(system->name()));
        if (!info.actions.contains(action))
            return deny(system->refusal(task, action), statusCategory(info));
        // Verdicts are memoized by verdictKey(): a rule reading more of the task says so in
        // its descriptor's verdictFlags().
        if (const auto refused = system->refineVerdict(task, action))
            return deny(refused->first, refused->second);
        if (context.isUnsupported(info.system, action))
            return deny(context.unsupportedReason(info.system, action), tr("not supported"));
        return allow();
    }

    static QString summary(const BulkPlan &plan)
    {
        const QString parts = ActionRules::joinCategories(plan.rejectedByCategory());
        const QString label = TaskActions::label(plan.action);
        const int refused = int(plan.rejected.size());
        if (plan.applicable.isEmpty())
            return tr("%1: none of the %n selected task(s) applies (%2)", nullptr, plan.total).arg(label, parts);
        QString text = tr("%1 %n task(s)", nullptr, int(plan.applicable.size())).arg(label);
        if (refused > 0)
            text += tr("; %1 not applicable: %2").arg(refused).arg(parts);
        return text;
    }

    static QString checkValue(TaskAction action, qint64 value, bool adminRequest)
    {
        const ActionDefinition &definition = TaskActions::definition(action);
        if (value < definition.minValue || value > (adminRequest ? definition.adminMaxValue : definition.maxValue)) {
            if (value > definition.maxValue && value <= definition.adminMaxValue)
                return QCoreApplication::translate("TaskAction", definition.adminHelp);
            return QCoreApplication::translate("TaskAction", definition.valueHelp);
        }
        return {};
    }
};
} // namespace

void ActionContext::setUnsupported(SystemId system, TaskAction action, const QString &reason)
{
    m_unsupported[size_t(system)].insert(action);
    m_reasons.insert(quint16(system << 8 | int(action)), reason);
}

bool ActionContext::isUnsupported(SystemId system, TaskAction action) const
{
    return m_unsupported[size_t(system)].contains(action);
}

QString ActionContext::unsupportedReason(SystemId system, TaskAction action) const
{
    return m_reasons.value(quint16(system << 8 | int(action)));
}

ActionVerdict ActionRules::check(const Task &task, TaskAction action, const ActionContext &context)
{
    return Rules::check(task, action, context);
}

ActionSet ActionRules::allowedActions(const Task &task, const ActionContext &context)
{
    ActionSet result;
    for (int i = 0; i < TaskActions::count(); ++i) {
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
    // check() reads nothing else of the task; a descriptor's rule that does says so.
    const SystemDescriptor *system = SystemRegistry::descriptor(task.system());
    const quint16 flags = system ? quint16(task.flags & system->verdictFlags()) : 0;
    return quint32(task.status) | quint32(flags) << 8;
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
    return Rules::summary(*this);
}

QString ActionRules::checkValue(TaskAction action, qint64 value, bool adminRequest)
{
    return Rules::checkValue(action, value, adminRequest);
}
