// SPDX-License-Identifier: GPL-3.0-or-later
#include "demobackend.h"

#include "domain/isotime.h"

DemoBackend::DemoBackend(const DemoConfig &config, QObject *parent)
    : Backend(parent)
    , m_config(config)
    , m_cluster(config)
{
    m_timer.setInterval(std::max(10, config.tickMs));
    connect(&m_timer, &QTimer::timeout, this, &DemoBackend::tick);
}

QString DemoBackend::displayName() const
{
    return tr("demo cluster (seed %1)").arg(m_config.seed);
}

void DemoBackend::start()
{
    if (!m_populated) {
        m_populated = true;
        ConnectionStatus connecting;
        connecting.state = ConnectionStatus::State::Connecting;
        setConnectionStatus(connecting);
        TaskSnapshot snapshot;
        snapshot.scope.keepFinished = true;
        snapshot.tasks = m_cluster.populate(IsoTime::now());
        emitSnapshot(snapshot);
        log(LogEntry::Severity::Info, LogEntry::Category::Connection,
            tr("Simulating %1 tasks of both systems, about %2 changes a second")
                .arg(snapshot.tasks.size())
                .arg(m_config.eventsPerSecond));
    }
    ConnectionStatus live;
    live.state = ConnectionStatus::State::Live;
    live.lastDataAt = IsoTime::now();
    setConnectionStatus(live);
    m_timer.start();
}

void DemoBackend::stop()
{
    m_timer.stop();
    ConnectionStatus idle;
    setConnectionStatus(idle);
}

void DemoBackend::tick()
{
    // Whole events per tick; the fraction carries over so low rates still happen.
    m_eventCredit += m_config.eventsPerSecond * m_timer.interval() / 1000.0;
    const int events = int(m_eventCredit);
    m_eventCredit -= events;
    TaskBatch changes = m_cluster.step(IsoTime::now(), events);
    if (!changes.isEmpty())
        emitBatch(std::move(changes));
}

void DemoBackend::perform(const ActionRequest &request)
{
    TaskBatch changes;
    ActionOutcome outcome;
    outcome.requestId = request.id;
    outcome.action = request.action;
    outcome.results = m_cluster.perform(request, IsoTime::now(), &changes);
    // Answer a little later, as a server would, so the window shows the request in flight.
    QTimer::singleShot(150, this, [this, changes = std::move(changes), outcome]() mutable {
        if (!changes.isEmpty())
            emitBatch(std::move(changes));
        emit actionFinished(outcome);
    });
}

void DemoBackend::fetchRawRecord(const QByteArray &taskId)
{
    emit rawRecordReady(taskId, m_cluster.rawRecord(taskId));
}
