// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/marathon/marathonbackend.h"
#include "domain/isotime.h"
#include "fakemarathon.h"
#include "session/session.h"

#include <QElapsedTimer>
#include <QTest>

// JSON written with single quotes, so that moc's tokenizer, which knows no raw strings, can
// read the test files: q("{'a':1}") is {"a":1}.
inline QByteArray q(const char *text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    return json;
}

// A session with one MarathonBackend pointed at a FakeMarathon, with the times shrunk so a
// stall is noticed in 300 ms and a reconnect waits 20–100 ms.
class MarathonRig
{
public:
    static MarathonConfig fastConfig(const QUrl &url)
    {
        MarathonConfig config;
        config.url = url;
        config.staleAfterMs = 300;
        config.backoffInitialMs = 20;
        config.backoffMaximumMs = 100;
        config.backoffSeed = 7;
        config.requestTimeoutMs = 5000;
        return config;
    }

    // Listens, then starts the session on config (the fake's URL when config has none).
    bool start(MarathonConfig config = {})
    {
        if (!fake.server().port() && !fake.listen())
            return false;
        if (config.url.isEmpty())
            config = fastConfig(fake.url());
        backend = new MarathonBackend(config);
        session.addBackend(backend);
        QObject::connect(&session, &Session::connectionChanged, &session,
                         [this](int, const ConnectionStatus &status) {
                             statuses.append(status);
                             statusTimes.append(IsoTime::now());
                         });
        session.start();
        return true;
    }

    bool waitFor(ConnectionStatus::State state, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return backend->connectionStatus().state == state; }, timeoutMs);
    }
    bool waitLive(int timeoutMs = 5000) { return waitFor(ConnectionStatus::State::Live, timeoutMs); }

    // Runs the event loop until predicate holds, waking on every event rather than polling
    // (the byte-by-byte tests wait thousands of times).
    template<typename Predicate>
    static bool spinUntil(Predicate predicate, int timeoutMs = 5000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!predicate()) {
            if (clock.elapsed() > timeoutMs)
                return false;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        }
        return true;
    }

    const Task *task(const char *id) const { return session.store()->find(id); }
    Status status(const char *id) const
    {
        const Task *found = task(id);
        return found ? found->status : Status::Unset;
    }

    Health health(const char *id) const
    {
        const Task *found = task(id);
        return found ? found->health : Health::None;
    }

    QStringList log()
    {
        QStringList texts;
        for (int row = 0; row < session.eventLog()->rowCount(); ++row)
            texts.append(session.eventLog()->entry(row).text);
        return texts;
    }
    int logLinesContaining(const QString &text)
    {
        const QStringList lines = log();
        return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(text); }));
    }
    QList<ConnectionStatus::State> states() const
    {
        QList<ConnectionStatus::State> result;
        for (const ConnectionStatus &status : statuses) {
            if (result.isEmpty() || result.last() != status.state)
                result.append(status.state);
        }
        return result;
    }

    FakeMarathon fake;
    QList<ConnectionStatus> statuses;     // before the session, which reports until it dies
    QList<Timestamp> statusTimes;         // when each of them arrived
    Session session;
    MarathonBackend *backend = nullptr;   // owned by the session
};
