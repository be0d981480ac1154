// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

// Ingest: Marathon event-stream bytes through taskmon's whole path (SSE parser, event
// parser, store, table model, sorted proxy) against nlohmann/json alone parsing the same
// events' JSON, in one run.
namespace IngestBench {
using Note = std::function<void(const QString &what, const QString &value, const QString &target)>;
void run(int events, const Note &note);
}
