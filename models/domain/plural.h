// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

// "1 task", "12 tasks". Qt's %n only pluralises through a translation file, and taskmon
// ships none yet, so English plurals are chosen here. The context is for translators.
inline QString countOf(int count, const char *context, const char *singular, const char *plural)
{
    return QString::number(count) + u' '
        + QCoreApplication::translate(context, count == 1 ? singular : plural);
}

// For tr("%n new failure(s)", nullptr, n): a translation file picks the plural form; without
// one Qt leaves "(s)" in place, so English gets its plural here.
inline QString englishPlural(QString translated, int count)
{
    return translated.replace(QStringLiteral("(s)"), count == 1 ? QString() : QStringLiteral("s"));
}
