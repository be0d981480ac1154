// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

class EvergreenClient;

// The known and suspected issues of tasks whose execution has annotations (has_annotations).
// They are fetched (GET /rest/v2/tasks/{id}/annotations?execution=N) when a task first shows
// the flag or its execution changes, and again after the refresh interval; in between they
// are cached and attached to every listing of the task, so that a poll never wipes them.
class EvergreenAnnotations final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvergreenAnnotations)

public:
    EvergreenAnnotations(EvergreenClient *client, int refreshMs, QObject *parent = nullptr);

    // Puts the cached annotations into the task's details and fetches what is missing or
    // old. A task without the flag loses its cache entry.
    void attach(Task &task);
    // Forgets the tasks a complete poll no longer listed.
    void retainOnly(const QSet<QByteArray> &taskIds);
    void clear();

signals:
    // The task as last listed, its details now with the fetched annotations.
    void annotationsReady(const Task &task);
    void warning(const QString &text);

private:
    struct Entry
    {
        quint16 execution = 0;
        TaskAnnotations annotations;   // loaded = false until the first answer
        Task lastListed;
        qint64 nextFetchAt = 0;        // on m_clock
        bool inFlight = false;
        quint64 generation = 0;
    };

    void fetch(const QByteArray &taskId, Entry &entry);

    EvergreenClient *m_client;
    int m_refreshMs;
    QElapsedTimer m_clock;
    QHash<QByteArray, Entry> m_entries;
    quint64 m_nextGeneration = 1;
};
