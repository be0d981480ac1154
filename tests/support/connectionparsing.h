// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/cliinvocation.h"
#include "systems/connectionoptions.h"

#include <QCommandLineParser>

// The connection options as taskmon-cli's main reads them, for tests that parse command
// lines; the last parse's options are kept for the test to inspect.
inline ConnectionOptions &parsedConnections()
{
    static ConnectionOptions options;
    return options;
}

inline CliInvocation::ConnectionParsing connectionParsing()
{
    parsedConnections() = ConnectionOptions();
    return {&ConnectionOptions::addTo,
            [](const QCommandLineParser &parser, QString *error) { return parsedConnections().read(parser, error); }};
}
