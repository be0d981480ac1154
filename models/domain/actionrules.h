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

    void setUnsupported(TaskSource source, TaskAction action, const QString &reason);
    bool isUnsupported(TaskSource source, TaskAction action) const;
    QString unsupportedReason(TaskSource source, TaskAction action) const;

private:
    std::array<ActionSet, TaskSourceCount> m_unsupported{};
    std::array<std::array<QString, TaskActionCount>, TaskSourceCount> m_reasons;
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
    TaskAction action = TaskAction::Abort;
    int total = 0;
    QList<int> applicable;                           // indices into the checked list
    QList<std::pair<int, ActionVerdict>> rejected;   // index and why not

    // Refusals grouped by category, largest group first.
    QList<std::pair<QString, int>> rejectedByCategory() const;
    // "Abort 12 tasks; 5 not applicable: 3 finished, 2 scheduled".
    QString summary() const;
};

// Which action may be applied to which task now, and why not. Pure functions over the
// taxonomy table and the task's flags; the GUI, taskmon-cli and the tests all ask here.
namespace ActionRules {
ActionVerdict check(const Task &task, TaskAction action, const ActionContext &context = {});
ActionSet allowedActions(const Task &task, const ActionContext &context = {});
BulkPlan plan(const QList<Task> &tasks, TaskAction action, const ActionContext &context = {});

// Tasks with the same key get the same verdict for every action: the status, the source and
// the flags the rules read. Large selections are judged once per key.
quint32 verdictKey(const Task &task);
// Counts by category, largest first, ties in name order ("3 finished, 2 scheduled").
QList<std::pair<QString, int>> sortedCategories(const QHash<QString, int> &counts);
QString joinCategories(const QList<std::pair<QString, int>> &categories);

// Evergreen priorities are integers from −1 (the same as unscheduling) to 100; higher needs
// project admin rights and is only sent as an explicit admin request. Returns an empty
// string when the value may be sent, otherwise why not.
QString checkPriority(qint64 priority, bool adminRequest);
inline constexpr int MinPriority = -1;
inline constexpr int MaxPriority = 100;
}
