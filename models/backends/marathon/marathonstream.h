// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"
#include "net/httpreply.h"
#include "net/sseparser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class MarathonHttp;
#include <QNetworkReply>

// The long-lived GET /v2/events: opens it (following a standby's 302 to the leader), feeds
// what arrives to an SSE parser, and watches for silence. Marathon's stream has no length
// and no chunking; it ends when the connection closes, and a connection that silently died
// looks exactly like a quiet cluster, except that Jetty's 10 s heartbeat stops. So any byte
// counts as life, and staleAfterMs without one ends the stream.
class MarathonStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarathonStream)

public:
    enum class End : quint8 {
        Closed,        // the server closed the stream (EOF)
        NetworkError,  // refused, reset, TLS…
        HttpError,     // an answer other than 200 (outcome says which)
        Stalled,       // no byte for staleAfterMs
    };
    struct Ending
    {
        End end = End::Closed;
        HttpOutcome outcome;
        Timestamp lastDataAt = 0;
    };

    MarathonStream(MarathonHttp *http, SseParser::Listener *listener, QObject *parent = nullptr);
    ~MarathonStream() override;

    void open();
    void close();   // quietly: no ended()
    Timestamp lastDataAt() const { return m_lastDataAt; }
    qint64 bytesReceived() const { return m_bytes; }   // over all connections

signals:
    void opened(const QUrl &url);   // 200: frames follow
    void chunkParsed();             // after the frames of one network read
    void ended(const MarathonStream::Ending &ending);
    void redirected(const QUrl &to);
    void problem(const QString &text);   // a redirect taskmon refused to follow

private:
    void openUrl(const QUrl &url);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void checkIdle();
    void finish(End end, const HttpOutcome &outcome);
    void dropReply();

    MarathonHttp *m_http;
    SseParser m_parser;
    QPointer<QNetworkReply> m_reply;
    QTimer m_idleCheck;
    QElapsedTimer m_sinceData;
    Timestamp m_lastDataAt = 0;
    qint64 m_bytes = 0;
    int m_hops = 0;
    bool m_streaming = false;   // got the 200
};
