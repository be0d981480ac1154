// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What every harness shares: the libFuzzer entry point (regressionmain.cpp calls the same
// one), a reader that takes control bytes off the front of the input, and a check that
// aborts, which libFuzzer reports as a crash and the regression runner as a failed test.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace Fuzz {

inline void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz property violated: %s\n", what);
        std::abort();
    }
}

// Control bytes come from the front of the input, so the fuzzer mutates them like the rest
// and a reproducer file replays the same choices.
class Input
{
public:
    Input(const uint8_t *data, size_t size)
        : m_bytes(reinterpret_cast<const char *>(data), qsizetype(size))
    {
    }

    quint8 takeByte()
    {
        if (m_bytes.isEmpty())
            return 0;
        const quint8 byte = quint8(m_bytes.front());
        m_bytes = m_bytes.sliced(1);
        return byte;
    }

    // Up to the first `separator`, or everything; the separator is consumed.
    QByteArrayView takeUntil(char separator)
    {
        const qsizetype at = m_bytes.indexOf(separator);
        const QByteArrayView head = at < 0 ? m_bytes : m_bytes.first(at);
        m_bytes = at < 0 ? QByteArrayView() : m_bytes.sliced(at + 1);
        return head;
    }

    QByteArrayView rest() const { return m_bytes; }

private:
    QByteArrayView m_bytes;
};

// A small deterministic generator for split points derived from the input.
class Random
{
public:
    explicit Random(quint32 seed) : m_state(seed | 1u) {}
    quint32 next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        return m_state;
    }

private:
    quint32 m_state;
};

} // namespace Fuzz
