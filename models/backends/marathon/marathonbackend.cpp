// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonbackend.h"

#include "domain/isotime.h"
#include "itemmodels/taskformat.h"
#include "marathonactions.h"
#include "marathonhttp.h"
#include "marathonids.h"

#include <QFutureWatcher>
#include <QtConcurrentRun>

#include <limits>
#include <type_traits>

namespace {
MarathonConfig normalised(MarathonConfig config)
{
    // http://user:secret@host:8080 works, but the secret must not stay in the URL, which
    // shows up in the status bar and the log.
    if (!config.url.userName().isEmpty()) {
        if (config.credentials.scheme == Credentials::Scheme::None) {
            config.credentials.scheme = Credentials::Scheme::Basic;
            config.credentials.user = config.url.userName(QUrl::FullyDecoded);
            config.credentials.secret = config.url.password(QUrl::FullyDecoded);
        }
        config.url.setUserInfo({});
    }
    return config;
}

using State = ConnectionStatus::State;

// Runs work in the thread pool and done(result) on context's thread, unless context is gone.
template<typename Work, typename Done>
void inWorker(QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->future().takeResult());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}
} // namespace

MarathonBackend::MarathonBackend(const MarathonConfig &config, QObject *parent)
    : Backend(parent)
    , m_config(normalised(config))
    , m_http(new MarathonHttp(m_config, this))
    , m_events(m_config, [this](LogEntry::Severity severity, LogEntry::Category category, const QString &text) {
        log(severity, category, text);
    })
    , m_stream(new MarathonStream(m_http, &m_events, this))
    , m_actions(new MarathonActions(m_http, this))
    , m_backoff(m_config.backoffInitialMs, m_config.backoffMaximumMs, m_config.backoffSeed)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &MarathonBackend::connectNow);
    m_summaryTimer.setInterval(std::max(100, m_config.problemLogIntervalMs));
    connect(&m_summaryTimer, &QTimer::timeout, this, [this] {
        m_events.logSummary(Duration::text(m_summaryTimer.interval()));
    });

    connect(m_stream, &MarathonStream::opened, this, &MarathonBackend::onStreamOpened);
    connect(m_stream, &MarathonStream::chunkParsed, this, &MarathonBackend::flushEvents);
    connect(m_stream, &MarathonStream::ended, this, &MarathonBackend::onStreamEnded);
    connect(m_stream, &MarathonStream::redirected, this, [this](const QUrl &to) {
        log(LogEntry::Severity::Info, LogEntry::Category::Connection,
            tr("Event stream redirected to %1 (the leader)").arg(to.toDisplayString(QUrl::RemoveUserInfo)));
    });
    const auto problem = [this](const QString &text) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Connection, text);
    };
    connect(m_stream, &MarathonStream::problem, this, problem);
    connect(m_http, &MarathonHttp::problem, this, problem);
    connect(m_actions, &MarathonActions::finished, this, &Backend::actionFinished);
}

MarathonBackend::~MarathonBackend()
{
    stop();
    // The stream feeds m_events; it must go before the members do.
    delete m_stream;
    delete m_actions;
    delete m_http;
}

QString MarathonBackend::displayName() const
{
    return QStringLiteral("marathon ") + m_config.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

void MarathonBackend::start()
{
    if (m_phase != Phase::Stopped)
        return;
    m_backoff.reset();
    m_summaryTimer.start();
    ConnectionStatus status;
    status.state = State::Connecting;
    setConnectionStatus(status);
    connectNow();
}

void MarathonBackend::stop()
{
    if (m_phase == Phase::Stopped)
        return;
    m_phase = Phase::Stopped;
    ++m_generation;
    m_stream->close();
    m_retryTimer.stop();
    m_summaryTimer.stop();
    if (m_events.hasPending())
        emitBatch(m_events.takeBatch());
    setConnectionStatus(ConnectionStatus{});
}

void MarathonBackend::connectNow()
{
    ++m_generation;
    m_phase = Phase::Opening;
    // A background retry of a failed connection stays "Failed" until it succeeds, so the
    // log does not get two lines every 30 s; a countdown that ran out shows the attempt.
    ConnectionStatus status = connectionStatus();
    if (status.state == State::Reconnecting || status.state == State::Stale) {
        status.state = State::Reconnecting;
        status.retryAt = 0;
        status.since = 0;
        setConnectionStatus(status);
    }
    m_stream->open();
}

void MarathonBackend::onStreamOpened(const QUrl &)
{
    if (m_phase != Phase::Opening)
        return;
    m_phase = Phase::Listing;
    const quint64 generation = m_generation;
    m_http->get(m_http->url(QStringLiteral("/v2/tasks")), [this, generation](const HttpOutcome &outcome, const QByteArray &body) {
        onListingAnswer(generation, outcome, body);
    });
}

void MarathonBackend::onListingAnswer(quint64 generation, const HttpOutcome &outcome, const QByteArray &body)
{
    if (generation != m_generation || m_phase != Phase::Listing)
        return;
    if (!outcome.ok()) {
        ConnectionStatus status;
        status.state = outcome.isAuthProblem() ? State::Failed : State::Reconnecting;
        status.detail = tr("GET /v2/tasks: %1").arg(outcome.describe());
        abandon(status, outcome.retryAfterMs);
        return;
    }
    // A 100,000-task listing takes a good part of a second to parse: not on the GUI thread.
    inWorker(this, [body] { return MarathonParser::parseTasks(body); },
             [this, generation](MarathonParser::TaskListing listing) {
                 onListingParsed(generation, std::move(listing));
             });
}

void MarathonBackend::onListingParsed(quint64 generation, MarathonParser::TaskListing listing)
{
    if (generation != m_generation || m_phase != Phase::Listing)
        return;
    if (!listing.error.isEmpty()) {
        ConnectionStatus status;
        status.state = State::Reconnecting;
        status.detail = tr("GET /v2/tasks: %1").arg(listing.error);
        abandon(status, -1);
        return;
    }
    if (listing.skipped > 0) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Input,
            tr("/v2/tasks listed %1 entries that are not tasks with an id; skipped them.").arg(listing.skipped));
    }
    if (listing.repairedUtf8 > 0) {
        log(LogEntry::Severity::Warning, LogEntry::Category::Input,
            tr("/v2/tasks held %1 invalid UTF-8 sequences; they are shown as U+FFFD.").arg(listing.repairedUtf8));
    }
    m_events.resetIndex(std::move(listing.index));
    TaskSnapshot snapshot;
    snapshot.scope.keepFinished = true;
    snapshot.scope.fields = MarathonParser::snapshotFields();
    snapshot.scope.flagMask = MarathonParser::snapshotFlagMask;
    snapshot.tasks = std::move(listing.tasks);
    log(LogEntry::Severity::Info, LogEntry::Category::Data, tr("Listed %1 tasks from /v2/tasks").arg(snapshot.tasks.size()));
    emitSnapshot(std::move(snapshot));
    ++m_listings;
    // What arrived on the stream while the listing was on its way is newer than it.
    m_phase = Phase::Live;
    m_liveFor.start();
    flushEvents();
    ConnectionStatus live;
    live.state = State::Live;
    live.lastDataAt = m_stream->lastDataAt();
    setConnectionStatus(live);
}

