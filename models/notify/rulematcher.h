// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "itemmodels/taskquery.h"
#include "notificationrule.h"
#include "store/taskdelta.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <vector>

class TaskStore;

// Follows which tasks match each enabled rule and reports the ones that *enter* a rule's
// match set. It works from the store's change signals, so one event costs one lookup and
// one query per rule, never a scan of the store:
//   - appended rows and recorded status transitions are evaluated;
//   - removed rows leave every set.
// A task is reported once per execution until it leaves the set and enters again. What a
// connection lists before its first listing is merged (setConnectionListed) is the baseline:
// it joins the sets silently, so starting taskmon does not announce old failures.
// Changes of fields other than the status (a new message) are not re-evaluated; rules are
// about statuses in practice and re-running every rule on every field update is what the
// store's design avoids.
class RuleMatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleMatcher)

public:
    explicit RuleMatcher(TaskStore *store, QObject *parent = nullptr);

    // Compiles the enabled rules (rule numbers are indexes into this list) and takes what
    // matches now as their baseline. Returns the rules whose query does not parse, by name.
    QStringList setRules(const QList<NotificationRule> &rules);
    const QList<NotificationRule> &rules() const { return m_rules; }
    void setConnectionListed(int connection);
    bool isListed(int connection) const { return m_listed.contains(connection); }
    // How many tasks match the rule now.
    int matchCount(int rule) const;

signals:
    void entered(int rule, const QList<QByteArray> &taskIds);

private:
    struct Compiled
    {
        int rule = -1;
        TaskQuery query;
        QHash<QByteArray, quint16> members;   // task id → the execution that entered
    };

    void onAppended(int first, int last);
    void onAboutToBeRemoved(int first, int last);
    void onTransitions(const QList<StatusTransition> &transitions);
    void evaluate(const Task &task, std::vector<QList<QByteArray>> *entered);
    void report(const std::vector<QList<QByteArray>> &entered);

    TaskStore *m_store;
    QList<NotificationRule> m_rules;
    std::vector<Compiled> m_compiled;
    QSet<int> m_listed;
};
