// SPDX-License-Identifier: GPL-3.0-or-later
// The SSE parser: no crash, and chunking invariance. The same stream fed whole, in chunks
// cut at points derived from the input, and byte by byte must give the same frames,
// comments, heartbeats, errors and counts, and the parser must never hold more than its
// frame limit (plus the error's head) plus the chunk it was just given.
#include "fuzzsupport.h"

#include "net/sseparser.h"

#include <QList>

namespace {
class Recorder final : public SseParser::Listener
{
public:
    void sseFrame(QByteArrayView event, QByteArrayView data) override
    {
        log.append("frame " + event.toByteArray() + " [" + data.toByteArray() + ']');
    }
    void sseHeartbeat() override { log.append("heartbeat"); }
    void sseComment(QByteArrayView text) override { log.append("comment [" + text.toByteArray() + ']'); }
    void sseError(SseParser::Error, qint64 droppedBytes, QByteArrayView head) override
    {
        log.append("error " + QByteArray::number(droppedBytes) + " [" + head.toByteArray() + ']');
    }

    QList<QByteArray> log;
};

struct Result
{
    QList<QByteArray> log;
    quint64 completed = 0;
    quint64 dropped = 0;
};

template<typename Cut>
Result parse(QByteArrayView stream, qint64 limit, Cut nextChunk)
{
    Recorder recorder;
    SseParser parser(&recorder, limit);
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype chunk = std::min<qsizetype>(nextChunk(), stream.size() - at);
        parser.feed(stream.sliced(at, chunk));
        at += chunk;
        // A line over the limit is held until its first ErrorHeadBytes are known.
        Fuzz::check(parser.stats().bufferedBytes <= parser.maxFrameBytes() + SseParser::ErrorHeadBytes + chunk,
                    "the parser holds more than its limit plus one chunk");
    }
    return {recorder.log, parser.stats().completedFrames, parser.stats().droppedFrames};
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::Input input(data, size);
    // Small limits, so that inputs of a few KB reach the oversized-frame paths.
    const qint64 limit = 64 + qint64(input.takeByte()) * 8;
    quint32 seed = 0;
    for (int i = 0; i < 4; ++i)
        seed = (seed << 8) | input.takeByte();
    const QByteArrayView stream = input.rest();

    const Result whole = parse(stream, limit, [&] { return stream.size() + 1; });
    Fuzz::Random random(seed);
    const Result cut = parse(stream, limit, [&] { return qsizetype(1 + random.next() % 97); });
    const Result bytes = parse(stream, limit, [] { return qsizetype(1); });

    Fuzz::check(cut.log == whole.log, "chunked input gave other frames than the whole input");
    Fuzz::check(bytes.log == whole.log, "byte-by-byte input gave other frames than the whole input");
    Fuzz::check(cut.completed == whole.completed && bytes.completed == whole.completed,
                "the count of completed frames depends on chunking");
    Fuzz::check(cut.dropped == whole.dropped && bytes.dropped == whole.dropped,
                "the count of dropped frames depends on chunking");
    return 0;
}
