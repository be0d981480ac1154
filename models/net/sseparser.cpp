// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseparser.h"

namespace {
constexpr QByteArrayView bom("\xEF\xBB\xBF");
// Buffers that grew for one big frame are given back rather than kept for the next.
constexpr qsizetype keepCapacity = 256 * 1024;

qsizetype findLineEnd(QByteArrayView bytes, qsizetype from)
{
    const char *data = bytes.data();
    for (qsizetype i = from; i < bytes.size(); ++i) {
        if (data[i] == '\n' || data[i] == '\r')
            return i;
    }
    return -1;
}

void assign(QByteArray &target, QByteArrayView value)
{
    target.resize(0);   // keeps the capacity
    target.append(value);
}
} // namespace

SseParser::SseParser(Listener *listener, qint64 maxFrameBytes)
    : m_listener(listener)
{
    setMaxFrameBytes(maxFrameBytes);
}

void SseParser::reset()
{
    m_line.clear();
    m_discardingLine = false;
    clearFrame();
    m_afterCr = false;
    m_discarding = false;
    m_atStart = true;
    m_bomMatched = 0;
}

SseParser::Stats SseParser::stats() const
{
    return {m_completed, m_dropped, pendingBytes(),
            m_line.capacity() + m_data.capacity() + m_event.capacity()};
}

void SseParser::feed(QByteArrayView bytes)
{
    // The BOM is matched byte by byte before anything else sees the stream, so that a BOM
    // cut by a chunk boundary, or opening a line that overflows, is treated the same way as
    // one that arrives whole (it never counts against the frame limit).
    while (m_atStart && !bytes.isEmpty()) {
        if (bytes.front() == bom[m_bomMatched]) {
            bytes = bytes.sliced(1);
            if (++m_bomMatched == bom.size()) {
                m_atStart = false;
                m_bomMatched = 0;
            }
            continue;
        }
        // Not a BOM after all: the bytes held back are the stream's first.
        m_atStart = false;
        const qsizetype held = std::exchange(m_bomMatched, 0);
        feedLines(bom.first(held));
    }
    feedLines(bytes);
}

void SseParser::feedLines(QByteArrayView bytes)
{
    qsizetype pos = 0;
    if (m_afterCr && !bytes.isEmpty()) {
        m_afterCr = false;
        if (bytes.front() == '\n')
            pos = 1;
    }
    while (pos < bytes.size()) {
        const qsizetype end = findLineEnd(bytes, pos);
        if (end < 0) {
            // The line goes on in the next chunk.
            if (m_discarding) {
                m_discardingLine = true;
            } else {
                m_line.append(bytes.sliced(pos));
                // Waiting for the head's bytes keeps the error's text the same however the
                // line was cut; it costs at most ErrorHeadBytes more.
                if (m_frameBytes + m_line.size() > m_maxFrameBytes && m_line.size() >= ErrorHeadBytes) {
                    overflow(m_line);
                    releaseLine();
                    m_discardingLine = true;
                }
            }
            return;
        }
        const QByteArrayView piece = bytes.sliced(pos, end - pos);
        if (bytes[end] == '\r') {
            if (end + 1 < bytes.size())
                pos = end + (bytes[end + 1] == '\n' ? 2 : 1);
            else {
                m_afterCr = true;
                pos = end + 1;
            }
        } else {
            pos = end + 1;
        }

        if (m_discarding) {
            const bool blank = piece.isEmpty() && !m_discardingLine;
            m_discardingLine = false;
            if (blank) {
                m_discarding = false;
                ++m_completed;
                clearFrame();
            }
        } else if (m_line.isEmpty()) {
            processLine(piece);
        } else {
            m_line.append(piece);
            processLine(m_line);
            releaseLine();
        }
    }
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        ++m_completed;
        if (m_hasData)
            dispatch();
        else if (m_event.isEmpty())
            m_listener->sseHeartbeat();   // an event name without data dispatches nothing
        clearFrame();
        return;
    }
    m_frameBytes += line.size() + 1;
    if (m_frameBytes > m_maxFrameBytes) {
        overflow(line);
        return;
    }
    if (line.front() == ':') {
        ++m_completed;   // a keep-alive comment is a complete message of its own
        m_listener->sseComment(line.sliced(1));
        return;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);

    if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        assign(m_event, value);
    }
    // id and retry are ignored: Marathon sends neither, and there is no replay to resume.
}

void SseParser::dispatch()
{
    static constexpr QByteArrayView message("message");
    const QByteArrayView event = m_event.isEmpty() ? message : QByteArrayView(m_event);
    m_listener->sseFrame(event, QByteArrayView(m_data).chopped(1));
}

void SseParser::overflow(QByteArrayView line)
{
    ++m_dropped;
    const QByteArrayView head = m_hasData ? QByteArrayView(m_data) : line;
    m_listener->sseError(Error::FrameTooLarge, m_maxFrameBytes + 1,
                         head.first(std::min<qsizetype>(head.size(), ErrorHeadBytes)));
    clearFrame();
    m_discarding = true;
}

void SseParser::releaseLine()
{
    if (m_line.capacity() > keepCapacity)
        m_line = QByteArray();
    m_line.resize(0);
}

void SseParser::clearFrame()
{
    if (m_data.capacity() > keepCapacity)
        m_data = QByteArray();
    m_data.resize(0);
    m_event.resize(0);
    m_frameBytes = 0;
    m_hasData = false;
}
