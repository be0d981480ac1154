// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// An incremental Server-Sent-Events parser (WHATWG "event stream interpretation").
//
// Bytes arrive in chunks cut anywhere, even inside a CRLF; frames come out through a
// listener as views into the parser's own buffers, so a frame costs no allocation once the
// buffers have grown to the usual frame size. Lines end with CRLF, LF or CR; "field: value"
// loses one space after the colon; data lines are joined with \n; id and retry are
// ignored (Marathon sends neither and cannot replay); lines starting with ':' are comments.
// A blank line dispatches the frame, or, with nothing pending, counts as a heartbeat
// (Jetty's keep-alive is a bare CRLF). The parser works on bytes and never decodes text, so
// bad UTF-8 goes through to whoever reads the data.
//
// A frame larger than the limit is dropped with one error, and parsing resumes at the next
// frame: one huge event must not take the stream, or the memory, down with it. Its bytes
// are skipped as they arrive, never buffered. What comes out does not depend on where the
// chunks were cut (tests/fuzz/fuzz_sse.cpp checks that), the BOM and the limit included.
class SseParser
{
public:
    enum class Error : quint8 { FrameTooLarge };

    class Listener
    {
    public:
        virtual ~Listener() = default;
        // event is "message" when the frame named none. Both views die with the call.
        virtual void sseFrame(QByteArrayView event, QByteArrayView data) = 0;
        virtual void sseHeartbeat() {}
        virtual void sseComment(QByteArrayView) {}
        // droppedBytes: limit + 1, as the frame's full size is not known yet (and what it had
        // grown to would depend on the chunking). head: its first bytes, up to 200.
        virtual void sseError(Error error, qint64 droppedBytes, QByteArrayView head) = 0;
    };

    static constexpr qint64 DefaultMaxFrameBytes = 4 * 1024 * 1024;
    static constexpr qsizetype ErrorHeadBytes = 200;

    struct Stats
    {
        // Every frame that ended, data or not: dispatched frames, heartbeats, frames with an
        // event name only, comment lines, and dropped frames once their blank line came.
        // A stream that delivers these is alive; one that only drips bytes is not.
        quint64 completedFrames = 0;
        quint64 droppedFrames = 0;   // over the limit
        qint64 bufferedBytes = 0;    // held for an unfinished line or frame
        qint64 reservedBytes = 0;    // the capacity of the buffers that hold them
    };

    explicit SseParser(Listener *listener, qint64 maxFrameBytes = DefaultMaxFrameBytes);

    void feed(QByteArrayView bytes);
    // Forget any partial line or frame: a new connection starts a new stream.
    void reset();

    qint64 maxFrameBytes() const { return m_maxFrameBytes; }
    void setMaxFrameBytes(qint64 bytes) { m_maxFrameBytes = std::max<qint64>(64, bytes); }
    // Bytes held for an unfinished line or frame.
    qint64 pendingBytes() const { return m_line.size() + m_data.size() + m_event.size() + m_bomMatched; }
    Stats stats() const;

private:
    void feedLines(QByteArrayView bytes);
    void processLine(QByteArrayView line);
    void dispatch();
    void overflow(QByteArrayView head);
    void clearFrame();
    void releaseLine();

    Listener *m_listener;
    qint64 m_maxFrameBytes;
    QByteArray m_line;     // a line cut by the end of a chunk
    QByteArray m_event;
    QByteArray m_data;
    qint64 m_frameBytes = 0;
    bool m_hasData = false;
    bool m_afterCr = false;     // the last chunk ended in CR: a leading LF belongs to it
    bool m_discarding = false;  // inside an oversized frame, skipping to its blank line
    bool m_discardingLine = false; // ...and a line of it goes on in the next chunk
    bool m_atStart = true;      // a UTF-8 BOM may open the stream
    qsizetype m_bomMatched = 0; // ...and this many of its bytes came so far
    quint64 m_completed = 0;
    quint64 m_dropped = 0;
};
