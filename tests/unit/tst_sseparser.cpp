// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/sseparser.h"

#include <QTest>

namespace {
// Everything the parser reported, in order, as one readable list.
class Recorder final : public SseParser::Listener
{
public:
    void sseFrame(QByteArrayView event, QByteArrayView data) override
    {
        log.append("frame " + event.toByteArray() + " [" + data.toByteArray() + ']');
        ++frames;
    }
    void sseHeartbeat() override
    {
        log.append("heartbeat");
        ++heartbeats;
    }
    void sseComment(QByteArrayView text) override { log.append("comment [" + text.toByteArray() + ']'); }
    void sseError(SseParser::Error, qint64 droppedBytes, QByteArrayView head) override
    {
        log.append("error " + QByteArray::number(droppedBytes) + " [" + head.first(std::min<qsizetype>(head.size(), 10)).toByteArray() + ']');
        ++errors;
    }

    QList<QByteArray> log;
    int frames = 0;
    int heartbeats = 0;
    int errors = 0;
};

QList<QByteArray> parse(const QByteArray &stream, qint64 maxFrameBytes = SseParser::DefaultMaxFrameBytes)
{
    Recorder recorder;
    SseParser parser(&recorder, maxFrameBytes);
    parser.feed(stream);
    return recorder.log;
}

// A capture in Marathon's wire format: CRLF, a bare-CRLF heartbeat between frames.
const QByteArray capture = QByteArrayLiteral(
    "event: event_stream_attached\r\n"
    "data: {\"remoteAddress\":\"0:0:0:0:0:0:0:1\",\"eventType\":\"event_stream_attached\"}\r\n"
    "\r\n"
    "\r\n"
    "event: status_update_event\r\n"
    "data: {\"taskId\":\"test-app.5dd78972\",\"taskStatus\":\"TASK_RUNNING\",\"message\":\"caf\xC3\xA9\"}\r\n"
    "\r\n"
    ": a comment\r\n"
    "event: status_update_event\r\n"
    "data: {\"taskId\":\"b\",\"taskStatus\":\"TASK_KILLED\"}\r\n"
    "\r\n");
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("crlf") << QByteArrayLiteral("event: a\r\ndata: x\r\n\r\n");
        QTest::newRow("lf") << QByteArrayLiteral("event: a\ndata: x\n\n");
        QTest::newRow("cr") << QByteArrayLiteral("event: a\rdata: x\r\r");
        QTest::newRow("mixed") << QByteArrayLiteral("event: a\rdata: x\r\n\n");
        QTest::newRow("no space after colon") << QByteArrayLiteral("event:a\ndata:x\n\n");
        QTest::newRow("bom") << QByteArrayLiteral("\xEF\xBB\xBF" "event: a\ndata: x\n\n");
        QTest::newRow("id and retry ignored") << QByteArrayLiteral("id: 7\nevent: a\nretry: 10\ndata: x\n\n");
    }
    void lineEndings()
    {
        QFETCH(QByteArray, stream);
        QCOMPARE(parse(stream), QList<QByteArray>{"frame a [x]"});
    }

    void fieldRules_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("expected");
        QTest::newRow("multi-line data joined with LF")
            << QByteArrayLiteral("data: one\r\ndata: two\r\ndata:\r\n\r\n")
            << QList<QByteArray>{"frame message [one\ntwo\n]"};
        QTest::newRow("only one leading space is removed")
            << QByteArrayLiteral("data:  x \n\n") << QList<QByteArray>{"frame message [ x ]"};
        QTest::newRow("field without colon is a field with an empty value")
            << QByteArrayLiteral("data\n\n") << QList<QByteArray>{"frame message []"};
        QTest::newRow("unknown fields are ignored")
            << QByteArrayLiteral("foo: bar\ndata: x\n\n") << QList<QByteArray>{"frame message [x]"};
        QTest::newRow("event without data dispatches nothing")
            << QByteArrayLiteral("event: lonely\n\ndata: y\n\n") << QList<QByteArray>{"frame message [y]"};
        QTest::newRow("the last event field wins")
            << QByteArrayLiteral("event: a\nevent: b\ndata: x\n\n") << QList<QByteArray>{"frame b [x]"};
        QTest::newRow("comments")
            << QByteArrayLiteral(":keep-alive\n: second\n\n")
            << QList<QByteArray>{"comment [keep-alive]", "comment [ second]", "heartbeat"};
        QTest::newRow("bare crlf heartbeats")
            << QByteArrayLiteral("\r\n\r\ndata: x\r\n\r\n\r\n")
            << QList<QByteArray>{"heartbeat", "heartbeat", "frame message [x]", "heartbeat"};
        QTest::newRow("an unfinished frame is held back")
            << QByteArrayLiteral("data: x\n\ndata: y\n") << QList<QByteArray>{"frame message [x]"};
        QTest::newRow("colon inside the value")
            << QByteArrayLiteral("data: {\"a\":\"b:c\"}\n\n") << QList<QByteArray>{"frame message [{\"a\":\"b:c\"}]"};
    }
    void fieldRules()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, expected);
        QCOMPARE(parse(stream), expected);
    }

    void everySplitOfACaptureGivesTheSameFrames()
    {
        const QList<QByteArray> whole = parse(capture);
        QCOMPARE(whole.size(), 5);
        QCOMPARE(whole[1], QByteArray("heartbeat"));
        QCOMPARE(whole[3], QByteArray("comment [ a comment]"));
        // Two cuts at every pair of positions: CRLF split between chunks included.
        for (qsizetype first = 0; first <= capture.size(); ++first) {
            for (qsizetype second = first; second <= capture.size(); second += 7) {
                Recorder recorder;
                SseParser parser(&recorder);
                parser.feed(QByteArrayView(capture).first(first));
                parser.feed(QByteArrayView(capture).sliced(first, second - first));
                parser.feed(QByteArrayView(capture).sliced(second));
                if (recorder.log != whole)
                    QFAIL(qPrintable(QStringLiteral("cut at %1 and %2").arg(first).arg(second)));
            }
        }
    }

    void byteByByteGivesTheSameFrames()
    {
        Recorder recorder;
        SseParser parser(&recorder);
        for (char c : capture)
            parser.feed(QByteArrayView(&c, 1));
        QCOMPARE(recorder.log, parse(capture));
        QCOMPARE(recorder.frames, 3);
        QCOMPARE(recorder.heartbeats, 1);
        QCOMPARE(parser.pendingBytes(), 0);
    }

    void crAtTheEndOfAChunkSwallowsTheLfOfTheNext()
    {
        Recorder recorder;
        SseParser parser(&recorder);
        parser.feed("data: x\r");
        parser.feed("\n\r");
        QCOMPARE(recorder.log, QList<QByteArray>{"frame message [x]"});
        parser.feed("\n");
        // That LF ended the CR's line; it is not a second blank line.
        QCOMPARE(recorder.heartbeats, 0);
    }

    void oversizedFrameIsDroppedAndTheNextOneDelivered_data()
    {
        QTest::addColumn<QByteArray>("big");
        QTest::newRow("one long line") << QByteArray("data: " + QByteArray(300, 'a') + "\r\n\r\n");
        QTest::newRow("many lines") << QByteArray(QByteArray("data: aaaaaaaaaa\r\n").repeated(30) + "\r\n");
        QTest::newRow("long event name") << QByteArray("event: " + QByteArray(300, 'e') + "\r\ndata: x\r\n\r\n");
    }
    void oversizedFrameIsDroppedAndTheNextOneDelivered()
    {
        QFETCH(QByteArray, big);
        const QByteArray stream = "data: first\r\n\r\n" + big + "event: next\r\ndata: second\r\n\r\n";
        // Whole, and in chunks of every size, so the limit trips in the middle of a line too.
        for (qsizetype chunk : {stream.size(), qsizetype(1), qsizetype(7), qsizetype(64)}) {
            Recorder recorder;
            SseParser parser(&recorder, 200);
            for (qsizetype at = 0; at < stream.size(); at += chunk)
                parser.feed(QByteArrayView(stream).sliced(at, std::min(chunk, stream.size() - at)));
            QCOMPARE(recorder.errors, 1);
            QCOMPARE(recorder.frames, 2);
            QCOMPARE(recorder.log.first(), QByteArray("frame message [first]"));
            QCOMPARE(recorder.log.last(), QByteArray("frame next [second]"));
            QVERIFY(recorder.log[1].startsWith("error "));
            QVERIFY(parser.pendingBytes() < 200);
        }
    }

    void aFrameJustUnderTheLimitIsKept()
    {
        const QByteArray data(180, 'x');
        Recorder recorder;
        SseParser parser(&recorder, 200);
        parser.feed(QByteArray("data: " + data + "\n\n"));
        QCOMPARE(recorder.errors, 0);
        QCOMPARE(recorder.log, QList<QByteArray>{"frame message [" + data + ']'});
    }

    void badUtf8PassesThroughUntouched()
    {
        const QByteArray bad = "\xFF\xFE\xC3(\xED\xA0\x80";
        QCOMPARE(parse("event: \xC0\xAF\ndata: " + bad + "\n\n"),
                 QList<QByteArray>{"frame \xC0\xAF [" + bad + ']'});
    }

    void binaryNoiseNeverCrashes()
    {
        QByteArray noise;
        quint32 state = 12345;
        for (int i = 0; i < 100000; ++i) {
            state = state * 1103515245u + 12345u;
            noise.append(char(state >> 24));
        }
        Recorder recorder;
        SseParser parser(&recorder, 1024);
        parser.feed(noise);
        parser.feed("\n\ndata: alive\n\n");
        QCOMPARE(recorder.log.last(), QByteArray("frame message [alive]"));
    }

    // Finding 10: the BOM counted against the frame limit when the first line was cut by a
    // chunk boundary, and not when it came whole; a frame just under the limit was dropped
    // or kept depending on the chunking.
    void aBomAtTheFrameLimitGivesTheSameFramesForEverySplit()
    {
        constexpr qint64 limit = 300;
        const QByteArray line = "data: " + QByteArray(limit - 7, 'x');   // with its LF: the limit
        const QByteArray stream = "\xEF\xBB\xBF" + line + "\n\ndata: next\n\n";
        const QList<QByteArray> whole = parse(stream, limit);
        QCOMPARE(whole, (QList<QByteArray>{"frame message [" + QByteArray(limit - 7, 'x') + ']',
                                           "frame message [next]"}));
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            Recorder recorder;
            SseParser parser(&recorder, limit);
            parser.feed(QByteArrayView(stream).first(cut));
            parser.feed(QByteArrayView(stream).sliced(cut));
            if (recorder.log != whole)
                QFAIL(qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(QString::fromUtf8(recorder.log.join(" | ").left(200)))));
        }
    }

    void aBomCutIntoBytesIsStillABom()
    {
        Recorder recorder;
        SseParser parser(&recorder);
        parser.feed("\xEF");
        parser.feed("\xBB");
        parser.feed("\xBF" "data: x\n\n");
        QCOMPARE(recorder.log, QList<QByteArray>{"frame message [x]"});
        // Half a BOM and then something else: the held bytes are data.
        Recorder other;
        SseParser second(&other);
        second.feed("\xEF\xBB");
        second.feed("x\n\ndata: y\n\n");
        QCOMPARE(other.log, (QList<QByteArray>{"heartbeat", "frame message [y]"}));
    }

    // Liveness goes by whole frames: heartbeats, comments and frames count, a drip of bytes
    // that never ends a line does not.
    void completedFramesCountHeartbeatsCommentsAndFramesOnly()
    {
        Recorder recorder;
        SseParser parser(&recorder, 200);
        QCOMPARE(parser.stats().completedFrames, quint64(0));
        parser.feed("\r\n");
        QCOMPARE(parser.stats().completedFrames, quint64(1));
        parser.feed(": keep-alive\r\n");
        QCOMPARE(parser.stats().completedFrames, quint64(2));
        parser.feed("data: x\r\n\r\n");
        QCOMPARE(parser.stats().completedFrames, quint64(3));
        for (int i = 0; i < 50; ++i)
            parser.feed("d");   // one byte per second, forever
        QCOMPARE(parser.stats().completedFrames, quint64(3));
        parser.feed(QByteArray("\n\ndata: " + QByteArray(300, 'a') + "\n\n"));
        // The drip's frame, and the oversized one once its blank line came.
        QCOMPARE(parser.stats().completedFrames, quint64(5));
        QCOMPARE(parser.stats().droppedFrames, quint64(1));
    }

    // Finding 8: a 200 MB frame is skipped as it streams; the parser never holds more than
    // its limit and one chunk, and gives its buffers back afterwards.
    void aHugeFrameIsDiscardedWhileStreaming_data()
    {
        QTest::addColumn<QByteArray>("lineStart");
        QTest::addColumn<QByteArray>("lineEnd");
        QTest::newRow("one line") << QByteArray("data: ") << QByteArray();
        QTest::newRow("many lines") << QByteArray("data: ") << QByteArray("\n");
    }
    void aHugeFrameIsDiscardedWhileStreaming()
    {
        QFETCH(QByteArray, lineStart);
        QFETCH(QByteArray, lineEnd);
        constexpr qsizetype chunkSize = 64 * 1024;
        constexpr qsizetype total = 200 * 1024 * 1024;
        // Each chunk is a whole line when lineEnd is set, else a piece of one long line.
        QByteArray chunk = lineStart + QByteArray(chunkSize - lineStart.size() - lineEnd.size(), 'a') + lineEnd;
        if (lineEnd.isEmpty())
            chunk.fill('a');
        Recorder recorder;
        SseParser parser(&recorder);
        parser.feed("data: before\n\n");
        parser.feed(lineStart);
        qint64 mostHeld = 0;
        for (qsizetype fed = 0; fed < total; fed += chunkSize) {
            parser.feed(chunk);
            mostHeld = std::max(mostHeld, parser.stats().bufferedBytes);
        }
        QVERIFY2(mostHeld < parser.maxFrameBytes() + chunkSize, qPrintable(QString::number(mostHeld)));
        QVERIFY(parser.stats().reservedBytes < parser.maxFrameBytes() + 2 * chunkSize);
        parser.feed("\n\ndata: after\n\n");
        QCOMPARE(recorder.errors, 1);
        QCOMPARE(recorder.log.first(), QByteArray("frame message [before]"));
        QCOMPARE(recorder.log.last(), QByteArray("frame message [after]"));
        QCOMPARE(parser.stats().bufferedBytes, 0);
        // The buffers that grew up to the limit were given back.
        QVERIFY2(parser.stats().reservedBytes <= 3 * 256 * 1024, qPrintable(QString::number(parser.stats().reservedBytes)));
    }

    void resetForgetsAHalfReadFrame()
    {
        Recorder recorder;
        SseParser parser(&recorder);
        parser.feed("event: a\ndata: half");
        QVERIFY(parser.pendingBytes() > 0);
        parser.reset();
        parser.feed("\n\ndata: whole\n\n");
        QCOMPARE(recorder.log, (QList<QByteArray>{"heartbeat", "heartbeat", "frame message [whole]"}));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
