// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <algorithm>

Backoff::Backoff(int initialMs, int maximumMs, quint32 seed)
    : m_initialMs(std::max(1, initialMs))
    , m_maximumMs(std::max(initialMs, maximumMs))
    , m_random(seed ? seed : QRandomGenerator::global()->generate())
{
}

int Backoff::baseDelay() const
{
    // Double until the maximum; stopping there keeps any number of attempts from overflowing.
    qint64 delay = m_initialMs;
    for (int i = 0; i < m_attempt && delay < m_maximumMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_maximumMs));
}

int Backoff::nextDelay()
{
    const int base = baseDelay();
    ++m_attempt;
    const int half = base / 2;
    return half + int(m_random.bounded(half + 1));
}
