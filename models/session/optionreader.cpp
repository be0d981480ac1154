// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>

bool OptionReader::readNumber(const QCommandLineParser &parser, const QString &name, double low, double high,
                              double *value, QString *error, const QString &what)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double number = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < low || number > high) {
        *error = QCoreApplication::translate("OptionReader", "--%1 wants %2 from %3 to %4, not “%5”.")
                     .arg(name,
                          what.isEmpty() ? QCoreApplication::translate("OptionReader", "a number") : what,
                          QString::number(low, 'f', 0), QString::number(high, 'f', 0), parser.value(name));
        return false;
    }
    *value = number;
    return true;
}
