// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskstatus.h"

#include <QtGlobal>

// Badge colours per palette class (DESIGN.md §3.3) as 0xRRGGBB, so the core library can
// own and test them without linking QtGui. The ui library turns them into QColors.
enum class Theme : quint8 { Light, Dark };

struct BadgeColors
{
    quint32 fill;
    quint32 border;
    quint32 text;
    quint32 solid;   // charts and small squares
};

namespace StatusPalette {
BadgeColors colors(PaletteClass paletteClass, Theme theme);
inline BadgeColors colors(Status status, Theme theme)
{
    return colors(StatusTaxonomy::info(status).palette, theme);
}

// WCAG 2.x relative luminance of an sRGB colour and the contrast ratio of two colours.
double relativeLuminance(quint32 rgb);
double contrastRatio(quint32 a, quint32 b);
}
