// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

struct DemoConfig
{
    quint32 seed = 1;             // same seed, same cluster, same sequence of events
    int taskCount = 3000;         // tasks of both systems at the start
    double eventsPerSecond = 40;  // simulated status changes per second
    int tickMs = 100;             // how often the simulation advances
    qint64 retentionMs = 5 * 60 * 1000; // finished Marathon-like tasks kept as history
};
