// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include <QCoreApplication>

void Credentials::apply(QNetworkRequest *request) const
{
    switch (scheme) {
    case Scheme::None:
        break;
    case Scheme::Basic:
        request->setRawHeader("Authorization",
                              "Basic " + (user + u':' + secret).toUtf8().toBase64());
        break;
    case Scheme::MarathonToken:
        request->setRawHeader("Authorization", "token=" + secret.toUtf8());
        break;
    case Scheme::Bearer:
        request->setRawHeader("Authorization", "Bearer " + secret.toUtf8());
        break;
    case Scheme::EvergreenKey:
        request->setRawHeader("Api-User", user.toUtf8());
        request->setRawHeader("Api-Key", secret.toUtf8());
        break;
    }
}

QString Credentials::describe() const
{
    switch (scheme) {
    case Scheme::None:
        return QCoreApplication::translate("Credentials", "no credentials");
    case Scheme::Basic:
        return QCoreApplication::translate("Credentials", "basic auth as %1").arg(user);
    case Scheme::MarathonToken:
        return QCoreApplication::translate("Credentials", "a DC/OS token");
    case Scheme::Bearer:
        return QCoreApplication::translate("Credentials", "a bearer token");
    case Scheme::EvergreenKey:
        return QCoreApplication::translate("Credentials", "the API key of %1").arg(user);
    }
    return {};
}

Credentials Credentials::marathonFromEnvironment()
{
    Credentials result;
    const QString token = qEnvironmentVariable("TASKMON_MARATHON_TOKEN");
    const QString user = qEnvironmentVariable("TASKMON_MARATHON_USER");
    if (!token.isEmpty()) {
        result.scheme = Scheme::MarathonToken;
        result.secret = token;
    } else if (!user.isEmpty()) {
        result.scheme = Scheme::Basic;
        result.user = user;
        result.secret = qEnvironmentVariable("TASKMON_MARATHON_PASSWORD");
    }
    return result;
}

Credentials Credentials::evergreenFromEnvironment()
{
    Credentials result;
    const QString user = qEnvironmentVariable("TASKMON_EVERGREEN_USER");
    const QString key = qEnvironmentVariable("TASKMON_EVERGREEN_KEY");
    if (!user.isEmpty() && !key.isEmpty()) {
        result.scheme = Scheme::EvergreenKey;
        result.user = user;
        result.secret = key;
    } else if (!key.isEmpty()) {
        result.scheme = Scheme::Bearer;
        result.secret = key;
    }
    return result;
}

bool HttpLog::isSecretHeader(QByteArrayView name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0
        || name.compare("Api-Key", Qt::CaseInsensitive) == 0
        || name.compare("Cookie", Qt::CaseInsensitive) == 0
        || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0;
}

QList<std::pair<QByteArray, QByteArray>> HttpLog::redactedHeaders(const QNetworkRequest &request)
{
    QList<std::pair<QByteArray, QByteArray>> result;
    for (const QByteArray &name : request.rawHeaderList()) {
        QByteArray value = request.rawHeader(name);
        if (isSecretHeader(name)) {
            // Only an Authorization scheme word is kept ("Basic ***", "token=***"), so a
            // reader can tell the kinds of auth apart; everything else goes entirely.
            const bool authorization = name.compare("Authorization", Qt::CaseInsensitive) == 0
                || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0;
            QByteArray kept;
            if (authorization) {
                for (const char *scheme : {"Basic ", "Bearer ", "Digest ", "Negotiate ", "token="}) {
                    if (value.startsWith(scheme)) {
                        kept = QByteArray(scheme);
                        break;
                    }
                }
            }
            value = kept + "***";
        }
        result.append({name, value});
    }
    return result;
}
