// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenbackend.h"

#include "evergreenactions.h"
#include "evergreenannotations.h"
#include "evergreenclient.h"
#include "evergreensystem.h"
#include "domain/isotime.h"
#include "itemmodels/taskformat.h"

#include <QFutureWatcher>
#include <QtConcurrentRun>

namespace {
using State = ConnectionStatus::State;

// Worth a quicker look: the task is on a host or about to be.
bool isActive(const Task &task)
{
    return task.stage() == Stage::InProgress || task.status == evg(EvgStatus::Dispatched);
}
} // namespace

EvergreenBackend::EvergreenBackend(const EvergreenConfig &config, QObject *parent)
    : Backend(parent)
    , m_config(config)
    , m_backoff(config.backoffInitialMs, config.backoffMaximumMs, config.backoffSeed)
    , m_client(new EvergreenClient(config, this))
    , m_poller(new EvergreenPoller(m_client, config, this))
    , m_actions(new EvergreenActions(m_client, this))
    , m_annotations(new EvergreenAnnotations(m_client, config.annotationRefreshMs, this))
    , m_intervalMs(std::max(1, config.pollIntervalMs))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &EvergreenBackend::startPoll);
    connect(m_poller, &EvergreenPoller::buildListed, this, &EvergreenBackend::onBuildListed);
    connect(m_poller, &EvergreenPoller::finished, this, &EvergreenBackend::onPollFinished);
    connect(m_poller, &EvergreenPoller::problem, this, &EvergreenBackend::logProblem);
    connect(m_client, &EvergreenClient::rateLimited, this, &EvergreenBackend::onRateLimited);
    connect(m_client, &EvergreenClient::warning, this, [this](const QString &text) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Connection, text);
    });
    connect(m_actions, &EvergreenActions::taskUpdated, this, &EvergreenBackend::onTaskUpdated);
    connect(m_actions, &EvergreenActions::finished, this, &Backend::actionFinished);
    connect(m_actions, &EvergreenActions::warning, this, [this](const QString &text) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Action, text);
    });
    connect(m_annotations, &EvergreenAnnotations::annotationsReady, this, [this](const Task &task) {
        emitBatch({TaskDelta::upsert(task, TaskField::Details)});
    });
    connect(m_annotations, &EvergreenAnnotations::warning, this, [this](const QString &text) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Server, text);
    });
}

EvergreenBackend::~EvergreenBackend()
{
    m_pollTimer.stop();
    m_client->cancelAll();
}

QString EvergreenBackend::displayName() const
{
    return QStringLiteral("evergreen ") + m_config.url.toDisplayString(QUrl::RemoveUserInfo);
}

QString EvergreenBackend::configProblem() const
{
    const QString scheme = m_config.url.scheme();
    if (!m_config.url.isValid() || m_config.url.host().isEmpty()
        || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))) {
        return tr("the Evergreen URL \"%1\" is not an http or https URL")
            .arg(m_config.url.toDisplayString(QUrl::RemoveUserInfo));
    }
    if (m_config.versions.isEmpty() && m_config.builds.isEmpty())
        return tr("nothing to watch: name a version or a build");
    return {};
}

void EvergreenBackend::start()
{
    if (m_running)
        return;
    if (const QString problem = configProblem(); !problem.isEmpty()) {
        setConnectionStatus(ConnectionStatus{State::Failed, problem});
        return;
    }
    m_running = true;
    m_backoff.reset();
    QStringList watched;
    for (const QString &version : std::as_const(m_config.versions))
        watched.append(tr("version %1").arg(version));
    for (const QString &build : std::as_const(m_config.builds))
        watched.append(tr("build %1").arg(build));
    log(LogEntry::Severity::Info, LogEntry::Category::Connection,
        tr("Watching %1 with %2.").arg(watched.join(QStringLiteral(", ")), m_config.credentials.describe()));
    if (m_config.credentials.scheme == Credentials::Scheme::None) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Connection,
            tr("No credentials: Evergreen answers most requests only with TASKMON_EVERGREEN_USER and TASKMON_EVERGREEN_KEY (or a bearer token)."));
    }
    setConnectionStatus(ConnectionStatus{State::Connecting, watched.join(QStringLiteral(", "))});
    startPoll();
}

