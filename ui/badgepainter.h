// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/statuspalette.h"

#include <QHash>
#include <QPixmap>
#include <QSize>
#include <QString>

class QPainter;
class QRect;

// Paints status badges (fill, border, glyph, label) and tinted glyphs, for the table, the
// sidebar, the legend and the details pane, so all of them look the same. Glyphs are SVGs
// drawn black and tinted here; the rendered pixmaps are cached.
class BadgePainter
{
public:
    // The badge for a status, left-aligned and vertically centred in rect; the label is
    // elided to fit. Returns the badge's width.
    static int paint(QPainter *painter, const QRect &rect, Status status, Theme theme,
                     const QString &label = {});
    static QSize sizeHint(const QFont &font, Status status, const QString &label = {});
    // A glyph tinted in a colour, at a logical size, for the device pixel ratio given.
    static QPixmap glyph(Glyph glyph, const QColor &color, int size, qreal devicePixelRatio);
    // A small square icon of the status (solid colour and white glyph) for lists and menus.
    static QPixmap statusIcon(Status status, Theme theme, int size, qreal devicePixelRatio);
    // The same for a palette class and glyph: the icons of the failure kinds.
    static QPixmap icon(PaletteClass paletteClass, Glyph glyph, Theme theme, int size, qreal devicePixelRatio);
};