void MarathonBackend::flushEvents()
{
    if (m_phase == Phase::Live && m_events.hasPending())
        emitBatch(m_events.takeBatch());
}

void MarathonBackend::onStreamEnded(const MarathonStream::Ending &ending)
{
    if (m_phase == Phase::Stopped)
        return;
    const bool hadData = m_phase == Phase::Live || m_phase == Phase::Listing;
    const bool wasLive = m_phase == Phase::Live;
    if (wasLive && m_liveFor.elapsed() >= m_config.backoffMaximumMs)
        m_backoff.reset();   // it was a good connection: start again at the shortest delay

    const HttpOutcome &outcome = ending.outcome;
    ConnectionStatus status;
    status.state = State::Reconnecting;
    status.lastDataAt = ending.lastDataAt;
    status.detail = outcome.message;
    switch (ending.end) {
    case MarathonStream::End::Stalled:
        if (hadData) {
            status.state = State::Stale;
            status.since = ending.lastDataAt;
        }
        break;
    case MarathonStream::End::HttpError: {
        const QString what = tr("GET /v2/events: %1").arg(outcome.describe());
        status.detail = what;
        if (outcome.isAuthProblem()) {
            status.state = State::Failed;
        } else if (outcome.status == 405) {
            status.state = State::Failed;
            status.detail = tr("%1 — the server did not take \"Accept: text/event-stream\"; a proxy in between may rewrite it").arg(what);
        } else if (outcome.status == 404 || (outcome.status >= 300 && outcome.status < 400)) {
            status.state = State::Failed;
            status.detail = tr("%1 — is %2 a Marathon?").arg(what, m_config.url.toDisplayString(QUrl::RemoveUserInfo));
        }
        break;
    }
    case MarathonStream::End::Closed:
    case MarathonStream::End::NetworkError:
        break;
    }
    abandon(status, outcome.retryAfterMs);
}

void MarathonBackend::abandon(ConnectionStatus status, qint64 retryAfterMs)
{
    m_stream->close();
    ++m_generation;   // answers still on their way belong to this connection: ignore them
    // Events read before the end are real changes, older than any listing still to come.
    if (m_events.hasPending())
        emitBatch(m_events.takeBatch());
    // 429 and 503 may say when to come back; never sooner than the backoff says.
    const qint64 delay = std::max<qint64>(m_backoff.nextDelay(), retryAfterMs);
    status.attempt = m_backoff.attempt();
    status.retryAt = IsoTime::now() + delay;
    if (status.state == State::Failed)
        status.detail += tr(" (retrying in the background)");
    setConnectionStatus(status);
    m_phase = Phase::Waiting;
    m_retryTimer.start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void MarathonBackend::refresh()
{
    if (m_phase != Phase::Waiting)
        return;
    m_retryTimer.stop();
    connectNow();
}

void MarathonBackend::perform(const ActionRequest &request)
{
    m_actions->perform(request);
}

void MarathonBackend::fetchRawRecord(const QByteArray &taskId)
{
    const QString app = MarathonIds::appIdOfTask(taskId);
    if (app.isEmpty()) {
        emit rawRecordReady(taskId, tr("taskmon cannot tell the app of task %1 from its id.").arg(QString::fromUtf8(taskId)));
        return;
    }
    const QString path = QStringLiteral("/v2/apps") + app + QStringLiteral("/tasks");
    m_http->get(m_http->url(path), [this, taskId, path](const HttpOutcome &outcome, const QByteArray &body) {
        if (!outcome.ok()) {
            emit rawRecordReady(taskId, tr("GET %1: %2").arg(path, outcome.describe()));
            return;
        }
        // An app's listing can be as large as a whole cluster's: parse it in the pool too.
        inWorker(this, [body, taskId] {
            QString error;
            QString text = MarathonParser::prettyTask(body, taskId, &error);
            return std::pair{std::move(text), std::move(error)};
        }, [this, taskId, path](const std::pair<QString, QString> &record) {
            const auto &[text, error] = record;
            emit rawRecordReady(taskId, text.isEmpty() ? tr("GET %1: %2").arg(path, error) : text);
        });
    });
}
