// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/credentials.h"

#include <QStringList>
#include <QUrl>

// What one Evergreen connection watches and how politely it asks. The defaults are what an
// operator gets; the tests shorten the times.
struct EvergreenConfig
{
    QUrl url;                       // https://evergreen.example (the REST base is url + /rest/v2)
    Credentials credentials;        // Api-User/Api-Key or a bearer token
    QStringList versions;           // every build of each version is watched
    QStringList builds;             // and these builds besides

    int pollIntervalMs = 30000;     // between the end of one poll and the start of the next
    int fastPollIntervalMs = 10000; // instead, while a watched task is dispatched or running
    int pageLimit = 100;            // tasks per page (Evergreen's own default)
    int maxParallelRequests = 4;
    int requestTimeoutMs = 60000;   // no byte for this long ends a request

    // After a failed poll: 0.5 s doubling to 30 s with jitter; Retry-After wins if longer.
    int backoffInitialMs = 500;
    int backoffMaximumMs = 30000;
    quint32 backoffSeed = 0;        // 0: random
    int staleAfterMs = 0;           // failing polls turn Stale after this; 0: 2 × the interval

    int annotationRefreshMs = 300000; // annotations of the same execution are asked again after
    bool ignoreSslErrors = false;     // for self-signed test servers only; logged as a warning
};
