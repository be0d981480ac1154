// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonhttp.h"

#include <QNetworkReply>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <optional>

namespace {
bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}
} // namespace

MarathonHttp::MarathonHttp(const MarathonConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QUrl MarathonHttp::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = m_config.url;
    QString base = result.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    result.setPath(base + path);
    result.setQuery(query);
    result.setFragment({});
    return result;
}

QNetworkRequest MarathonHttp::request(const QUrl &url, const QByteArray &accept) const
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", accept);
    m_config.credentials.apply(&request);
    return request;
}

void MarathonHttp::get(const QUrl &url, Callback done)
{
    QNetworkRequest request = this->request(url);
    request.setTransferTimeout(m_config.requestTimeoutMs);
    send(request, nullptr, 0, std::move(done));
}

void MarathonHttp::post(const QUrl &url, const QByteArray &body, Callback done)
{
    QNetworkRequest request = this->request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_config.requestTimeoutMs);
    send(request, &body, 0, std::move(done));
}

void MarathonHttp::send(const QNetworkRequest &request, const QByteArray *body, int hops, Callback done)
{
    // Only GETs are followed: a standby proxies REST calls itself and redirects only streams.
    QNetworkReply *reply = body ? m_manager.post(request, *body) : m_manager.get(request);
    watchTls(reply);
    const bool followable = !body;
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, hops, followable, done = std::move(done)] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (followable) {
            QString refusal;
            const QUrl target = redirectTarget(reply, &refusal);
            if (target.isValid() && hops < m_config.maxRedirects) {
                QNetworkRequest next = request;
                next.setUrl(target);
                m_config.credentials.apply(&next);
                send(next, nullptr, hops + 1, done);
                return;
            }
            if (!refusal.isEmpty())
                emit problem(refusal);
        }
        done(HttpReply::outcome(reply, data), data);
    });
}

QNetworkReply *MarathonHttp::openStream(const QUrl &url)
{
    // Jetty takes the SSE path only when an Accept value is exactly this string; anything
    // else, */* or a list included, gets 405 (reference §1).
    QNetworkRequest request = this->request(url, QByteArrayLiteral("text/event-stream"));
    request.setRawHeader("Cache-Control", "no-cache");
    QNetworkReply *reply = m_manager.get(request);
    watchTls(reply);
    return reply;
}

QUrl MarathonHttp::redirectTarget(QNetworkReply *reply, QString *refusal) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!isRedirect(status))
        return {};
    QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (!location.isValid())
        location = QUrl::fromEncoded(reply->rawHeader("Location"));
    const QUrl target = reply->url().resolved(location);
    const QString scheme = target.scheme();
    if (!target.isValid() || (scheme != u"http" && scheme != u"https")) {
        *refusal = tr("Refused to follow a redirect to \"%1\".").arg(target.toDisplayString());
        return {};
    }
    if (reply->url().scheme() == u"https" && scheme == u"http"
        && m_config.credentials.scheme != Credentials::Scheme::None) {
        *refusal = tr("Refused to follow a redirect from https to %1: it would send the credentials in clear.")
                       .arg(target.toDisplayString(QUrl::RemoveUserInfo));
        return {};
    }
    return target;
}

void MarathonHttp::watchTls(QNetworkReply *reply)
{
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (!m_config.ignoreSslErrors)
            return;   // the reply fails and says why
        reply->ignoreSslErrors(errors);
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        emit problem(tr("TLS certificate not verified, as configured: %1").arg(texts.join(QStringLiteral("; "))));
    });
#else
    Q_UNUSED(reply);
#endif
}
