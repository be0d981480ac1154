// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "task.h"
#include "taskaction.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <utility>

// What the current session adds to the status rules: read-only mode, and actions a
// connection cannot perform at all (Evergreen's REST API cannot override dependencies).
class ActionContext
{
public:
    bool readOnly = false;

    void setUnsupported(SystemId system, TaskAction action, const QString &reason);
    bool isUnsupported(SystemId system, TaskAction action) const;
    QString unsupportedReason(SystemId system, TaskAction action) const;

private:
    std::array<ActionSet, MaxSystems + 1> m_unsupported{};
    QHash<quint16, QString> m_reasons;   // system << 8 | action
};

struct ActionVerdict
{
    bool allowed = false;
    QString reason;    // one human sentence, empty when allowed (tooltips, taskmon-cli)
    QString category;  // a short phrase to count refusals by: "finished", "scheduled"
    explicit operator bool() const { return allowed; }
};

// The outcome of checking one action against a selection of tasks.
struct BulkPlan
{
    TaskAction action{};
    int total = 0;
    QList<int> applicable;                           // indices into the checked list
    QList<std::pair<int, ActionVerdict>> rejected;   // index and why not

    // Refusals grouped by category, largest group first.
    QList<std::pair<QString, int>> rejectedByCategory() const;
    // "Abort 12 tasks; 5 not applicable: 3 finished, 2 scheduled".
    QString summary() const;
};

// Which action may be applied to which task now, and why not. Pure functions over the
// taxonomy table, the task's flags and its system's descriptor; the GUI, taskmon-cli and
// the tests all ask here.
namespace ActionRules {
ActionVerdict check(const Task &task, TaskAction action, const ActionContext &context = {});
ActionSet allowedActions(const Task &task, const ActionContext &context = {});
BulkPlan plan(const QList<Task> &tasks, TaskAction action, const ActionContext &context = {});

// Tasks with the same key get the same verdict for every action: the status (which implies
// the system) and the flags its rules read. Large selections are judged once per key.
quint32 verdictKey(const Task &task);
// Counts by category, largest first, ties in name order ("3 finished, 2 scheduled").
QList<std::pair<QString, int>> sortedCategories(const QHash<QString, int> &counts);
QString joinCategories(const QList<std::pair<QString, int>> &categories);

// For an action that asks for a value (ActionInput::Priority): its definition's range,
// and above it up to adminMaxValue only as an explicit admin request. Returns an empty
// string when the value may be sent, otherwise why not.
QString checkValue(TaskAction action, qint64 value, bool adminRequest);
}
