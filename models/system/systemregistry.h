// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "systemdescriptor.h"

#include <QLatin1StringView>
#include <QList>

#include <memory>

// The systems of this process, their statuses and their actions, numbered as they are
// registered. Systems are registered once, at start-up, before any task exists (by
// app/systems, or by a test); after that everything here is read-only and may be read
// from any thread.
namespace SystemRegistry {
// Registers a system and numbers its statuses and actions; registering a key again
// returns the first registration's id. Aborts when the fixed limits (MaxSystems,
// MaxStatuses, MaxActions) would be exceeded: they are compile-time sizes.
SystemId add(std::unique_ptr<SystemDescriptor> descriptor);

// nullptr for NoSystem or an id never registered.
const SystemDescriptor *descriptor(SystemId system);
QList<SystemId> systems();
SystemId find(QStringView key);
QLatin1StringView key(SystemId system);
QString name(SystemId system);

// The global number of the system's local status `index` (its position in statuses()).
Status status(SystemId system, int index);
// The status of a system by key; Status::Unset when there is none.
Status statusByKey(SystemId system, QStringView key);
// The action with this key, whichever system declared it; false when none did.
bool action(QAnyStringView key, TaskAction *action);
// The system's RetentionPolicy, read once at registration (the store asks per task).
RetentionPolicy retention(SystemId system);
// Whether the system fills a TaskColumn, read once at registration (the table asks per cell).
bool fillsColumn(SystemId system, int column);
// Whether the system declares the action.
bool declares(SystemId system, TaskAction action);
}
