// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/credentials.h"
#include "net/sseparser.h"

#include <QUrl>

// How to reach one Marathon and how patient to be with it. The defaults are the documented
// ones (DESIGN.md §7); tests shrink the times so a reconnect takes milliseconds.
struct MarathonConfig
{
    QUrl url;                        // http://leader:8080 or https://dcos/service/marathon
    Credentials credentials;         // Basic or DC/OS token; user:pass in the URL also works
    int staleAfterMs = 30000;        // no byte for this long: the stream is dead (heartbeat 10 s)
    qint64 retentionMs = 15 * 60 * 1000;  // finished tasks stay visible this long
    int backoffInitialMs = 500;
    int backoffMaximumMs = 30000;
    quint32 backoffSeed = 0;         // 0: random jitter; tests fix it
    qint64 maxFrameBytes = SseParser::DefaultMaxFrameBytes;
    int requestTimeoutMs = 30000;    // REST calls: abort after this long without a byte
    int maxRedirects = 5;
    int problemLogIntervalMs = 60000;   // unknown types and malformed frames: summary period
    int problemLinesPerInterval = 10;   // malformed frames logged one by one, then summarised
    bool ignoreSslErrors = false;    // for self-signed test clusters; logged loudly
};
