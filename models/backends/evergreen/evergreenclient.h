// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evergreenconfig.h"
#include "net/httpreply.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>

class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcEvergreenHttp)

// The HTTP side of one Evergreen connection: the REST base, the credentials on every
// request, at most maxParallelRequests in flight, and one gate for all of them. When the
// server answers 429, nothing more is sent until Retry-After has passed, and the refused
// request goes out again first (a few times, then its caller sees the 429). Redirects are
// followed only within the origin, so the credentials never reach another host.
class EvergreenClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvergreenClient)

public:
    struct Reply
    {
        HttpOutcome outcome;
        QByteArray body;
        QByteArray link;    // the Link header, for pagination
    };
    using Callback = std::function<void(const Reply &)>;

    explicit EvergreenClient(const EvergreenConfig &config, QObject *parent = nullptr);
    ~EvergreenClient() override;

    // url + "/rest/v2/" + the segments, each percent-encoded.
    QUrl endpoint(const QStringList &segments, const QList<std::pair<QString, QString>> &query = {}) const;
    // A URL the server handed out (a Link) moved onto the configured scheme, host and port:
    // a proxy may rewrite them, and credentials go to the configured server only.
    QUrl onOrigin(const QUrl &url) const;

    // Urgent requests (actions) go before queued ones (pages of a poll).
    void send(const QByteArray &method, const QUrl &url, const QByteArray &body, Callback callback,
              bool urgent = false);
    void get(const QUrl &url, Callback callback, bool urgent = false)
    {
        send(QByteArrayLiteral("GET"), url, {}, std::move(callback), urgent);
    }
    // Drops queued requests and aborts those in flight; their callbacks are not called.
    void cancelAll();

    static constexpr int MaxRateLimitRetries = 3;
    static constexpr qint64 DefaultRateLimitWaitMs = 5000;   // a 429 without Retry-After
    static constexpr qint64 MaxRateLimitWaitMs = 3600000;

signals:
    // A 429: nothing is sent for waitMs.
    void rateLimited(qint64 waitMs, const QString &serverMessage);
    void warning(const QString &text);

private:
    struct Pending
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        Callback callback;
        int rateLimitRetries = 0;
    };

    void pump();
    void dispatch(Pending pending);
    void onFinished(QNetworkReply *reply, Pending &pending);
    void holdUntil(qint64 monotonicMs);

    QUrl m_base;
    Credentials m_credentials;
    int m_maxParallel;
    int m_timeoutMs;
    bool m_ignoreSslErrors;
    bool m_warnedSsl = false;
    QNetworkAccessManager m_manager;
    std::deque<Pending> m_queue;
    QSet<QNetworkReply *> m_replies;
    int m_inFlight = 0;
    QTimer m_gate;
    QElapsedTimer m_clock;
    qint64 m_gateUntil = 0;
};
