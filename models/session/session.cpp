// SPDX-License-Identifier: GPL-3.0-or-later
#include "session.h"

#include "domain/isotime.h"

#include <numeric>

Session::Session(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<TaskBatch>();
    qRegisterMetaType<TaskSnapshot>();
    qRegisterMetaType<ConnectionStatus>();
    qRegisterMetaType<LogEntry>();
    qRegisterMetaType<ActionOutcome>();
    qRegisterMetaType<ActionRequest>();

    // Large snapshots are merged a chunk per event-loop turn, so the window keeps painting.
    m_mergeTimer.setInterval(0);
    connect(&m_mergeTimer, &QTimer::timeout, this, &Session::mergeNextChunk);
    m_retentionTimer.setInterval(1000);
    connect(&m_retentionTimer, &QTimer::timeout, &m_store, &TaskStore::expireRetained);
}

Session::~Session()
{
    stop();
    qDeleteAll(m_backends);
}

int Session::addBackend(Backend *backend)
{
    const int connection = int(m_backends.size());
    Q_ASSERT(connection < 255);
    backend->setParent(nullptr);
    backend->setConnectionId(quint8(connection));
    m_backends.append(backend);

    connect(backend, &Backend::batchReady, this, &Session::onBatch);
    connect(backend, &Backend::snapshotReady, this, &Session::onSnapshot);
    connect(backend, &Backend::actionFinished, this, &Session::onBackendAction);
    connect(backend, &Backend::rawRecordReady, this, &Session::rawRecordReady);
    connect(backend, &Backend::logged, &m_eventLog, &EventLogModel::append);
    connect(backend, &Backend::connectionChanged, this,
            [this, connection](const ConnectionStatus &status) { onConnectionChanged(connection, status); });

    if (backend->retentionMs() > 0)
        m_store.setRetention(quint8(connection), backend->retentionMs());
    for (const auto &[action, reason] : backend->unsupportedActions())
        m_context.setUnsupported(backend->system(), action, reason);
    return connection;
}

void Session::start()
{
    m_retentionTimer.start();
    for (Backend *backend : std::as_const(m_backends))
        backend->start();
}

void Session::stop()
{
    m_retentionTimer.stop();
    for (Backend *backend : std::as_const(m_backends))
        backend->stop();
}

void Session::refresh()
{
    log(LogEntry::Severity::Info, LogEntry::Category::Connection, tr("Refresh requested"));
    for (Backend *backend : std::as_const(m_backends))
        backend->refresh();
}

void Session::setReadOnly(bool readOnly)
{
    m_context.readOnly = readOnly;
}

void Session::log(LogEntry::Severity severity, LogEntry::Category category, const QString &text)
{
    m_eventLog.append(LogEntry{IsoTime::now(), severity, category, QStringLiteral("taskmon"), text});
}

void Session::onConnectionChanged(int connection, const ConnectionStatus &status)
{
    // Every change of state reaches the log, with the reason; retry countdowns do not.
    ConnectionStatus &previous = m_lastStatus[connection];
    const bool newState = previous.state != status.state || previous.detail != status.detail;
    previous = status;
    if (newState) {
        using State = ConnectionStatus::State;
        const auto severity = status.state == State::Failed ? LogEntry::Severity::Error
            : (status.state == State::Reconnecting || status.state == State::Stale)
            ? LogEntry::Severity::Warning
            : LogEntry::Severity::Info;
        m_eventLog.append(LogEntry{IsoTime::now(), severity, LogEntry::Category::Connection,
                                   m_backends[connection]->displayName(),
                                   status.text(IsoTime::now())});
    }
    emit connectionChanged(connection, status);
}

void Session::onBatch(const TaskBatch &batch)
{
    if (batch.isEmpty())
        return;
    // A listing of this connection waits behind another's merge: what the connection says
    // after it is newer, so it is held and applied once that listing starts to merge,
    // where it wins over the listing's older view.
    const int connection = batch.first().task.connection;
    const bool listingQueued = std::any_of(m_snapshots.cbegin(), m_snapshots.cend(), [connection](const PendingSnapshot &p) {
        return !p.begun && p.snapshot.scope.connection == connection;
    });
    if (listingQueued) {
        m_heldBatches[connection] += batch;
        return;
    }
    m_store.apply(batch);
    countEvents(int(batch.size()));
}

void Session::onSnapshot(const TaskSnapshot &snapshot)
{
    // A newer listing of the same scope supersedes one that has not started merging.
    for (auto it = m_snapshots.begin(); it != m_snapshots.end(); ++it) {
        if (!it->begun && it->snapshot.scope.connection == snapshot.scope.connection
            && it->snapshot.scope.scope == snapshot.scope.scope
            && it->snapshot.scope.wholeConnection == snapshot.scope.wholeConnection) {
            it->snapshot = snapshot;
            return;
        }
    }
    m_snapshots.push_back(PendingSnapshot{snapshot, 0, false});
    if (m_snapshots.size() == 1)
        mergeNextChunk();
    if (!m_snapshots.empty())
        m_mergeTimer.start();
}

