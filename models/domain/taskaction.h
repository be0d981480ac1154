// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskenums.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <initializer_list>

// An action on tasks (abort, kill, …). Systems declare their actions in their descriptors;
// the SystemRegistry numbers them 0, 1, … by key, so two systems that both declare
// "restart" share one action (and one menu entry, one key).
enum class TaskAction : quint8 {};
inline constexpr int MaxActions = 32;   // ActionSet's bits

// A set of actions as bits, small enough to live in the taxonomy table.
class ActionSet
{
public:
    constexpr ActionSet() = default;
    constexpr explicit ActionSet(quint32 bits) : m_bits(bits) {}
    constexpr ActionSet(std::initializer_list<TaskAction> actions)
    {
        for (TaskAction action : actions)
            m_bits |= bit(action);
    }

    constexpr bool contains(TaskAction action) const { return m_bits & bit(action); }
    constexpr void insert(TaskAction action) { m_bits |= bit(action); }
    constexpr bool isEmpty() const { return m_bits == 0; }
    constexpr quint32 bits() const { return m_bits; }
    constexpr bool operator==(const ActionSet &) const = default;

    static constexpr quint32 bit(TaskAction action) { return quint32(1u) << int(action); }

private:
    quint32 m_bits = 0;
};
static_assert(MaxActions <= 32, "ActionSet holds the actions in 32 bits");

// What an action asks for before it is sent.
enum class ActionInput : quint8 {
    None,
    Priority,   // an integer in [minValue, maxValue]; up to adminMaxValue as an admin request
};

// How an action is described to users, declared once by its system: the GUI's menus and
// tooltips, taskmon-cli's commands and --help, and the shortcut sheet read it. Texts are
// translated in the context "TaskAction" (QT_TRANSLATE_NOOP("TaskAction", …)).
struct ActionDefinition
{
    QLatin1StringView key{};            // "abort", "kill-and-scale": CLI and JSON
    const char *label = "";             // menu text, no accelerator: "Kill & Scale"
    const char *help = "";              // one sentence: what it does
    bool destructive = false;           // asks for confirmation first
    bool stopsTask = false;             // Del: the system's way of stopping a running task
    bool targetsGroup = false;          // acts on the task's whole group (Restart App)
    const char *shortcut = "";          // portable QKeySequence text: "Ctrl+R"
    // taskmon-cli: the command that sends it and the flag that picks it among the
    // actions of one command ("kill" with --scale); empty: the key is the command.
    QLatin1StringView cliCommand{};
    QLatin1StringView cliFlag{};
    const char *cliFlagHelp = "";
    ActionInput input = ActionInput::None;
    qint32 minValue = 0, maxValue = 0, adminMaxValue = 0;
    const char *valueHelp = "";         // why a value is out of range
    const char *adminHelp = "";         // why a value needs an admin request
};

namespace TaskActions {
// One more than the highest registered action: loop `for (int i = 0; i < count(); ++i)`.
int count();
const ActionDefinition &definition(TaskAction action);
// Machine names used by taskmon-cli and JSON output: "abort", "kill-and-scale", …
QLatin1StringView key(TaskAction action);
// Returns false when text names no action.
bool fromKey(QStringView text, TaskAction *action);
// Menu text, without accelerators or ellipsis: "Kill & Scale".
QString label(TaskAction action);
QString help(TaskAction action);
// Destructive actions ask for confirmation before they are sent.
bool isDestructive(TaskAction action);
// Whether the action means something for a task of this system (as opposed to being
// allowed now): the system declares it. A refusal then explains what to do instead.
bool concerns(TaskAction action, SystemId system);
}
