// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulematcher.h"

#include "store/taskstore.h"

RuleMatcher::RuleMatcher(TaskStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(store, &TaskStore::rowsAppended, this, &RuleMatcher::onAppended);
    connect(store, &TaskStore::rowsAboutToBeRemoved, this, &RuleMatcher::onAboutToBeRemoved);
    connect(store, &TaskStore::transitionsRecorded, this, &RuleMatcher::onTransitions);
}

QStringList RuleMatcher::setRules(const QList<NotificationRule> &rules)
{
    QStringList broken;
    m_rules = rules;
    m_compiled.clear();
    for (int i = 0; i < rules.size(); ++i) {
        if (!rules[i].enabled)
            continue;
        TaskQuery::Error error;
        Compiled compiled;
        compiled.rule = i;
        compiled.query = TaskQuery::parse(rules[i].query, &error);
        // An empty query would match everything: a rule must say what it wants.
        if (error.isError() || compiled.query.isEmpty()) {
            broken.append(rules[i].name);
            continue;
        }
        m_compiled.push_back(std::move(compiled));
    }
    // What already matches is the baseline of the new rules, announced or not before.
    for (Compiled &compiled : m_compiled) {
        for (int row = 0; row < m_store->size(); ++row) {
            const Task &task = m_store->at(row);
            if (compiled.query.matches(task))
                compiled.members.insert(task.id, task.execution);
        }
    }
    return broken;
}

void RuleMatcher::setConnectionListed(int connection)
{
    m_listed.insert(connection);
}

int RuleMatcher::matchCount(int rule) const
{
    for (const Compiled &compiled : m_compiled) {
        if (compiled.rule == rule)
            return int(compiled.members.size());
    }
    return 0;
}

void RuleMatcher::evaluate(const Task &task, std::vector<QList<QByteArray>> *entered)
{
    const bool live = m_listed.contains(task.connection);
    for (size_t i = 0; i < m_compiled.size(); ++i) {
        Compiled &compiled = m_compiled[i];
        if (!compiled.query.matches(task)) {
            compiled.members.remove(task.id);
            continue;
        }
        auto it = compiled.members.find(task.id);
        if (it != compiled.members.end() && it.value() == task.execution)
            continue;   // still inside since it entered: no second notification
        compiled.members.insert(task.id, task.execution);
        if (live)
            (*entered)[i].append(task.id);
    }
}

void RuleMatcher::report(const std::vector<QList<QByteArray>> &entered)
{
    for (size_t i = 0; i < entered.size(); ++i) {
        if (!entered[i].isEmpty())
            emit this->entered(m_compiled[i].rule, entered[i]);
    }
}

void RuleMatcher::onAppended(int first, int last)
{
    if (m_compiled.empty())
        return;
    std::vector<QList<QByteArray>> entered(m_compiled.size());
    for (int row = first; row <= last; ++row)
        evaluate(m_store->at(row), &entered);
    report(entered);
}

void RuleMatcher::onAboutToBeRemoved(int first, int last)
{
    if (m_compiled.empty())
        return;
    for (int row = first; row <= last; ++row) {
        const QByteArray &id = m_store->at(row).id;
        for (Compiled &compiled : m_compiled)
            compiled.members.remove(id);
    }
}

void RuleMatcher::onTransitions(const QList<StatusTransition> &transitions)
{
    if (m_compiled.empty())
        return;
    std::vector<QList<QByteArray>> entered(m_compiled.size());
    for (const StatusTransition &transition : transitions) {
        if (const Task *task = m_store->find(transition.id))
            evaluate(*task, &entered);
    }
    report(entered);
}