void EvergreenBackend::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pollAgain = false;
    m_pollTimer.stop();
    m_poller->cancel();
    m_client->cancelAll();
    m_annotations->clear();
    m_actions->abandonAll(tr("The connection was stopped before the server answered."));
    setConnectionStatus(ConnectionStatus{State::Idle, {}});
}

void EvergreenBackend::pollNow()
{
    if (m_running)
        startPoll();
}

void EvergreenBackend::startPoll()
{
    if (!m_running)
        return;
    if (m_poller->isRunning()) {
        m_pollAgain = true;
        return;
    }
    m_pollTimer.stop();
    m_annotatedSeen.clear();
    m_mismatchLines = 0;
    m_problemLines = 0;
    m_poller->start();
}

void EvergreenBackend::emitBuild(const QString &buildId, QList<Task> tasks)
{
    TaskSnapshot snapshot;
    snapshot.scope.wholeConnection = false;
    snapshot.scope.scope = InternedString(buildId);
    bool active = false;
    for (Task &task : tasks) {
        // The diff-merge removes what a build no longer lists by scope: it must be the build.
        task.scope = snapshot.scope.scope;
        m_annotations->attach(task);
        if (task.hasFlag(TaskFlag::HasAnnotations))
            m_annotatedSeen.insert(task.id);
        active = active || isActive(task);
    }
    if (active)
        m_activeBuilds.insert(buildId);
    else
        m_activeBuilds.remove(buildId);
    snapshot.tasks = std::move(tasks);
    emitSnapshot(std::move(snapshot));
}

void EvergreenBackend::onBuildListed(const EvergreenPoller::BuildTasks &build)
{
    logMismatches(build.mismatches);
    emitBuild(build.buildId, build.tasks);
}

void EvergreenBackend::onPollFinished(const EvergreenPoller::Outcome &outcome)
{
    logOverflow();
    const Timestamp now = IsoTime::now();
    if (outcome.ok) {
        // A build the versions no longer list takes its tasks with it.
        const QSet<QString> listed(outcome.builds.cbegin(), outcome.builds.cend());
        for (const QString &gone : std::as_const(m_listedBuilds)) {
            if (!listed.contains(gone))
                emitBuild(gone, {});
        }
        m_listedBuilds = listed;
        m_annotations->retainOnly(m_annotatedSeen);
        m_backoff.reset();
        m_lastDataAt = now;
        m_intervalMs = std::max(1, m_activeBuilds.isEmpty()
                                       ? m_config.pollIntervalMs
                                       : std::min(m_config.fastPollIntervalMs, m_config.pollIntervalMs));
        ConnectionStatus status{State::Polling, {}};
        status.pollIntervalMs = m_intervalMs;
        status.lastDataAt = now;
        setConnectionStatus(status);
        m_pollTimer.start(m_intervalMs);
    } else if (outcome.failure.isAuthProblem()) {
        log(LogEntry::Severity::Error, LogEntry::Category::Server, outcome.error);
        setConnectionStatus(ConnectionStatus{
            State::Failed,
            tr("authorisation problem — %1: %2 (sent %3; check the credentials and their rights on the project)")
                .arg(outcome.failure.status)
                .arg(outcome.failure.message, m_config.credentials.describe())});
    } else {
        const qint64 delay = std::max<qint64>(m_backoff.nextDelay(), outcome.failure.retryAfterMs);
        const int staleAfter = m_config.staleAfterMs > 0 ? m_config.staleAfterMs : 2 * m_config.pollIntervalMs;
        ConnectionStatus status;
        status.state = m_lastDataAt && now - m_lastDataAt >= staleAfter ? State::Stale : State::Reconnecting;
        status.detail = outcome.error;
        status.attempt = m_backoff.attempt();
        status.retryAt = now + delay;
        status.lastDataAt = m_lastDataAt;
        status.pollIntervalMs = m_intervalMs;
        setConnectionStatus(status);
        m_pollTimer.start(int(std::min<qint64>(delay, EvergreenClient::MaxRateLimitWaitMs)));
    }
    emit pollFinished(outcome.ok);
    if (m_pollAgain) {
        m_pollAgain = false;
        startPoll();
    }
}

