// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place that knows which systems taskmon speaks. Registers every system's
// descriptor, in a fixed order, so statuses and actions get the same numbers in every run.
// Call it first thing in main(), before any task exists.
void registerSystems();
