// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenclient.h"

#include <QNetworkReply>
#include <QSslError>
#include <QUrlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcEvergreenHttp, "taskmon.evergreen.http", QtWarningMsg)

EvergreenClient::EvergreenClient(const EvergreenConfig &config, QObject *parent)
    : QObject(parent)
    , m_base(config.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                 | QUrl::StripTrailingSlash))
    , m_credentials(config.credentials)
    , m_maxParallel(std::max(1, config.maxParallelRequests))
    , m_timeoutMs(std::max(1, config.requestTimeoutMs))
    , m_ignoreSslErrors(config.ignoreSslErrors)
{
    m_gate.setSingleShot(true);
    // A coarse timer may fire early, and Retry-After is a promise not to ask before then.
    m_gate.setTimerType(Qt::PreciseTimer);
    connect(&m_gate, &QTimer::timeout, this, &EvergreenClient::pump);
    m_clock.start();
}

EvergreenClient::~EvergreenClient()
{
    cancelAll();
}

QUrl EvergreenClient::endpoint(const QStringList &segments,
                               const QList<std::pair<QString, QString>> &query) const
{
    QString path = m_base.path(QUrl::FullyEncoded) + QStringLiteral("/rest/v2");
    for (const QString &segment : segments)
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    QUrl url = m_base;
    url.setPath(path);
    if (!query.isEmpty()) {
        QUrlQuery items;
        for (const auto &[name, value] : query)
            items.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(items);
    }
    return url;
}

QUrl EvergreenClient::onOrigin(const QUrl &url) const
{
    QUrl result = url;
    result.setScheme(m_base.scheme());
    result.setHost(m_base.host());
    result.setPort(m_base.port());
    result.setUserInfo({});
    return result;
}

void EvergreenClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                           Callback callback, bool urgent)
{
    Pending pending{method, url, body, std::move(callback), 0};
    if (urgent)
        m_queue.push_front(std::move(pending));
    else
        m_queue.push_back(std::move(pending));
    pump();
}

void EvergreenClient::cancelAll()
{
    m_queue.clear();
    m_gate.stop();
    const QSet<QNetworkReply *> replies = std::exchange(m_replies, {});
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    m_inFlight = 0;
}

void EvergreenClient::holdUntil(qint64 monotonicMs)
{
    m_gateUntil = std::max(m_gateUntil, monotonicMs);
}

void EvergreenClient::pump()
{
    const qint64 now = m_clock.elapsed();
    if (m_gateUntil > now) {
        if (!m_queue.empty())
            m_gate.start(int(m_gateUntil - now));
        return;
    }
    while (m_inFlight < m_maxParallel && !m_queue.empty()) {
        Pending pending = std::move(m_queue.front());
        m_queue.pop_front();
        dispatch(std::move(pending));
    }
}

void EvergreenClient::dispatch(Pending pending)
{
    QNetworkRequest request(pending.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("taskmon"));
    if (!pending.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    m_credentials.apply(&request);

    if (lcEvergreenHttp().isDebugEnabled()) {
        QByteArrayList headers;
        for (const auto &[name, value] : HttpLog::redactedHeaders(request))
            headers.append(name + ": " + value);
        qCDebug(lcEvergreenHttp).noquote() << pending.method << pending.url.toDisplayString()
                                           << headers.join(", ");
    }

    QNetworkReply *reply = pending.method == "GET"
        ? m_manager.get(request)
        : m_manager.sendCustomRequest(request, pending.method, pending.body);
    ++m_inFlight;
    m_replies.insert(reply);
    if (m_ignoreSslErrors) {
        connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
            if (!m_warnedSsl) {
                m_warnedSsl = true;
                emit warning(tr("TLS certificate errors ignored as configured: %1")
                                 .arg(errors.value(0).errorString()));
            }
            reply->ignoreSslErrors();
        });
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, pending = std::move(pending)]() mutable { onFinished(reply, pending); });
}

void EvergreenClient::onFinished(QNetworkReply *reply, Pending &pending)
{
    m_replies.remove(reply);
    --m_inFlight;
    reply->deleteLater();

    Reply result;
    result.body = reply->readAll();
    result.outcome = HttpReply::outcome(reply, result.body);
    result.link = reply->rawHeader("Link");
    if (result.link.isEmpty())
        result.link = reply->rawHeader("Links");   // the name older Evergreen documentation uses
    if (result.outcome.networkError && reply->error() == QNetworkReply::OperationCanceledError)
        result.outcome.message = tr("no answer within %1 s").arg(m_timeoutMs / 1000.0);
    qCDebug(lcEvergreenHttp).noquote() << pending.method << pending.url.toDisplayString() << "→"
                                       << result.outcome.describe();

    if (result.outcome.status == 429 && pending.rateLimitRetries < MaxRateLimitRetries) {
        const qint64 wait = std::clamp<qint64>(
            result.outcome.retryAfterMs >= 0 ? result.outcome.retryAfterMs : DefaultRateLimitWaitMs,
            0, MaxRateLimitWaitMs);
        holdUntil(m_clock.elapsed() + wait);
        ++pending.rateLimitRetries;
        m_queue.push_front(std::move(pending));
        emit rateLimited(wait, result.outcome.message);
        pump();
        return;
    }
    const Callback callback = std::move(pending.callback);
    callback(result);
    pump();
}
