// SPDX-License-Identifier: GPL-3.0-or-later
#include "toysystem.h"

#include "system/systemregistry.h"

#include <QCoreApplication>

namespace {
constexpr QLatin1StringView Poke("poke");

class ToyDescriptor final : public SystemDescriptor
{
    Q_DECLARE_TR_FUNCTIONS(ToyRules)

public:
    QLatin1StringView key() const override { return QLatin1StringView("toy"); }
    QString name() const override { return tr("Toy"); }

    QList<StatusDefinition> statuses() const override
    {
        // In ToyStatus order.
        return {
            {QLatin1StringView("queued"), QT_TRANSLATE_NOOP("Status", "Queued"), Stage::Scheduled,
             FailureKind::None, PaletteClass::Scheduled, Glyph::Clock, ActionRank::Scheduled, {}},
            {QLatin1StringView("busy"), QT_TRANSLATE_NOOP("Status", "Busy"), Stage::InProgress,
             FailureKind::None, PaletteClass::InProgress, Glyph::Play, ActionRank::Running, {Poke}},
            {QLatin1StringView("broken"), QT_TRANSLATE_NOOP("Status", "Broken"), Stage::Finished,
             FailureKind::System, PaletteClass::SystemFailure, Glyph::Gear, ActionRank::Failure, {}},
        };
    }

    QList<ActionDefinition> actions() const override
    {
        ActionDefinition poke{.key = Poke, .label = QT_TRANSLATE_NOOP("TaskAction", "Poke"),
                              .help = QT_TRANSLATE_NOOP("TaskAction", "Poke a busy toy task")};
        return {poke};
    }

    QString refusal(const Task &, TaskAction action) const override
    {
        if (action == ToySystem::poke())
            return tr("Only a busy toy can be poked.");
        return tr("%1 is not a toy action; toys are only poked.").arg(TaskActions::label(action));
    }

    QString groupLabel() const override { return tr("Box"); }
};
} // namespace

SystemId ToySystem::id()
{
    static const SystemId id = SystemRegistry::add(std::make_unique<ToyDescriptor>());
    return id;
}

Status ToySystem::status(ToyStatus local)
{
    return SystemRegistry::status(id(), int(local));
}

TaskAction ToySystem::poke()
{
    static const TaskAction action = [] {
        id();
        TaskAction found{};
        SystemRegistry::action(Poke, &found);
        return found;
    }();
    return action;
}
