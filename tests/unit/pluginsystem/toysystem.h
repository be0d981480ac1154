// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/taskaction.h"
#include "domain/taskstatus.h"

// A demonstration system that exists only in tst_pluginsystem: three statuses and one
// action, declared the way models/backends/<name>/<name>system.cpp declares a real one,
// and registered by the test, never by app/systems.
enum class ToyStatus : quint8 { Queued, Busy, Broken, Count_ };

namespace ToySystem {
// Registers the toy on first use (after registerSystems(), so it comes third).
SystemId id();
Status status(ToyStatus local);
TaskAction poke();
}
