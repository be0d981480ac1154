// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionoptions.h"

#include "backends/demo/demobackend.h"
#include "session/optionreader.h"
#include "backends/evergreen/evergreenbackend.h"
#include "backends/marathon/marathonbackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>


namespace {
bool readServerUrl(const QString &option, const QString &text, QUrl *url, QString *error)
{
    *url = QUrl::fromUserInput(text);
    if (!url->isValid() || url->host().isEmpty() || (url->scheme() != u"http" && url->scheme() != u"https")) {
        *error = QCoreApplication::translate("ConnectionOptions", "--%1 wants an http or https address such as https://server.example, not “%2”.")
                     .arg(option, QUrl(text).toDisplayString(QUrl::RemovePassword));
        return false;
    }
    // The API paths are added to the base; a trailing slash would double them.
    QString path = url->path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url->setPath(path);
    return true;
}
} // namespace

void ConnectionOptions::addTo(QCommandLineParser *parser)
{
    parser->addOption({QStringLiteral("demo"), QCoreApplication::translate("ConnectionOptions", "Follow the built-in demo cluster (the default when no server is given).")});
    parser->addOption({QStringLiteral("seed"), QCoreApplication::translate("ConnectionOptions", "Seed of the demo cluster: the same seed gives the same cluster."), QCoreApplication::translate("ConnectionOptions", "N")});
    parser->addOption({QStringLiteral("demo-tasks"), QCoreApplication::translate("ConnectionOptions", "Number of demo tasks (default 3000)."), QCoreApplication::translate("ConnectionOptions", "N")});
    parser->addOption({QStringLiteral("demo-rate"), QCoreApplication::translate("ConnectionOptions", "Demo status changes per second (default 40)."), QCoreApplication::translate("ConnectionOptions", "N")});
    parser->addOption({QStringLiteral("marathon"), QCoreApplication::translate("ConnectionOptions", "Follow a Marathon, e.g. http://leader:8080 or https://dcos/service/marathon; repeatable."), QCoreApplication::translate("ConnectionOptions", "URL")});
    parser->addOption({QStringLiteral("marathon-user"), QCoreApplication::translate("ConnectionOptions", "Marathon basic-auth user (or TASKMON_MARATHON_USER)."), QCoreApplication::translate("ConnectionOptions", "USER")});
    parser->addOption({QStringLiteral("marathon-password"), QCoreApplication::translate("ConnectionOptions", "Marathon basic-auth password (or TASKMON_MARATHON_PASSWORD)."), QCoreApplication::translate("ConnectionOptions", "PASSWORD")});
    parser->addOption({QStringLiteral("marathon-token"), QCoreApplication::translate("ConnectionOptions", "DC/OS ACS token, sent as Authorization: token=… (or TASKMON_MARATHON_TOKEN)."), QCoreApplication::translate("ConnectionOptions", "TOKEN")});
    parser->addOption({QStringLiteral("keep-finished"), QCoreApplication::translate("ConnectionOptions", "Minutes finished Marathon tasks stay visible as history (default 15)."), QCoreApplication::translate("ConnectionOptions", "MINUTES")});
    parser->addOption({QStringLiteral("stale-after"), QCoreApplication::translate("ConnectionOptions", "Seconds of silence after which a Marathon event stream counts as dead (default 30)."), QCoreApplication::translate("ConnectionOptions", "SECONDS")});
    parser->addOption({QStringLiteral("evergreen"), QCoreApplication::translate("ConnectionOptions", "Follow an Evergreen server, e.g. https://evergreen.mongodb.com."), QCoreApplication::translate("ConnectionOptions", "URL")});
    parser->addOption({QStringLiteral("version"), QCoreApplication::translate("ConnectionOptions", "An Evergreen version (or patch) whose builds to follow; repeatable."), QCoreApplication::translate("ConnectionOptions", "ID")});
    parser->addOption({QStringLiteral("build"), QCoreApplication::translate("ConnectionOptions", "An Evergreen build to follow; repeatable."), QCoreApplication::translate("ConnectionOptions", "ID")});
    parser->addOption({QStringLiteral("evergreen-user"), QCoreApplication::translate("ConnectionOptions", "Evergreen API user (or TASKMON_EVERGREEN_USER)."), QCoreApplication::translate("ConnectionOptions", "USER")});
    parser->addOption({QStringLiteral("evergreen-key"), QCoreApplication::translate("ConnectionOptions", "Evergreen API key, or a bearer token without a user (or TASKMON_EVERGREEN_KEY)."), QCoreApplication::translate("ConnectionOptions", "KEY")});
    parser->addOption({QStringLiteral("poll-interval"), QCoreApplication::translate("ConnectionOptions", "Seconds between Evergreen polls (default 30; 10 while tasks run)."), QCoreApplication::translate("ConnectionOptions", "SECONDS")});
    parser->addOption({QStringLiteral("insecure"), QCoreApplication::translate("ConnectionOptions", "Accept invalid TLS certificates (test servers only; logged as a warning).")});
    parser->addOption({QStringLiteral("read-only"), QCoreApplication::translate("ConnectionOptions", "Disable every action.")});
}

