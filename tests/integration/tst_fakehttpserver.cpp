// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// The fake server is test equipment; these checks keep it honest so that the backend tests
// built on it fail for the backend's faults, not the server's.
class TestFakeHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void answersAndRecordsRequests()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([](const FakeHttpServer::Request &request, FakeHttpServer::Exchange *exchange) {
            exchange->respond(201, "{\"echo\":\"" + request.body + "\"}",
                              {{"Content-Type", "application/json"}, {"X-Test", "yes"}});
        });
        QNetworkAccessManager manager;
        QNetworkRequest request(server.url().resolved(QUrl(QStringLiteral("/v2/tasks?status=running&x=1"))));
        request.setRawHeader("Authorization", "Basic abc");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = manager.post(request, QByteArrayLiteral("hello"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        QCOMPARE(reply->rawHeader("X-Test"), QByteArray("yes"));
        QCOMPARE(reply->readAll(), QByteArray("{\"echo\":\"hello\"}"));
        QCOMPARE(server.requests().size(), 1);
        const FakeHttpServer::Request &seen = server.requests().first();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.path, QStringLiteral("/v2/tasks"));
        QCOMPARE(seen.query.queryItemValue(QStringLiteral("status")), QStringLiteral("running"));
        QCOMPARE(seen.header("authorization"), QByteArray("Basic abc"));
        QCOMPARE(server.count("POST", QStringLiteral("/v2/tasks")), 1);
        reply->deleteLater();
    }

    void streamsUntilClosedAndCanBeCut()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QPointer<FakeHttpServer::Exchange> stream;
        server.setHandler([&](const FakeHttpServer::Request &, FakeHttpServer::Exchange *exchange) {
            exchange->beginStream();
            stream = exchange;
        });
        QNetworkAccessManager manager;
        QNetworkReply *reply = manager.get(QNetworkRequest(server.url().resolved(QUrl(QStringLiteral("/v2/events")))));
        QByteArray received;
        connect(reply, &QNetworkReply::readyRead, this, [&] { received += reply->readAll(); });
        QTRY_VERIFY(stream);
        stream->write("event: a\r\n");
        QTRY_COMPARE(received, QByteArray("event: a\r\n"));
        stream->write("data: {}\r\n\r\n");
        QTRY_COMPARE(received, QByteArray("event: a\r\ndata: {}\r\n\r\n"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        stream->abort();
        QVERIFY(finished.wait(5000));
        QVERIFY(!stream || !stream->isOpen());
        reply->deleteLater();
    }

    void withoutAHandlerEverythingIsNotFound()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager manager;
        QNetworkReply *reply = manager.get(QNetworkRequest(server.url()));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestFakeHttpServer)
#include "tst_fakehttpserver.moc"
