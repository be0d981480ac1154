// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenannotations.h"

#include "evergreenclient.h"
#include "evergreenparser.h"


EvergreenAnnotations::EvergreenAnnotations(EvergreenClient *client, int refreshMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_refreshMs(std::max(0, refreshMs))
{
    m_clock.start();
}

void EvergreenAnnotations::attach(Task &task)
{
    if (!task.hasFlag(TaskFlag::HasAnnotations)) {
        m_entries.remove(task.id);
        return;
    }
    auto it = m_entries.find(task.id);
    if (it == m_entries.end() || it->execution != task.execution) {
        Entry fresh;
        fresh.execution = task.execution;
        fresh.generation = m_nextGeneration++;
        it = m_entries.insert(task.id, fresh);
    }
    Entry &entry = *it;
    entry.lastListed = task;
    if (entry.annotations.loaded)
        task.editDetails().annotations = entry.annotations;
    if (!entry.inFlight && m_clock.elapsed() >= entry.nextFetchAt)
        fetch(task.id, entry);
}

void EvergreenAnnotations::retainOnly(const QSet<QByteArray> &taskIds)
{
    for (auto it = m_entries.begin(); it != m_entries.end();)
        it = taskIds.contains(it.key()) ? std::next(it) : m_entries.erase(it);
}

void EvergreenAnnotations::clear()
{
    m_entries.clear();
}

void EvergreenAnnotations::fetch(const QByteArray &taskId, Entry &entry)
{
    entry.inFlight = true;
    const quint64 generation = entry.generation;
    const int execution = entry.execution;
    const QUrl url = m_client->endpoint(
        {QStringLiteral("tasks"), QString::fromUtf8(taskId), QStringLiteral("annotations")},
        {{QStringLiteral("execution"), QString::number(execution)}});
    m_client->get(url, [this, taskId, generation, execution](const EvergreenClient::Reply &reply) {
        const auto it = m_entries.find(taskId);
        if (it == m_entries.end() || it->generation != generation)
            return;   // the task was restarted or is gone; this answer is about the past
        Entry &current = *it;
        current.inFlight = false;
        current.nextFetchAt = m_clock.elapsed() + m_refreshMs;
        const EvergreenParser::Annotations parsed =
            reply.outcome.ok() ? EvergreenParser::parseAnnotations(reply.body, execution)
                               : EvergreenParser::Annotations{{}, reply.outcome.describe()};
        if (!parsed.error.isEmpty()) {
            emit warning(tr("Annotations of %1 (execution %2) could not be fetched: %3")
                             .arg(QString::fromUtf8(taskId))
                             .arg(execution)
                             .arg(parsed.error));
            return;
        }
        if (parsed.annotations == current.annotations)
            return;
        current.annotations = parsed.annotations;
        Task task = current.lastListed;
        task.editDetails().annotations = current.annotations;
        emit annotationsReady(task);
    });
}
