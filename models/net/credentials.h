// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QString>

// How to authenticate to one server. Credentials come from options or the environment and
// are never written to settings or logs in clear; describe() and redact() say what is used
// without saying what it is.
struct Credentials
{
    enum class Scheme : quint8 {
        None,
        Basic,          // Authorization: Basic (Marathon --http_credentials)
        MarathonToken,  // Authorization: token=<ACS token> (DC/OS)
        Bearer,         // Authorization: Bearer <token> (Evergreen OAuth)
        EvergreenKey,   // Api-User / Api-Key headers (Evergreen service users)
    };

    Scheme scheme = Scheme::None;
    QString user;
    QString secret;   // password, token or API key

    void apply(QNetworkRequest *request) const;
    QString describe() const;  // "basic auth as alice", "API key of bot"

    // Environment: TASKMON_MARATHON_USER/PASSWORD/TOKEN, TASKMON_EVERGREEN_USER/KEY.
    static Credentials marathonFromEnvironment();
    static Credentials evergreenFromEnvironment();
};

namespace HttpLog {
// "Authorization: Basic ***", "Api-Key: ***": the headers of a request, fit to print.
QList<std::pair<QByteArray, QByteArray>> redactedHeaders(const QNetworkRequest &request);
bool isSecretHeader(QByteArrayView name);
}
