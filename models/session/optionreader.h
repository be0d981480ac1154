// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCommandLineParser;

// Numeric command-line options, read the same way by taskmon, taskmon-cli and the systems'
// connection options.
namespace OptionReader {
// A finite number from low to high in option --name, left as it is when the option is
// absent. `what` names the unit in the message: "a number of seconds", "minutes"…
bool readNumber(const QCommandLineParser &parser, const QString &name, double low, double high, double *value,
                QString *error, const QString &what = {});
}