bool ConnectionOptions::read(const QCommandLineParser &parser, QString *error)
{
    readOnly = parser.isSet(QStringLiteral("read-only"));
    const bool insecure = parser.isSet(QStringLiteral("insecure"));

    double seed = demoConfig.seed, tasks = demoConfig.taskCount, rate = demoConfig.eventsPerSecond;
    if (!OptionReader::readNumber(parser, QStringLiteral("seed"), 0, 4294967295.0, &seed, error)
        || !OptionReader::readNumber(parser, QStringLiteral("demo-tasks"), 1, 5'000'000, &tasks, error)
        || !OptionReader::readNumber(parser, QStringLiteral("demo-rate"), 0, 1'000'000, &rate, error)) {
        return false;
    }
    demoConfig.seed = quint32(seed);
    demoConfig.taskCount = int(tasks);
    demoConfig.eventsPerSecond = rate;

    const QStringList versions = parser.values(QStringLiteral("version"));
    const QStringList builds = parser.values(QStringLiteral("build"));
    if (parser.isSet(QStringLiteral("evergreen"))) {
        EvergreenConfig config;
        if (!readServerUrl(QStringLiteral("evergreen"), parser.value(QStringLiteral("evergreen")), &config.url, error))
            return false;
        if (versions.isEmpty() && builds.isEmpty()) {
            *error = QCoreApplication::translate("ConnectionOptions", "--evergreen needs at least one --version ID or --build ID to follow.");
            return false;
        }
        config.versions = versions;
        config.builds = builds;
        config.credentials = Credentials::evergreenFromEnvironment();
        const QString user = parser.value(QStringLiteral("evergreen-user"));
        const QString key = parser.value(QStringLiteral("evergreen-key"));
        if (!key.isEmpty()) {
            config.credentials.scheme = user.isEmpty() ? Credentials::Scheme::Bearer : Credentials::Scheme::EvergreenKey;
            config.credentials.user = user;
            config.credentials.secret = key;
        } else if (!user.isEmpty()) {
            if (config.credentials.secret.isEmpty()) {
                *error = QCoreApplication::translate("ConnectionOptions", "--evergreen-user needs --evergreen-key (or TASKMON_EVERGREEN_KEY).");
                return false;
            }
            config.credentials.scheme = Credentials::Scheme::EvergreenKey;
            config.credentials.user = user;
        }
        double interval = config.pollIntervalMs / 1000.0;
        if (!OptionReader::readNumber(parser, QStringLiteral("poll-interval"), 1, 3600, &interval, error))
            return false;
        config.pollIntervalMs = int(interval * 1000);
        config.fastPollIntervalMs = std::min(config.fastPollIntervalMs, config.pollIntervalMs);
        config.ignoreSslErrors = insecure;
        evergreen.append(config);
    } else if (!versions.isEmpty() || !builds.isEmpty()) {
        *error = QCoreApplication::translate("ConnectionOptions", "--version and --build name Evergreen versions and builds; add --evergreen URL.");
        return false;
    }

    if (!readMarathon(parser, insecure, error))
        return false;

    // With no server at all the demo runs; --demo adds it to servers too.
    demo = parser.isSet(QStringLiteral("demo")) || (evergreen.isEmpty() && marathon.isEmpty());
    return true;
}

bool ConnectionOptions::readMarathon(const QCommandLineParser &parser, bool insecure, QString *error)
{
    const QStringList urls = parser.values(QStringLiteral("marathon"));
    double keepMinutes = 15;
    double staleSeconds = 30;
    if (!OptionReader::readNumber(parser, QStringLiteral("keep-finished"), 0, 7 * 24 * 60, &keepMinutes, error)
        || !OptionReader::readNumber(parser, QStringLiteral("stale-after"), 1, 3600, &staleSeconds, error)) {
        return false;
    }
    Credentials credentials = Credentials::marathonFromEnvironment();
    const QString user = parser.value(QStringLiteral("marathon-user"));
    const QString token = parser.value(QStringLiteral("marathon-token"));
    if (!token.isEmpty()) {
        credentials = Credentials{Credentials::Scheme::MarathonToken, {}, token};
    } else if (!user.isEmpty()) {
        QString password = parser.value(QStringLiteral("marathon-password"));
        if (password.isEmpty())
            password = qEnvironmentVariable("TASKMON_MARATHON_PASSWORD");
        credentials = Credentials{Credentials::Scheme::Basic, user, password};
    }
    if (urls.isEmpty() && (!user.isEmpty() || !token.isEmpty() || parser.isSet(QStringLiteral("keep-finished"))
                           || parser.isSet(QStringLiteral("stale-after")))) {
        *error = QCoreApplication::translate("ConnectionOptions", "Marathon options need --marathon URL.");
        return false;
    }
    for (const QString &text : urls) {
        MarathonConfig config;
        if (!readServerUrl(QStringLiteral("marathon"), text, &config.url, error))
            return false;
        config.credentials = credentials;
        config.retentionMs = qint64(keepMinutes * 60 * 1000);
        config.staleAfterMs = int(staleSeconds * 1000);
        config.ignoreSslErrors = insecure;
        marathon.append(config);
    }
    return true;
}

QList<Backend *> ConnectionOptions::createBackends() const
{
    QList<Backend *> backends;
    if (demo)
        backends.append(new DemoBackend(demoConfig));
    for (const MarathonConfig &config : marathon)
        backends.append(new MarathonBackend(config));
    for (const EvergreenConfig &config : evergreen)
        backends.append(new EvergreenBackend(config));
    return backends;
}
