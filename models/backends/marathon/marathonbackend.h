// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"
#include "marathonconfig.h"
#include "marathonevents.h"
#include "marathonstream.h"
#include "marathonsystem.h"
#include "net/backoff.h"

#include <QElapsedTimer>
#include <QTimer>

class MarathonActions;
class MarathonHttp;

// A Marathon, followed live: the /v2/tasks listing plus the /v2/events stream.
//
// Each (re)connection opens the stream first and only then lists /v2/tasks, holding the
// events that arrive meanwhile; the listing goes out as a snapshot (which the session
// diff-merges) and the held events right after it. So nothing that happens while the
// listing is in flight is missed, and nothing older than the listing lands on top of it.
// A stream that ends, fails or goes silent for staleAfterMs is reopened after an
// exponential backoff with jitter, without limit; what cannot heal by itself (401, 403, 405,
// 404) is reported as Failed and retried in the background at the same pace.
class MarathonBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarathonBackend)

public:
    explicit MarathonBackend(const MarathonConfig &config, QObject *parent = nullptr);
    ~MarathonBackend() override;

    SystemId system() const override { return MarathonSystem::id(); }
    QString displayName() const override;
    void start() override;
    void stop() override;
    void perform(const ActionRequest &request) override;
    void fetchRawRecord(const QByteArray &taskId) override;
    // While waiting to reconnect, reconnects at once; a live stream needs nothing.
    void refresh() override;
    qint64 retentionMs() const override { return m_config.retentionMs; }

    const MarathonConfig &config() const { return m_config; }
    // What the stream brought so far (frames, heartbeats, unknown types…).
    const MarathonEvents::Counters &counters() const { return m_events.counters(); }
    qint64 bytesReceived() const { return m_stream->bytesReceived(); }
    int listings() const { return m_listings; }   // /v2/tasks listings sent as snapshots

private:
    enum class Phase : quint8 { Stopped, Opening, Listing, Live, Waiting };

    void connectNow();
    void onStreamOpened(const QUrl &url);
    void onStreamEnded(const MarathonStream::Ending &ending);
    void onListingAnswer(quint64 generation, const HttpOutcome &outcome, const QByteArray &body);
    void onListingParsed(quint64 generation, MarathonParser::TaskListing listing);
    void flushEvents();
    // Drops this connection and schedules the next one, showing status meanwhile.
    void abandon(ConnectionStatus status, qint64 retryAfterMs);

    MarathonConfig m_config;
    MarathonHttp *m_http;
    MarathonEvents m_events;
    MarathonStream *m_stream;
    MarathonActions *m_actions;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_summaryTimer;
    QElapsedTimer m_liveFor;
    Phase m_phase = Phase::Stopped;
    quint64 m_generation = 0;   // a new connection orphans the answers of the last one
    int m_listings = 0;
};
