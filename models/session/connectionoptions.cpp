// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionoptions.h"

#include "backends/demo/demobackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ConnectionOptions", text);
}

bool readNumber(const QCommandLineParser &parser, const QString &name, double low, double high,
                double *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double number = parser.value(name).toDouble(&ok);
    if (!ok || number < low || number > high) {
        *error = tr("--%1 wants a number from %2 to %3, not “%4”.")
                     .arg(name).arg(low).arg(high).arg(parser.value(name));
        return false;
    }
    *value = number;
    return true;
}
} // namespace

void ConnectionOptions::addTo(QCommandLineParser *parser)
{
    parser->addOption({QStringLiteral("demo"), tr("Follow the built-in demo cluster (the default when no server is given).")});
    parser->addOption({QStringLiteral("seed"), tr("Seed of the demo cluster: the same seed gives the same cluster."), tr("N")});
    parser->addOption({QStringLiteral("demo-tasks"), tr("Number of demo tasks (default 3000)."), tr("N")});
    parser->addOption({QStringLiteral("demo-rate"), tr("Demo status changes per second (default 40)."), tr("N")});
    parser->addOption({QStringLiteral("read-only"), tr("Disable every action.")});
}

bool ConnectionOptions::read(const QCommandLineParser &parser, QString *error)
{
    readOnly = parser.isSet(QStringLiteral("read-only"));
    double seed = demoConfig.seed, tasks = demoConfig.taskCount, rate = demoConfig.eventsPerSecond;
    if (!readNumber(parser, QStringLiteral("seed"), 0, 4294967295.0, &seed, error)
        || !readNumber(parser, QStringLiteral("demo-tasks"), 1, 5'000'000, &tasks, error)
        || !readNumber(parser, QStringLiteral("demo-rate"), 0, 1'000'000, &rate, error)) {
        return false;
    }
    demoConfig.seed = quint32(seed);
    demoConfig.taskCount = int(tasks);
    demoConfig.eventsPerSecond = rate;
    demo = true;  // until a real server can be named, the demo is the only source
    return true;
}

QList<Backend *> ConnectionOptions::createBackends() const
{
    QList<Backend *> backends;
    if (demo)
        backends.append(new DemoBackend(demoConfig));
    return backends;
}
