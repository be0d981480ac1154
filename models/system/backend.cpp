// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.h"

#include "domain/isotime.h"

Backend::Backend(QObject *parent)
    : QObject(parent)
{
}

Backend::~Backend() = default;

void Backend::fetchRawRecord(const QByteArray &taskId)
{
    emit rawRecordReady(taskId, tr("This connection cannot fetch raw records."));
}

void Backend::setConnectionStatus(const ConnectionStatus &status)
{
    if (m_status == status)
        return;
    ConnectionStatus next = status;
    if (next.state != m_status.state && next.since == 0)
        next.since = IsoTime::now();
    else if (next.state == m_status.state && next.since == 0)
        next.since = m_status.since;
    m_status = next;
    emit connectionChanged(m_status);
}

void Backend::log(LogEntry::Severity severity, LogEntry::Category category, const QString &text)
{
    emit logged(LogEntry{IsoTime::now(), severity, category, displayName(), text});
}

void Backend::emitBatch(TaskBatch batch)
{
    for (TaskDelta &delta : batch)
        stamp(delta.task);
    emit batchReady(batch);
}

void Backend::emitSnapshot(TaskSnapshot snapshot)
{
    snapshot.scope.connection = m_connectionId;
    for (Task &task : snapshot.tasks)
        stamp(task);
    emit snapshotReady(snapshot);
}
