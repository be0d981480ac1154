// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"

#include <QTcpSocket>

FakeHttpServer::Exchange::Exchange(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{
}

bool FakeHttpServer::Exchange::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void FakeHttpServer::Exchange::respond(int status, const QByteArray &body,
                                       const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    if (!isOpen())
        return;
    QByteArray head = responseHead(status, headers);
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    m_socket->write(head + body);
    m_socket->disconnectFromHost();
}

void FakeHttpServer::Exchange::beginStream(int status,
                                           const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    if (!isOpen())
        return;
    QByteArray head = responseHead(status, headers);
    head += "Connection: close\r\n\r\n";
    m_socket->write(head);
    m_socket->flush();
}

void FakeHttpServer::Exchange::write(const QByteArray &bytes)
{
    if (!isOpen())
        return;
    m_socket->write(bytes);
    m_socket->flush();
}

void FakeHttpServer::Exchange::close()
{
    if (isOpen())
        m_socket->disconnectFromHost();
}

void FakeHttpServer::Exchange::abort()
{
    if (m_socket)
        m_socket->abort();
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    m_server.close();
    for (QTcpSocket *socket : m_buffers.keys())
        socket->abort();
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FakeHttpServer::port() const
{
    return m_server.serverPort();
}

QUrl FakeHttpServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

int FakeHttpServer::count(const QByteArray &method, const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const Request &r) {
        return r.method == method && r.path == path;
    }));
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    if (!m_buffers.contains(socket))
        return;
    QByteArray &buffer = m_buffers[socket];
    if (buffer.startsWith('\x01')) {
        socket->readAll();  // one request per connection: ignore whatever follows
        return;
    }
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;

    Request request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return;  // the body is still on its way
    request.body = buffer.mid(headEnd + 4, length);
    buffer.clear();
    buffer = QByteArray("\x01");

    const QUrl url = QUrl::fromEncoded(request.target);
    request.path = url.path();
    request.query = QUrlQuery(url);
    m_requests.append(request);
    emit requestReceived(request);

    auto *exchange = new Exchange(socket);
    if (m_handler)
        m_handler(request, exchange);
    else
        exchange->respond(404, R"({"message":"no handler"})");
}

QByteArray FakeHttpServer::responseHead(int status,
                                        const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    return head;
}

QByteArray FakeHttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}
