// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemregistry.h"

#include "itemmodels/taskcolumns.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <QMutex>
#include <QMutexLocker>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {
struct SystemEntry
{
    std::unique_ptr<SystemDescriptor> descriptor;
    int firstStatus = 0;     // global number of local status 0
    int statusCount = 0;
    ActionSet actions;       // what the system declares
    RetentionPolicy retention;
    quint32 columns = 0;     // TaskColumn bits the system fills
};

// Read without a lock: every write happens at start-up, before tasks and threads exist.
struct Registry
{
    Registry() { statuses[0].key = QLatin1StringView("unset"); }

    QMutex mutex;
    std::array<SystemEntry, MaxSystems + 1> systems;   // [0] is NoSystem
    int systemCount = 0;
    std::array<StatusInfo, MaxStatuses> statuses{};    // [0] is Status::Unset
    int statusCount = 1;
    std::array<ActionDefinition, MaxActions> actions{};
    int actionCount = 0;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

[[noreturn]] void tooMany(const char *what, QLatin1StringView system)
{
    // A compile-time size is too small for the systems linked in: nothing sensible can run.
    std::fprintf(stderr, "taskmon: registering system %.*s exceeds %s\n", int(system.size()),
                 system.data(), what);
    std::abort();
}

int findAction(const Registry &r, QAnyStringView key)
{
    for (int i = 0; i < r.actionCount; ++i) {
        if (QAnyStringView::compare(key, r.actions[size_t(i)].key, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}
} // namespace

// Every program and test that shows a text links this file, so the translations are
// installed here, as soon as the application object exists: the system locale's first, and
// English (which carries the plural forms) for every message the locale's lacks.
static void installTranslations()
{
    auto *app = QCoreApplication::instance();
    // Installed last is asked first: English goes in first, the locale's on top of it.
    for (const QString &language : {QStringLiteral("en"), QLocale::system().name()}) {
        if (language.startsWith(u"en") && language != u"en")
            continue;
        auto *translator = new QTranslator(app);
        if (translator->load(QStringLiteral(":/i18n/taskmon_") + language))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    }
}
Q_COREAPP_STARTUP_FUNCTION(installTranslations)

SystemDescriptor::~SystemDescriptor() = default;

std::optional<std::pair<QString, QString>> SystemDescriptor::refineVerdict(const Task &, TaskAction) const
{
    return std::nullopt;
}

bool SystemDescriptor::isNativeStatus(QStringView) const
{
    return false;
}

bool SystemDescriptor::fillsColumn(int column) const
{
    return column != TaskColumn::Priority;
}

QString SystemDescriptor::shortInstance(const Task &) const
{
    return {};
}

QList<std::pair<QString, QString>> SystemDescriptor::detailRows(const Task &) const
{
    return {};
}

QList<std::pair<QString, QString>> SystemDescriptor::failureRows(const Task &) const
{
    return {};
}

QStringList SystemDescriptor::detailFlags(const Task &) const
{
    return {};
}

QString SystemDescriptor::dependenciesLabel(const Task &) const
{
    return QCoreApplication::translate("SystemDescriptor", "Depends on");
}

SystemId SystemRegistry::add(std::unique_ptr<SystemDescriptor> descriptor)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    const QLatin1StringView key = descriptor->key();
    for (int s = 1; s <= r.systemCount; ++s) {
        if (r.systems[size_t(s)].descriptor->key() == key)
            return SystemId(s);
    }
    if (r.systemCount >= MaxSystems)
        tooMany("MaxSystems", key);
    const auto id = SystemId(r.systemCount + 1);

    SystemEntry entry;
    for (const ActionDefinition &action : descriptor->actions()) {
        int index = findAction(r, action.key);
        if (index < 0) {
            if (r.actionCount >= MaxActions)
                tooMany("MaxActions", key);
            index = r.actionCount++;
            r.actions[size_t(index)] = action;
        }
        entry.actions.insert(TaskAction(index));
    }

    const QList<StatusDefinition> statuses = descriptor->statuses();
    if (r.statusCount + statuses.size() > MaxStatuses)
        tooMany("MaxStatuses", key);
    entry.firstStatus = r.statusCount;
    entry.statusCount = int(statuses.size());
    for (const StatusDefinition &definition : statuses) {
        StatusInfo &info = r.statuses[size_t(r.statusCount)];
        info.status = Status(r.statusCount);
        info.system = id;
        info.key = definition.key;
        info.label = definition.label;
        info.stage = definition.stage;
        info.kind = definition.kind;
        info.knownIssue = definition.knownIssue;
        info.parked = definition.parked;
        info.unreachable = definition.unreachable;
        info.palette = definition.palette;
        info.glyph = definition.glyph;
        info.actionRank = definition.actionRank;
        info.refusalCategory = definition.refusalCategory;
        for (QLatin1StringView actionKey : definition.actions) {
            const int index = findAction(r, actionKey);
            Q_ASSERT_X(index >= 0, "SystemRegistry::add", "a status allows an action its system does not declare");
            if (index >= 0)
                info.actions.insert(TaskAction(index));
        }
        ++r.statusCount;
    }
    entry.retention = descriptor->retention();
    static_assert(TaskColumn::Count <= 32, "SystemEntry::columns holds the columns in 32 bits");
    for (int column = 0; column < TaskColumn::Count; ++column) {
        if (descriptor->fillsColumn(column))
            entry.columns |= 1u << column;
    }
    entry.descriptor = std::move(descriptor);
    r.systems[size_t(id)] = std::move(entry);
    r.systemCount = id;
    return id;
}

const SystemDescriptor *SystemRegistry::descriptor(SystemId system)
{
    const Registry &r = registry();
    return system >= 1 && system <= r.systemCount ? r.systems[system].descriptor.get() : nullptr;
}

QList<SystemId> SystemRegistry::systems()
{
    QList<SystemId> list;
    for (int s = 1; s <= registry().systemCount; ++s)
        list.append(SystemId(s));
    return list;
}

SystemId SystemRegistry::find(QStringView key)
{
    const Registry &r = registry();
    for (int s = 1; s <= r.systemCount; ++s) {
        if (key.compare(r.systems[size_t(s)].descriptor->key(), Qt::CaseInsensitive) == 0)
            return SystemId(s);
    }
    return NoSystem;
}

QLatin1StringView SystemRegistry::key(SystemId system)
{
    const SystemDescriptor *d = descriptor(system);
    return d ? d->key() : QLatin1StringView("none");
}

QString SystemRegistry::name(SystemId system)
{
    const SystemDescriptor *d = descriptor(system);
    return d ? d->name() : QString();
}

Status SystemRegistry::status(SystemId system, int index)
{
    const Registry &r = registry();
    if (system < 1 || system > r.systemCount)
        return Status::Unset;
    const SystemEntry &entry = r.systems[system];
    return index >= 0 && index < entry.statusCount ? Status(entry.firstStatus + index) : Status::Unset;
}

Status SystemRegistry::statusByKey(SystemId system, QStringView key)
{
    const Registry &r = registry();
    if (system < 1 || system > r.systemCount)
        return Status::Unset;
    const SystemEntry &entry = r.systems[system];
    for (int i = 0; i < entry.statusCount; ++i) {
        const int global = entry.firstStatus + i;
        if (key.compare(r.statuses[size_t(global)].key, Qt::CaseInsensitive) == 0)
            return Status(global);
    }
    return Status::Unset;
}

bool SystemRegistry::action(QAnyStringView key, TaskAction *action)
{
    const int index = findAction(registry(), key);
    if (index < 0)
        return false;
    *action = TaskAction(index);
    return true;
}

RetentionPolicy SystemRegistry::retention(SystemId system)
{
    const Registry &r = registry();
    return system >= 1 && system <= r.systemCount ? r.systems[system].retention : RetentionPolicy{};
}

bool SystemRegistry::fillsColumn(SystemId system, int column)
{
    const Registry &r = registry();
    if (system < 1 || system > r.systemCount)
        return true;
    return r.systems[system].columns & (1u << column);
}

bool SystemRegistry::declares(SystemId system, TaskAction action)
{
    const Registry &r = registry();
    return system >= 1 && system <= r.systemCount && r.systems[system].actions.contains(action);
}

// The taxonomy and action lookups of domain/ read the registry's tables.

const StatusInfo &StatusTaxonomy::info(Status status)
{
    const Registry &r = registry();
    const auto index = int(status);
    return index < r.statusCount ? r.statuses[size_t(index)] : r.statuses[0];
}

int StatusTaxonomy::count()
{
    return registry().statusCount;
}

int TaskActions::count()
{
    return registry().actionCount;
}

const ActionDefinition &TaskActions::definition(TaskAction action)
{
    static const ActionDefinition none;
    const Registry &r = registry();
    return int(action) < r.actionCount ? r.actions[size_t(action)] : none;
}
