// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpreply.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace {
QString messageFromJson(const nlohmann::json &json)
{
    for (const char *key : {"message", "error", "msg"}) {
        if (!json.is_object())
            break;
        const auto it = json.find(key);
        if (it != json.end() && it->is_string() && !it->get_ref<const std::string &>().empty())
            return QString::fromStdString(it->get_ref<const std::string &>());
    }
    return {};
}
} // namespace

QString HttpOutcome::describe() const
{
    if (networkError)
        return message.isEmpty() ? QCoreApplication::translate("HttpReply", "no answer from the server") : message;
    QString text = QString::number(status);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (isAuthProblem())
        text += u' ' + QCoreApplication::translate("HttpReply", "(an authorisation problem: check the credentials and their rights)");
    return text;
}

QString HttpReply::serverMessage(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed.startsWith('{')) {
        const auto json = nlohmann::json::parse(trimmed.cbegin(), trimmed.cend(), nullptr, false);
        if (!json.is_discarded()) {
            const QString message = messageFromJson(json);
            if (!message.isEmpty())
                return message.left(1000);
        }
    }
    if (trimmed.startsWith('<')) {
        // Jetty's HTML error pages: keep the text of the <title> or first heading.
        for (const char *tag : {"<title>", "<h2>", "<h1>"}) {
            const qsizetype start = trimmed.indexOf(tag);
            if (start >= 0) {
                const qsizetype from = start + qsizetype(qstrlen(tag));
                const qsizetype end = trimmed.indexOf('<', from);
                return QString::fromUtf8(trimmed.mid(from, end - from)).simplified().left(1000);
            }
        }
    }
    return snippet(trimmed, 300);
}

QString HttpReply::snippet(QByteArrayView body, int maxChars)
{
    // A UTF-8 character takes at most 4 bytes, so this prefix holds maxChars characters.
    const QString decoded = QString::fromUtf8(body.first(std::min(body.size(), qsizetype(maxChars) * 4)));
    const bool cut = decoded.size() > maxChars || body.size() > qsizetype(maxChars) * 4;
    QString text = decoded.left(maxChars);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = u' ';
    }
    text = text.simplified();
    if (cut)
        text += u'…';
    return text;
}

RetryAfter HttpReply::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return {};
    const RetryAfter invalid{RetryAfter::Kind::Invalid, 0};
    if (std::all_of(trimmed.cbegin(), trimmed.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        // delay-seconds is 1*DIGIT: no sign, no fraction, but any length. A number past
        // qint64, or one whose milliseconds are, is a very long wait, not an error.
        constexpr qint64 maxMs = std::numeric_limits<qint64>::max();
        bool ok = false;
        const qint64 seconds = trimmed.toLongLong(&ok);
        if (!ok || seconds > maxMs / 1000)
            return {RetryAfter::Kind::Wait, maxMs};
        return {RetryAfter::Kind::Wait, seconds * 1000};
    }
    // HTTP dates say "GMT", which Qt's RFC 2822 parser does not accept; it is +0000.
    QString text = QString::fromLatin1(trimmed);
    if (text.endsWith(QLatin1StringView(" GMT")) || text.endsWith(QLatin1StringView(" UTC")))
        text = text.chopped(4) + QStringLiteral(" +0000");
    const QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid())
        return invalid;
    // Subtracting in 128 bits would be exact, but a date's milliseconds and "now" are both
    // far from the limits; only a hostile "now" could overflow, and it saturates too.
    qint64 wait = 0;
    if (__builtin_sub_overflow(date.toMSecsSinceEpoch(), nowMs, &wait))
        wait = date.toMSecsSinceEpoch() > nowMs ? std::numeric_limits<qint64>::max() : 0;
    return {RetryAfter::Kind::Wait, std::max<qint64>(0, wait)};
}

HttpOutcome HttpReply::outcome(QNetworkReply *reply, const QByteArray &body)
{
    HttpOutcome result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.status == 0) {
        result.networkError = true;
        result.message = reply->errorString();
        return result;
    }
    // Only an error answer carries a message worth reading; a successful one may be a
    // 50 MB listing that must not be scanned on the GUI thread.
    if (result.status >= 400)
        result.message = serverMessage(body);
    if (result.message.isEmpty() && result.status >= 400)
        result.message = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (reply->hasRawHeader("Retry-After")) {
        const RetryAfter wait = parseRetryAfter(reply->rawHeader("Retry-After"),
                                                QDateTime::currentMSecsSinceEpoch());
        result.retryAfterMs = wait.valid() ? wait.ms : -1;
        result.retryAfterInvalid = wait.kind == RetryAfter::Kind::Invalid;
    }
    return result;
}
