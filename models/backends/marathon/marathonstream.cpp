// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonstream.h"

#include "domain/isotime.h"
#include "itemmodels/taskformat.h"
#include "marathonhttp.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QUrlQuery>

#include <algorithm>

namespace {
QString span(int milliseconds)
{
    return milliseconds < 1000 ? QCoreApplication::translate("MarathonStream", "%1 ms").arg(milliseconds)
                               : Duration::text(milliseconds);
}
} // namespace

MarathonStream::MarathonStream(MarathonHttp *http, SseParser::Listener *listener, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_parser(listener, http->config().maxFrameBytes)
{
    const int staleAfter = std::max(1, http->config().staleAfterMs);
    m_idleCheck.setInterval(std::clamp(staleAfter / 4, 5, 1000));
    connect(&m_idleCheck, &QTimer::timeout, this, &MarathonStream::checkIdle);
}

MarathonStream::~MarathonStream()
{
    close();
}

void MarathonStream::open()
{
    close();
    m_hops = 0;
    QUrlQuery query;
    // Keeps full root-group dumps out of deployment events on 1.5–1.7; later versions
    // ignore it (reference §1).
    query.addQueryItem(QStringLiteral("plan-format"), QStringLiteral("light"));
    openUrl(m_http->url(QStringLiteral("/v2/events"), query));
}

void MarathonStream::close()
{
    dropReply();
    m_idleCheck.stop();
}

void MarathonStream::openUrl(const QUrl &url)
{
    m_parser.reset();
    m_streaming = false;
    QNetworkReply *reply = m_http->openStream(url);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &MarathonStream::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &MarathonStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &MarathonStream::onFinished);
    // The watchdog runs from the start: a server that accepts and never answers is as dead
    // as one that stops talking.
    m_sinceData.start();
    m_idleCheck.start();
}

void MarathonStream::onMetaData()
{
    if (m_streaming || !m_reply)
        return;
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return;   // the error body is read when the reply finishes
    m_streaming = true;
    m_sinceData.restart();
    m_lastDataAt = IsoTime::now();
    emit opened(m_reply->url());
}

void MarathonStream::onReadyRead()
{
    if (!m_streaming || !m_reply)
        return;
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    m_sinceData.restart();
    m_lastDataAt = IsoTime::now();
    m_bytes += bytes.size();
    m_parser.feed(bytes);
    emit chunkParsed();
}

void MarathonStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (m_streaming) {
        onReadyRead();
        if (m_reply != reply)
            return;
        HttpOutcome outcome;
        outcome.status = 200;
        const bool eof = reply->error() == QNetworkReply::NoError
            || reply->error() == QNetworkReply::RemoteHostClosedError;
        outcome.networkError = !eof;
        outcome.message = eof ? QCoreApplication::translate("MarathonStream", "the server closed the event stream")
                              : reply->errorString();
        finish(eof ? End::Closed : End::NetworkError, outcome);
        return;
    }
    QString refusal;
    const QUrl target = m_http->redirectTarget(reply, &refusal);
    if (target.isValid() && m_hops < m_http->config().maxRedirects) {
        ++m_hops;
        dropReply();
        emit redirected(target);
        openUrl(target);
        return;
    }
    if (!refusal.isEmpty())
        emit problem(refusal);
    const HttpOutcome outcome = HttpReply::outcome(reply, reply->readAll());
    finish(outcome.networkError ? End::NetworkError : End::HttpError, outcome);
}

void MarathonStream::checkIdle()
{
    const int staleAfter = m_http->config().staleAfterMs;
    if (!m_reply || m_sinceData.elapsed() <= staleAfter)
        return;
    HttpOutcome outcome;
    outcome.networkError = true;
    outcome.message = m_streaming
        ? QCoreApplication::translate("MarathonStream", "no data on the event stream for %1").arg(span(staleAfter))
        : QCoreApplication::translate("MarathonStream", "no answer to GET /v2/events for %1").arg(span(staleAfter));
    finish(End::Stalled, outcome);
}

void MarathonStream::finish(End end, const HttpOutcome &outcome)
{
    const Ending ending{end, outcome, m_lastDataAt};
    close();
    emit ended(ending);
}

void MarathonStream::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_streaming = false;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}
