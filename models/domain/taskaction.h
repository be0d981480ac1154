// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskenums.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <QtGlobal>

enum class TaskAction : quint8 {
    Abort,
    Restart,
    Schedule,
    Unschedule,
    SetPriority,
    OverrideDependencies,
    Kill,
    KillAndScale,
    KillAndWipe,
    RestartApp,
};
inline constexpr int TaskActionCount = 10;

// A set of actions as bits, small enough to live in the taxonomy table.
class ActionSet
{
public:
    constexpr ActionSet() = default;
    constexpr explicit ActionSet(quint16 bits) : m_bits(bits) {}
    constexpr ActionSet(std::initializer_list<TaskAction> actions)
    {
        for (TaskAction action : actions)
            m_bits |= bit(action);
    }

    constexpr bool contains(TaskAction action) const { return m_bits & bit(action); }
    constexpr void insert(TaskAction action) { m_bits |= bit(action); }
    constexpr bool isEmpty() const { return m_bits == 0; }
    constexpr quint16 bits() const { return m_bits; }
    constexpr bool operator==(const ActionSet &) const = default;

    static constexpr quint16 bit(TaskAction action) { return quint16(1u << int(action)); }

private:
    quint16 m_bits = 0;
};

namespace TaskActions {
// Machine names used by taskmon-cli and JSON output: "abort", "kill-and-scale", …
QLatin1StringView key(TaskAction action);
// Returns false when text names no action.
bool fromKey(QStringView text, TaskAction *action);
// Menu text, without accelerators or ellipsis: "Kill & Scale".
QString label(TaskAction action);
// Destructive actions ask for confirmation before they are sent.
bool isDestructive(TaskAction action);
// Whether the action means something for a task of this system (as opposed to being
// allowed now). Restart counts for Marathon too: its refusal explains what to do instead.
bool concerns(TaskAction action, TaskSystem system);
// Abort through Override dependencies are Evergreen's; the kills and Restart app Marathon's.
constexpr bool isEvergreenAction(TaskAction action)
{
    return action <= TaskAction::OverrideDependencies;
}
}