void EvergreenBackend::onRateLimited(qint64 waitMs, const QString &serverMessage)
{
    const Timestamp now = IsoTime::now();
    ConnectionStatus status;
    status.state = State::Reconnecting;
    status.detail = tr("rate limited by the server (429%1); nothing is sent for %2, as its Retry-After asks")
                        .arg(serverMessage.isEmpty() ? QString() : QStringLiteral(": ") + serverMessage,
                             Duration::text(waitMs));
    status.attempt = 1;
    status.retryAt = now + waitMs;
    status.lastDataAt = m_lastDataAt;
    status.pollIntervalMs = m_intervalMs;
    setConnectionStatus(status);
}

void EvergreenBackend::perform(const ActionRequest &request)
{
    m_actions->perform(request);
}

void EvergreenBackend::onTaskUpdated(const Task &task)
{
    Task updated = task;
    quint32 fields = TaskField::All;
    if (updated.scope.isEmpty())
        fields &= ~quint32(TaskField::Scope);
    m_annotations->attach(updated);
    if (isActive(updated) && !updated.scope.isEmpty())
        m_activeBuilds.insert(updated.scope.toString());
    emitBatch({TaskDelta::upsert(updated, fields)});
    // Look again soon: an abort finishes, a restarted task is dispatched.
    const int fast = std::min(m_config.fastPollIntervalMs, m_config.pollIntervalMs);
    if (m_running && m_pollTimer.isActive() && m_pollTimer.remainingTime() > fast)
        m_pollTimer.start(std::max(1, fast));
}

QList<std::pair<TaskAction, QString>> EvergreenBackend::unsupportedActions() const
{
    return {{evgAction(EvgAction::OverrideDependencies),
             EvergreenActions::unsupportedReason(evgAction(EvgAction::OverrideDependencies))}};
}

void EvergreenBackend::fetchRawRecord(const QByteArray &taskId)
{
    const QUrl url = m_client->endpoint({QStringLiteral("tasks"), QString::fromUtf8(taskId)});
    m_client->get(url, [this, taskId](const EvergreenClient::Reply &reply) {
        if (!reply.outcome.ok()) {
            emit rawRecordReady(taskId, tr("Could not fetch the task from Evergreen: %1")
                                            .arg(reply.outcome.describe()));
            return;
        }
        // Bounded, but a large record still takes a while to indent: not on the GUI thread.
        auto *watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, taskId] {
            watcher->deleteLater();
            emit rawRecordReady(taskId, watcher->future().takeResult());
        });
        watcher->setFuture(QtConcurrent::run([body = reply.body] { return EvergreenParser::prettyJson(body); }));
    }, true);
}

void EvergreenBackend::logMismatches(const QList<EvergreenParser::DisplayStatusMismatch> &mismatches)
{
    for (const auto &mismatch : mismatches) {
        const QString key = QString::fromUtf8(mismatch.taskId) + u'\n' + mismatch.serverDisplayStatus
            + u'\n' + QString::number(int(mismatch.derived));
        if (m_mismatchesLogged.contains(key))
            continue;
        if (m_mismatchesLogged.size() >= 100000)
            m_mismatchesLogged.clear();
        m_mismatchesLogged.insert(key);
        if (++m_mismatchLines > MaxLinesPerPoll)
            continue;
        log(LogEntry::Severity::Warning, LogEntry::Category::Data,
            tr("%1: the server's display_status is \"%2\" but its raw fields make it \"%3\"; showing %4.")
                .arg(QString::fromUtf8(mismatch.taskId), mismatch.serverDisplayStatus,
                     QString(StatusTaxonomy::key(mismatch.derived)), StatusTaxonomy::label(mismatch.derived)));
    }
}

void EvergreenBackend::logProblem(const QString &text)
{
    if (++m_problemLines <= MaxLinesPerPoll)
        log(LogEntry::Severity::Warning, LogEntry::Category::Input, text);
}

void EvergreenBackend::logOverflow()
{
    if (m_mismatchLines > MaxLinesPerPoll) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Data,
            tr("… and %1 more tasks whose display_status differs from their raw fields.")
                .arg(m_mismatchLines - MaxLinesPerPoll));
    }
    if (m_problemLines > MaxLinesPerPoll) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Input,
            tr("… and %1 more unreadable elements in this poll.").arg(m_problemLines - MaxLinesPerPoll));
    }
}
