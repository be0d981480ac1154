// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

// A tiny HTTP/1.1 server on 127.0.0.1 for integration tests. It is built on QTcpServer
// rather than Qt HttpServer because the tests need the faults a real network has: answers
// that stall, streams cut in the middle of a frame, garbage, resets. Every connection
// carries one request and is closed after the answer, as Marathon's event stream is.
class FakeHttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;              // decoded path, no query
        QUrlQuery query;
        QByteArray target;         // the request target as sent
        QHash<QByteArray, QByteArray> headers;  // names in lower case
        QByteArray body;

        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    // One connection being answered. A handler may answer at once, later, in pieces
    // (streams) or never (a stall); it may keep the pointer, which turns null when the
    // client goes away.
    class Exchange final : public QObject
    {
    public:
        explicit Exchange(QTcpSocket *socket);

        // A complete answer with Content-Length and "Connection: close".
        void respond(int status, const QByteArray &body,
                     const QList<std::pair<QByteArray, QByteArray>> &headers = {
                         {"Content-Type", "application/json"}});
        // Status line and headers without a length: the body runs until close(), which is
        // how Jetty serves text/event-stream to Marathon's clients.
        void beginStream(int status = 200,
                         const QList<std::pair<QByteArray, QByteArray>> &headers = {
                             {"Content-Type", "text/event-stream;charset=utf-8"}});
        void write(const QByteArray &bytes);
        void close();   // orderly end of the body
        void abort();   // connection reset
        bool isOpen() const;

    private:
        QPointer<QTcpSocket> m_socket;
    };

    using Handler = std::function<void(const Request &, Exchange *)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    // Listens on 127.0.0.1 with a free port.
    bool listen();
    QUrl url() const;
    quint16 port() const;

    // Called for every request; without a handler every request gets 404.
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<Request> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QString &path) const;
    void clearRequests() { m_requests.clear(); }

    static QByteArray reasonPhrase(int status);
    // Status line and the given headers, without the blank line that ends the head.
    static QByteArray responseHead(int status,
                                   const QList<std::pair<QByteArray, QByteArray>> &headers);

signals:
    void requestReceived(const FakeHttpServer::Request &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
