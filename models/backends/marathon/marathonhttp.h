// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "marathonconfig.h"
#include "net/httpreply.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

// The requests every Marathon call shares: the base URL (which may carry a path, as DC/OS's
// /service/marathon does), credentials on every request, TLS verification, and redirects
// followed by hand. A standby answers /v2/events with a 302 to the leader, and the
// Authorization header has to go along (reference §4); Qt's own redirect handling is not
// documented to keep it, so taskmon re-applies it itself, never over a downgrade to http.
class MarathonHttp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarathonHttp)

public:
    using Callback = std::function<void(const HttpOutcome &outcome, const QByteArray &body)>;

    explicit MarathonHttp(const MarathonConfig &config, QObject *parent = nullptr);

    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    QNetworkRequest request(const QUrl &url, const QByteArray &accept = QByteArrayLiteral("application/json")) const;

    // GET with redirects followed; done runs once, with the final answer.
    void get(const QUrl &url, Callback done);
    void post(const QUrl &url, const QByteArray &body, Callback done);
    // A raw GET for the event stream; the caller reads it and follows redirects with
    // redirectTarget().
    QNetworkReply *openStream(const QUrl &url);
    // Where a 3xx answer points, resolved; invalid when it is no redirect or one taskmon
    // refuses to follow (not http(s), or from https down to http). *refusal says why.
    QUrl redirectTarget(QNetworkReply *reply, QString *refusal) const;

    const MarathonConfig &config() const { return m_config; }

signals:
    void problem(const QString &text);   // TLS errors waved through, refused redirects

private:
    void watchTls(QNetworkReply *reply);
    void send(const QNetworkRequest &request, const QByteArray *body, int hops, Callback done);

    MarathonConfig m_config;
    QNetworkAccessManager m_manager;
};
