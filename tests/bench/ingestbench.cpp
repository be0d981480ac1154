// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestbench.h"

#include "backends/marathon/marathonevents.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "net/sseparser.h"
#include "store/taskstore.h"

#include <QElapsedTimer>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace {
constexpr int DistinctTasks = 5000;
constexpr int FlushEvery = 1000;   // ~100 ms of a 10,000 events/s stream

// A status_update_event as Marathon writes it (marathon-api.md §1), CRLF-framed.
QByteArray frameFor(int index)
{
    static const char *const states[] = {"TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_RUNNING",
                                         "TASK_KILLING", "TASK_KILLED", "TASK_FAILED", "TASK_RUNNING"};
    const int task = index % DistinctTasks;
    const QByteArray app = "/prod/team-" + QByteArray::number(task % 40) + "/service-" + QByteArray::number(task % 200);
    const QByteArray taskId = app.mid(1).replace('/', '_') + ".instance-" + QByteArray::number(task * 2654435761u, 16)
        + "-6771-11e5-94e1-be5b2935a987._app";
    const QByteArray json = "{\"slaveId\":\"20150707-123456-1234567890-5050-1234-S" + QByteArray::number(task % 300)
        + "\",\"taskId\":\"" + taskId + "\",\"taskStatus\":\"" + states[(index / DistinctTasks + task) % 8]
        + "\",\"message\":\"\",\"appId\":\"" + app + "\",\"host\":\"srv" + QByteArray::number(task % 900)
        + ".hw.ca1.mesosphere.com\",\"ipAddresses\":[{\"ipAddress\":\"10.0." + QByteArray::number(task % 250)
        + ".5\",\"protocol\":\"IPv4\"}],\"ports\":[" + QByteArray::number(31000 + task % 1000)
        + "],\"version\":\"2015-09-11T22:11:03.156Z\",\"eventType\":\"status_update_event\",\"timestamp\":\"2015-09-30T12:"
        + QByteArray::number(10 + index / 60000 % 50) + ":" + QByteArray::number(10 + index / 1000 % 50) + "."
        + QByteArray::number(100 + index % 900) + "Z\"}";
    return "event: status_update_event\r\ndata: " + json + "\r\n\r\n";
}
} // namespace

void IngestBench::run(int events, const Note &note)
{
    std::printf("\nIngest: %d Marathon status_update_event frames (%d distinct tasks)\n", events, DistinctTasks);
    QByteArray stream;
    std::vector<std::string> payloads;
    payloads.reserve(size_t(events));
    for (int i = 0; i < events; ++i) {
        const QByteArray frame = frameFor(i);
        stream += frame;
        const qsizetype start = frame.indexOf("data: ") + 6;
        payloads.emplace_back(frame.constData() + start, size_t(frame.size() - start - 4));
    }

    // nlohmann/json alone, on the same JSON texts.
    QElapsedTimer timer;
    timer.start();
    size_t fields = 0;
    for (const std::string &payload : payloads)
        fields += nlohmann::json::parse(payload).size();
    const double parseOnly = timer.nsecsElapsed() / 1e9;

    // The whole path, bytes in 64 KiB reads as a socket delivers them.
    TaskStore store;
    TaskTableModel table(&store);
    TaskFilterModel proxy;
    proxy.setSourceModel(&table);
    proxy.sort(TaskColumn::Status, Qt::AscendingOrder);
    MarathonConfig config;
    MarathonEvents parsed(config, [](LogEntry::Severity, LogEntry::Category, const QString &) {});
    SseParser sse(&parsed);
    timer.restart();
    int sinceFlush = 0;
    for (qsizetype offset = 0; offset < stream.size(); offset += 65536) {
        sse.feed(QByteArrayView(stream.constData() + offset, std::min<qsizetype>(65536, stream.size() - offset)));
        const TaskBatch batch = parsed.takeBatch();
        store.apply(batch);
        sinceFlush += int(batch.size());
        if (sinceFlush >= FlushEvery) {
            table.flush();
            sinceFlush = 0;
        }
    }
    table.flush();
    const double whole = timer.nsecsElapsed() / 1e9;

    const double parseRate = events / parseOnly;
    const double wholeRate = events / whole;
    note(QStringLiteral("nlohmann::json::parse alone (%1 fields read)").arg(fields),
         QStringLiteral("%1 ev/s").arg(parseRate, 0, 'f', 0), {});
    note(QStringLiteral("bytes → SSE → parser → store → model → proxy (%1 rows)").arg(proxy.rowCount()),
         QStringLiteral("%1 ev/s").arg(wholeRate, 0, 'f', 0), {});
    note(QStringLiteral("taskmon's rate as a share of nlohmann's"),
         QStringLiteral("%1%").arg(100.0 * wholeRate / parseRate, 0, 'f', 0), QStringLiteral("≥ 60%"));
}
