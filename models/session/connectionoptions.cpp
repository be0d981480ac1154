// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionoptions.h"

#include "backends/demo/demobackend.h"
#include "backends/evergreen/evergreenbackend.h"
#include "backends/marathon/marathonbackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionOptions", text);
}

bool readServerUrl(const QString &option, const QString &text, QUrl *url, QString *error)
{
    *url = QUrl::fromUserInput(text);
    if (!url->isValid() || url->host().isEmpty() || (url->scheme() != u"http" && url->scheme() != u"https")) {
        *error = tr("--%1 wants an http or https address such as https://server.example, not “%2”.")
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
    parser->addOption({QStringLiteral("demo"), tr("Follow the built-in demo cluster (the default when no server is given).")});
    parser->addOption({QStringLiteral("seed"), tr("Seed of the demo cluster: the same seed gives the same cluster."), tr("N")});
    parser->addOption({QStringLiteral("demo-tasks"), tr("Number of demo tasks (default 3000)."), tr("N")});
    parser->addOption({QStringLiteral("demo-rate"), tr("Demo status changes per second (default 40)."), tr("N")});
    parser->addOption({QStringLiteral("marathon"), tr("Follow a Marathon, e.g. http://leader:8080 or https://dcos/service/marathon; repeatable."), tr("URL")});
    parser->addOption({QStringLiteral("marathon-user"), tr("Marathon basic-auth user (or TASKMON_MARATHON_USER)."), tr("USER")});
    parser->addOption({QStringLiteral("marathon-password"), tr("Marathon basic-auth password (or TASKMON_MARATHON_PASSWORD)."), tr("PASSWORD")});
    parser->addOption({QStringLiteral("marathon-token"), tr("DC/OS ACS token, sent as Authorization: token=… (or TASKMON_MARATHON_TOKEN)."), tr("TOKEN")});
    parser->addOption({QStringLiteral("keep-finished"), tr("Minutes finished Marathon tasks stay visible as history (default 15)."), tr("MINUTES")});
    parser->addOption({QStringLiteral("stale-after"), tr("Seconds of silence after which a Marathon event stream counts as dead (default 30)."), tr("SECONDS")});
    parser->addOption({QStringLiteral("evergreen"), tr("Follow an Evergreen server, e.g. https://evergreen.mongodb.com."), tr("URL")});
    parser->addOption({QStringLiteral("version"), tr("An Evergreen version (or patch) whose builds to follow; repeatable."), tr("ID")});
    parser->addOption({QStringLiteral("build"), tr("An Evergreen build to follow; repeatable."), tr("ID")});
    parser->addOption({QStringLiteral("evergreen-user"), tr("Evergreen API user (or TASKMON_EVERGREEN_USER)."), tr("USER")});
    parser->addOption({QStringLiteral("evergreen-key"), tr("Evergreen API key, or a bearer token without a user (or TASKMON_EVERGREEN_KEY)."), tr("KEY")});
    parser->addOption({QStringLiteral("poll-interval"), tr("Seconds between Evergreen polls (default 30; 10 while tasks run)."), tr("SECONDS")});
    parser->addOption({QStringLiteral("insecure"), tr("Accept invalid TLS certificates (test servers only; logged as a warning).")});
    parser->addOption({QStringLiteral("read-only"), tr("Disable every action.")});
}

bool ConnectionOptions::readNumber(const QCommandLineParser &parser, const QString &name, double low,
                                   double high, double *value, QString *error, const QString &what)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double number = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < low || number > high) {
        *error = tr("--%1 wants %2 from %3 to %4, not “%5”.")
                     .arg(name, what.isEmpty() ? tr("a number") : what, QString::number(low, 'f', 0),
                          QString::number(high, 'f', 0), parser.value(name));
        return false;
    }
    *value = number;
    return true;
}

bool ConnectionOptions::read(const QCommandLineParser &parser, QString *error)
{
    readOnly = parser.isSet(QStringLiteral("read-only"));
    const bool insecure = parser.isSet(QStringLiteral("insecure"));

    double seed = demoConfig.seed, tasks = demoConfig.taskCount, rate = demoConfig.eventsPerSecond;
    if (!readNumber(parser, QStringLiteral("seed"), 0, 4294967295.0, &seed, error)
        || !readNumber(parser, QStringLiteral("demo-tasks"), 1, 5'000'000, &tasks, error)
        || !readNumber(parser, QStringLiteral("demo-rate"), 0, 1'000'000, &rate, error)) {
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
            *error = tr("--evergreen needs at least one --version ID or --build ID to follow.");
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
                *error = tr("--evergreen-user needs --evergreen-key (or TASKMON_EVERGREEN_KEY).");
                return false;
            }
            config.credentials.scheme = Credentials::Scheme::EvergreenKey;
            config.credentials.user = user;
        }
        double interval = config.pollIntervalMs / 1000.0;
        if (!readNumber(parser, QStringLiteral("poll-interval"), 1, 3600, &interval, error))
            return false;
        config.pollIntervalMs = int(interval * 1000);
        config.fastPollIntervalMs = std::min(config.fastPollIntervalMs, config.pollIntervalMs);
        config.ignoreSslErrors = insecure;
        evergreen.append(config);
    } else if (!versions.isEmpty() || !builds.isEmpty()) {
        *error = tr("--version and --build name Evergreen versions and builds; add --evergreen URL.");
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
    if (!readNumber(parser, QStringLiteral("keep-finished"), 0, 7 * 24 * 60, &keepMinutes, error)
        || !readNumber(parser, QStringLiteral("stale-after"), 1, 3600, &staleSeconds, error)) {
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
        *error = tr("Marathon options need --marathon URL.");
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
