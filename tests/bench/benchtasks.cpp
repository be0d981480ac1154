// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "benchtasks.h"

BenchTasks::BenchTasks(quint32 seed)
    : m_random(seed)
{
    for (int i = 0; i < 400; ++i)
        m_groups.append(InternedString(QStringLiteral("/prod/team-%1/service-%2").arg(i % 40).arg(i)));
    for (int i = 0; i < 3000; ++i)
        m_hosts.append(InternedString(QStringLiteral("agent-r%1n%2.dc%3.example.net").arg(i % 60).arg(i % 50).arg(i % 3)));
    m_messages.append(InternedString());
    for (int i = 1; i < 100; ++i)
        m_messages.append(InternedString(QStringLiteral("Container exited with status %1 after %2 restarts").arg(i % 7).arg(i)));
    for (int i = 0; i < 400; ++i)
        m_names.append(InternedString(QStringLiteral("service-%1").arg(i)));
}

QByteArray BenchTasks::idOf(int index)
{
    // prod_team-7_service-123.instance-<uuid>._app: the shape and length of Marathon ids.
    QByteArray id = "prod_team-" + QByteArray::number(index % 40) + "_service-" + QByteArray::number(index % 400)
        + ".instance-" + QByteArray::number(quint64(index) * 2654435761u, 16).rightJustified(16, '0')
        + "-4f1a-9c3e-" + QByteArray::number(index, 16).rightJustified(12, '0') + "._app";
    return id;
}

Status BenchTasks::randomStatus()
{
    const int pick = int(m_random.bounded(100));
    if (pick < 60)
        return pick % 2 ? mar(MarStatus::Running) : evg(EvgStatus::Success);
    if (pick < 70)
        return evg(EvgStatus::WillRun);
    if (pick < 76)
        return mar(MarStatus::Failed);
    if (pick < 80)
        return evg(EvgStatus::SystemFailed);
    if (pick < 83)
        return evg(EvgStatus::SetupFailed);
    if (pick < 86)
        return mar(MarStatus::Unreachable);
    if (pick < 93)
        return mar(MarStatus::Staging);
    return evg(EvgStatus::Started);
}

TaskBatch BenchTasks::batch(int first, int count)
{
    TaskBatch batch;
    batch.reserve(count);
    for (int i = first; i < first + count; ++i) {
        Task task;
        task.id = idOf(i);
        task.status = randomStatus();
        task.source = StatusTaxonomy::system(task.status) == MarathonSystem::id() ? MarathonSystem::id()
                                                                                  : EvergreenSystem::id();
        task.group = m_groups[i % m_groups.size()];
        task.name = m_names[i % m_names.size()];
        task.host = m_hosts[int(m_random.bounded(int(m_hosts.size())))];
        task.message = m_messages[int(m_random.bounded(int(m_messages.size())))];
        task.nativeStatus = InternedString::fromUtf8(QByteArrayView(StatusTaxonomy::key(task.status).data()));
        task.startedAt = 1'790'000'000'000 + i;
        task.updatedAt = task.startedAt + m_random.bounded(1'000'000);
        batch.append(TaskDelta::upsert(std::move(task)));
    }
    return batch;
}

TaskBatch BenchTasks::statusChanges(int population, int count)
{
    TaskBatch batch;
    batch.reserve(count);
    for (int i = 0; i < count; ++i) {
        Task task;
        task.id = idOf(int(m_random.bounded(population)));
        task.status = randomStatus();
        task.nativeStatus = InternedString::fromUtf8(QByteArrayView(StatusTaxonomy::key(task.status).data()));
        task.message = m_messages[int(m_random.bounded(int(m_messages.size())))];
        batch.append(TaskDelta::upsert(std::move(task), TaskField::Status | TaskField::Message));
    }
    return batch;
}
