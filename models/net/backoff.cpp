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
    // Doubling overflows long before 2^30; cap the exponent instead of the product.
    const int exponent = std::min(m_attempt, 20);
    const qint64 delay = qint64(m_initialMs) << exponent;
    return int(std::min<qint64>(delay, m_maximumMs));
}

int Backoff::nextDelay()
{
    const int base = baseDelay();
    ++m_attempt;
    const int half = base / 2;
    return half + int(m_random.bounded(half + 1));
}
