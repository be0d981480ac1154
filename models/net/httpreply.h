// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QNetworkReply;

// A Retry-After header as read: absent, unreadable (callers say they ignored it, rather
// than acting as if the server had asked for some default), or a wait.
struct RetryAfter
{
    enum class Kind : quint8 { Absent, Invalid, Wait };
    Kind kind = Kind::Absent;
    qint64 ms = 0;   // Wait: how long, saturated at the largest qint64

    bool valid() const { return kind == Kind::Wait; }
};

// What a server answered, reduced to what a user needs to read: the HTTP status and the
// server's own words. Marathon says {"message": …}; Evergreen says {"status","message"},
// sometimes {"error"}, and its auth middleware answers in plain text.
struct HttpOutcome
{
    int status = 0;             // HTTP status; 0 when no answer came at all
    bool networkError = false;  // refused, reset, timed out, TLS failure…
    QString message;            // the server's message or the network error's text
    qint64 retryAfterMs = -1;   // from Retry-After on 429/503; -1 when absent or invalid
    bool retryAfterInvalid = false;   // it was there but unreadable ("soon", "-1")

    bool ok() const { return !networkError && status >= 200 && status < 300; }
    bool isAuthProblem() const { return status == 401 || status == 403; }
    // "409: App is locked by one or more deployments…", "connection refused", …
    QString describe() const;
};

namespace HttpReply {
// Reads status, message and Retry-After from a finished reply and the body read from it.
HttpOutcome outcome(QNetworkReply *reply, const QByteArray &body);
// The server's message from an error body, whatever its shape; trimmed to a readable size.
QString serverMessage(const QByteArray &body);
// Retry-After as seconds or an HTTP date; empty means absent. Huge values saturate.
RetryAfter parseRetryAfter(const QByteArray &value, qint64 nowMs);
// The first characters of a body, printable, for "malformed JSON near: …" messages.
QString snippet(QByteArrayView body, int maxChars = 120);
}
