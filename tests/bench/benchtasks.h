// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/marathon/marathonsystem.h"
#include "system/backend.h"

#include <QRandomGenerator>
#include <QStringList>

// Tasks that look like a large real cluster: Marathon-style ids of ~60 characters, a few
// hundred apps and build variants, a few thousand hosts, a hundred messages, statuses of
// both systems in a realistic mix.
class BenchTasks
{
public:
    explicit BenchTasks(quint32 seed);

    // Tasks first..first+count-1, as upserts.
    TaskBatch batch(int first, int count);
    // Status changes of random tasks among the first `population`.
    TaskBatch statusChanges(int population, int count);

    static QByteArray idOf(int index);

private:
    Status randomStatus();

    QRandomGenerator m_random;
    QList<InternedString> m_groups;
    QList<InternedString> m_hosts;
    QList<InternedString> m_messages;
    QList<InternedString> m_names;
};

// Hands a prepared snapshot to a session, as a real backend would.
class BenchBackend final : public Backend
{
    Q_OBJECT

public:
    SystemId system() const override { return MarathonSystem::id(); }
    QString displayName() const override { return QStringLiteral("bench"); }
    void start() override {}
    void stop() override {}
    void perform(const ActionRequest &) override {}
    void deliver(const TaskSnapshot &snapshot) { emitSnapshot(snapshot); }
};
