// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>

// Reconnect delays: 0.5 s doubling to 30 s, without limit on attempts (DESIGN.md §7), with
// "equal jitter": half the delay is fixed, half random, so a fleet of clients that lost the
// same leader does not come back in lockstep. Seedable, so tests know the sequence.
class Backoff
{
public:
    explicit Backoff(int initialMs = 500, int maximumMs = 30000, quint32 seed = 0);

    // The delay before the next attempt; each call counts an attempt.
    int nextDelay();
    // The delay nextDelay() would return before jitter, for display.
    int baseDelay() const;
    int attempt() const { return m_attempt; }
    void reset() { m_attempt = 0; }

    int initialMs() const { return m_initialMs; }
    int maximumMs() const { return m_maximumMs; }

private:
    int m_initialMs;
    int m_maximumMs;
    int m_attempt = 0;
    QRandomGenerator m_random;
};
