// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QMetaType>
#include <QString>

// What one connection is doing, for the status bar and taskmon-cli's stderr.
struct ConnectionStatus
{
    enum class State : quint8 {
        Idle,          // not started
        Connecting,    // first connection or snapshot in flight
        Live,          // stream open and healthy (Marathon) / demo running
        Polling,       // last poll succeeded (Evergreen)
        Reconnecting,  // lost; next attempt at retryAt
        Stale,         // no data for too long, or polls failing: what we show may be old
        Failed,        // will not recover by itself (bad URL, 401…); detail says why
    };

    State state = State::Idle;
    QString detail;          // the error or what is happening
    int attempt = 0;         // reconnect attempt number
    Timestamp retryAt = 0;   // when the next attempt starts
    Timestamp since = 0;     // when this state began ("stale since 12:04")
    Timestamp lastDataAt = 0;
    int pollIntervalMs = 0;

    // "Live", "Reconnecting in 4 s (attempt 3)", "Polling every 30 s · last at 12:04:31",
    // "Stale since 12:04:10", "Failed: 401 …".
    QString text(Timestamp now) const;
    bool isHealthy() const { return state == State::Live || state == State::Polling; }
    bool operator==(const ConnectionStatus &) const = default;
};

Q_DECLARE_METATYPE(ConnectionStatus)
