// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"
#include "domain/taskaction.h"
#include "domain/taskstatus.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <utility>

// One status as a system declares it; the registry fills in its number and system.
struct StatusDefinition
{
    QLatin1StringView key;
    const char *label;
    Stage stage;
    FailureKind kind;
    PaletteClass palette;
    Glyph glyph;
    quint8 actionRank;
    QList<QLatin1StringView> actions;   // keys of the actions this status allows
    bool knownIssue = false;
    bool parked = false;
    bool unreachable = false;
    const char *refusalCategory = nullptr;
};

// What happens to a system's finished tasks once the server forgets them.
struct RetentionPolicy
{
    // Finished tasks stay as history for the connection's retention time (Marathon
    // expunges them at once); false: the server keeps them itself (Evergreen).
    bool keepsFinished = false;
    // A new task of a group replaces the last finished one of the same group.
    bool linksReplacements = false;
};

// Everything taskmon knows about one kind of task system, declared by the system itself
// in its own folder and registered once per process (app/systems). The table, sidebar,
// details, query language, action rules and taskmon-cli read descriptors; nothing outside
// a system's folder compares with its name.
class SystemDescriptor
{
public:
    virtual ~SystemDescriptor();

    // "marathon": the source: qualifier, JSON "source", settings keys.
    virtual QLatin1StringView key() const = 0;
    // "Marathon", for people.
    virtual QString name() const = 0;
    // The statuses in the order the system numbers them locally (0, 1, …).
    virtual QList<StatusDefinition> statuses() const = 0;
    virtual QList<ActionDefinition> actions() const = 0;

    // Why `action` may not be applied to `task`: one sentence for a tooltip or stderr.
    // Called when the status table refuses it, and for actions of other systems.
    virtual QString refusal(const Task &task, TaskAction action) const = 0;
    // Rules beyond the status table (flags of the task): a refusal, or nothing to add.
    // They may read only the status and the flags in verdictFlags().
    virtual std::optional<std::pair<QString, QString>> refineVerdict(const Task &task, TaskAction action) const;
    // The Task flags refineVerdict() reads: verdicts are memoized per (status, flags).
    virtual quint16 verdictFlags() const { return 0; }

    // Native status spellings that are no status key but mean something in status:
    // queries (Marathon's TASK_LOST, resolved into other statuses).
    virtual bool isNativeStatus(QStringView text) const;
    // Whether the system fills a TaskColumn (Priority is Evergreen's).
    virtual bool fillsColumn(int column) const;
    // What the group column means for this system: "App", "Build variant".
    virtual QString groupLabel() const = 0;
    virtual RetentionPolicy retention() const { return {}; }
    // A short tag telling instances of one name apart ("0b471d59"), or empty.
    virtual QString shortInstance(const Task &task) const;
    // Rows of the details pane that only this system has, label and plain text, in order
    // (the pane leaves out empty ones): the task summary, and the failure section.
    virtual QList<std::pair<QString, QString>> detailRows(const Task &task) const;
    virtual QList<std::pair<QString, QString>> failureRows(const Task &task) const;
    // Flags worth listing beyond the Task flags themselves ("not activated").
    virtual QStringList detailFlags(const Task &task) const;
    // "Blocked by" instead of "Depends on" when the status says the dependencies block.
    virtual QString dependenciesLabel(const Task &task) const;
};
