// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/evergreen/evergreenbackend.h"
#include "domain/actionrules.h"
#include "fakeevergreen.h"
#include "session/session.h"

#include <QJsonObject>

// Session + TaskStore + EvergreenBackend against a FakeEvergreen on 127.0.0.1. The config
// polls only when a test asks (pollNow) and backs off for milliseconds, so nothing in the
// suite waits for an interval unless a test is about the timing.
struct Harness
{
    static inline const QString User = QStringLiteral("bot");
    static inline const QString Secret = QStringLiteral("s3cret-api-key-4711");

    FakeEvergreen server;
    Session session;
    EvergreenBackend *backend = nullptr;   // owned by the session
    EvergreenConfig config;

    Harness();

    // A task as the fake stores it, in build b1 (ubuntu) or b2 (rhel) of version v1, which
    // are created when first named.
    QJsonObject &given(const char *id, const char *status = "undispatched", const char *build = "b1",
                       bool activated = true);

    // Creates the backend from `config` and starts it; whether the first poll worked.
    bool start();
    // One more poll; whether it worked and its snapshots are merged.
    bool poll();
    // Performs through the session and waits for the outcome.
    ActionOutcome act(TaskAction action, const QList<QByteArray> &ids, const ActionOptions &options = {});

    const Task *task(const char *id) const { return session.store()->find(id); }
    ActionVerdict check(const char *id, TaskAction action) const;
    QStringList log() const;
    int logLinesContaining(const QString &text) const;

private:
    bool waitForPoll(bool startFirst);
};

// status_details of a finished task.
QJsonObject details(const char *type, bool timedOut = false, const char *desc = "");
