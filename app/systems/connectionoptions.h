// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/demo/democonfig.h"
#include "backends/evergreen/evergreenconfig.h"
#include "backends/marathon/marathonconfig.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

class Backend;
class QCommandLineParser;

// The connection options taskmon and taskmon-cli share: which systems to follow and how.
// With no server named, the built-in demo cluster runs. Credentials come from options or
// from the environment (TASKMON_EVERGREEN_USER/KEY, TASKMON_MARATHON_USER/PASSWORD/TOKEN);
// they live in memory only.
struct ConnectionOptions
{
    bool demo = false;
    DemoConfig demoConfig;
    QList<EvergreenConfig> evergreen;
    QList<MarathonConfig> marathon;
    bool readOnly = false;

    // Declares the options on a parser.
    static void addTo(QCommandLineParser *parser);
    // Reads them back; returns false with a message for the user on a bad value.
    bool read(const QCommandLineParser &parser, QString *error);
    // One backend per connection, not yet started. The caller (a Session) takes ownership.
    QList<Backend *> createBackends() const;


private:
    bool readMarathon(const QCommandLineParser &parser, bool insecure, QString *error);
};