void Session::mergeNextChunk()
{
    if (m_snapshots.empty()) {
        m_mergeTimer.stop();
        return;
    }
    PendingSnapshot &pending = m_snapshots.front();
    if (!pending.begun) {
        m_store.beginSnapshot(pending.snapshot.scope);
        pending.begun = true;
        const TaskBatch held = m_heldBatches.take(pending.snapshot.scope.connection);
        if (!held.isEmpty()) {
            m_store.apply(held);
            countEvents(int(held.size()));
        }
    }
    const QList<Task> &tasks = pending.snapshot.tasks;
    const qsizetype count = std::min<qsizetype>(m_chunkSize, tasks.size() - pending.next);
    if (count > 0) {
        m_store.addSnapshotTasks(std::span<const Task>(tasks.constData() + pending.next, size_t(count)));
        pending.next += count;
    }
    if (pending.next >= tasks.size()) {
        const int connection = pending.snapshot.scope.connection;
        const TaskStore::MergeStats stats = m_store.endSnapshot();
        m_snapshots.pop_front();
        emit snapshotMerged(connection, stats);
        if (m_snapshots.empty())
            m_mergeTimer.stop();
    }
}

quint64 Session::perform(TaskAction action, const QList<QByteArray> &taskIds, const ActionOptions &options)
{
    const quint64 id = m_nextActionId++;
    PendingAction pending;
    pending.outcome.requestId = id;
    pending.outcome.action = action;

    QHash<int, ActionRequest> requests;
    QString refusedPriority;
    const bool takesValue = TaskActions::definition(action).input == ActionInput::Priority;
    if (takesValue)
        refusedPriority = ActionRules::checkValue(action, options.priority, options.adminRequest);

    for (const QByteArray &taskId : taskIds) {
        const Task *task = m_store.find(taskId);
        ActionResult result;
        result.taskId = taskId;
        if (!task) {
            result.message = tr("No such task.");
        } else if (ActionVerdict verdict = ActionRules::check(*task, action, m_context); !verdict) {
            result.message = tr("Not sent: %1").arg(verdict.reason);
        } else if (!refusedPriority.isEmpty()) {
            result.message = tr("Not sent: %1").arg(refusedPriority);
        } else if (!backendFor(*task)) {
            result.message = tr("Not sent: the task's connection is gone.");
        } else {
            ActionRequest &request = requests[task->connection];
            request.id = id;
            request.action = action;
            request.priority = options.priority;
            request.adminRequest = options.adminRequest;
            request.force = options.force;
            request.taskIds.append(taskId);
            continue;
        }
        pending.outcome.results.append(result);
    }

    const int sent = int(std::accumulate(requests.cbegin(), requests.cend(), qsizetype(0),
                                         [](qsizetype n, const ActionRequest &r) { return n + r.taskIds.size(); }));
    QString text = tr("%1 requested for %n task(s)", nullptr, sent).arg(TaskActions::label(action));
    if (!pending.outcome.results.isEmpty())
        text += tr("; %1 not sent").arg(pending.outcome.results.size());
    if (options.force)
        text += tr(" (forced)");
    if (takesValue)
        text += tr(", priority %1").arg(options.priority);
    log(LogEntry::Severity::Info, LogEntry::Category::Action, text);

    pending.awaiting = int(requests.size());
    m_pending.insert(id, pending);
    m_performing = true;
    for (auto it = requests.cbegin(); it != requests.cend(); ++it)
        m_backends[it.key()]->perform(it.value());
    m_performing = false;
    // Nothing to wait for: still answer after returning, so the caller knows the id first.
    if (requests.isEmpty())
        QTimer::singleShot(0, this, [this, id] { finishAction(id); });
    return id;
}

void Session::onBackendAction(const ActionOutcome &outcome)
{
    const auto it = m_pending.find(outcome.requestId);
    if (it == m_pending.end())
        return;
    it->outcome.results.append(outcome.results);
    if (--it->awaiting > 0)
        return;
    // A backend that answers before perform() returns must not beat the caller to the id.
    if (m_performing)
        QTimer::singleShot(0, this, [this, id = outcome.requestId] { finishAction(id); });
    else
        finishAction(outcome.requestId);
}

void Session::finishAction(quint64 id)
{
    const ActionOutcome outcome = m_pending.take(id).outcome;
    int ok = 0;
    QStringList failures;
    for (const ActionResult &result : outcome.results) {
        if (result.ok)
            ++ok;
        else
            failures.append(QString::fromUtf8(result.taskId) + QStringLiteral(": ") + result.message);
    }
    const QString label = TaskActions::label(outcome.action);
    if (failures.isEmpty()) {
        log(LogEntry::Severity::Info, LogEntry::Category::Action,
            tr("%1 succeeded for %n task(s)", nullptr, ok).arg(label));
    } else {
        QString text = tr("%1: %2 succeeded, %3 failed").arg(label).arg(ok).arg(failures.size());
        const int shown = std::min<int>(5, int(failures.size()));
        text += QStringLiteral(" — ") + failures.mid(0, shown).join(QStringLiteral("; "));
        if (failures.size() > shown)
            text += tr("; and %1 more").arg(failures.size() - shown);
        log(ok ? LogEntry::Severity::Warning : LogEntry::Severity::Error,
            LogEntry::Category::Action, text);
    }
    emit actionFinished(outcome);
}

void Session::countEvents(int count)
{
    m_eventsApplied += quint64(count);
    const qint64 second = IsoTime::now() / 1000;
    RateBucket &bucket = m_rate[size_t(second % qint64(m_rate.size()))];
    if (bucket.second != second)
        bucket = RateBucket{second, 0};
    bucket.events += count;
}

double Session::eventRate() const
{
    // The complete seconds before the current one.
    const qint64 now = IsoTime::now() / 1000;
    int events = 0;
    int seconds = 0;
    for (qint64 s = now - qint64(m_rate.size()) + 1; s < now; ++s) {
        const RateBucket &bucket = m_rate[size_t(s % qint64(m_rate.size()))];
        if (bucket.second == s)
            events += bucket.events;
        ++seconds;
    }
    return seconds ? double(events) / seconds : 0.0;
}
