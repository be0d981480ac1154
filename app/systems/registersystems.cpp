// SPDX-License-Identifier: GPL-3.0-or-later
#include "registersystems.h"

#include "backends/evergreen/evergreensystem.h"
#include "backends/marathon/marathonsystem.h"

void registerSystems()
{
    // A system registers itself on first use; asking for the ids here fixes the order.
    // Actions are listed (menus, taskmon-cli's help) in the order the systems declare them.
    EvergreenSystem::id();
    MarathonSystem::id();
}
