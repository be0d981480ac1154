// SPDX-License-Identifier: GPL-3.0-or-later
#include "badgepainter.h"

#include "theme.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <array>
#include <memory>

namespace {
constexpr int HorizontalPadding = 7;
constexpr int GlyphGap = 5;
constexpr int VerticalMargin = 3;

QString glyphPath(Glyph glyph)
{
    return QStringLiteral(":/glyphs/%1.svg").arg(QString(StatusTaxonomy::glyphName(glyph)));
}

QSvgRenderer &renderer(Glyph glyph)
{
    static std::array<std::unique_ptr<QSvgRenderer>, GlyphCount> renderers;
    std::unique_ptr<QSvgRenderer> &slot = renderers[size_t(glyph)];
    if (!slot)
        slot = std::make_unique<QSvgRenderer>(glyphPath(glyph));
    return *slot;
}
} // namespace

QPixmap BadgePainter::glyph(Glyph glyph, const QColor &color, int size, qreal devicePixelRatio)
{
    // QPixmapCache, not a static container: pixmaps must go before the application does.
    const QString key = QStringLiteral("taskmon-glyph/%1/%2/%3/%4")
                            .arg(int(glyph))
                            .arg(color.rgba())
                            .arg(size)
                            .arg(devicePixelRatio);
    QPixmap cached;
    if (QPixmapCache::find(key, &cached))
        return cached;
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    {
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        renderer(glyph).render(&p, QRectF(0, 0, pixels, pixels));
        // Keep the glyph's shape, replace its colour.
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(pixmap.rect(), color);
    }
    pixmap.setDevicePixelRatio(devicePixelRatio);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

QSize BadgePainter::sizeHint(const QFont &font, Status status, const QString &label)
{
    const QFontMetrics metrics(font);
    const QString text = label.isEmpty() ? StatusTaxonomy::label(status) : label;
    const int glyphSize = metrics.height() - 2;
    return QSize(HorizontalPadding * 2 + glyphSize + GlyphGap + metrics.horizontalAdvance(text),
                 metrics.height() + 2 * VerticalMargin);
}

int BadgePainter::paint(QPainter *painter, const QRect &rect, Status status, Theme theme,
                        const QString &label)
{
    const BadgeColors colors = StatusPalette::colors(status, theme);
    const QString text = label.isEmpty() ? StatusTaxonomy::label(status) : label;
    const QFontMetrics metrics(painter->font());
    const int height = std::min(rect.height() - 4, metrics.height() + 2 * VerticalMargin);
    const int glyphSize = std::min(height - 4, metrics.height() - 2);
    const int wanted = HorizontalPadding * 2 + glyphSize + GlyphGap + metrics.horizontalAdvance(text);
    const int width = std::min(rect.width() - 4, wanted);
    const QRectF badge(rect.left() + 2.5, rect.top() + (rect.height() - height) / 2.0 + 0.5,
                       width - 1, height - 1);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(UiTheme::color(colors.border), 1));
    painter->setBrush(UiTheme::color(colors.fill));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);

    const QColor textColor = UiTheme::color(colors.text);
    const int glyphX = int(badge.left()) + HorizontalPadding;
    const int glyphY = int(badge.top() + (badge.height() - glyphSize) / 2.0 + 0.5);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(glyphX, glyphY,
                        glyph(StatusTaxonomy::info(status).glyph, textColor, glyphSize, ratio));

    const int textX = glyphX + glyphSize + GlyphGap;
    const QRect textRect(textX, int(badge.top()), int(badge.right()) - textX - HorizontalPadding + 2,
                         int(badge.height()));
    painter->setPen(textColor);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      metrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
    return width;
}

QPixmap BadgePainter::statusIcon(Status status, Theme theme, int size, qreal devicePixelRatio)
{
    const StatusInfo &info = StatusTaxonomy::info(status);
    return icon(info.palette, info.glyph, theme, size, devicePixelRatio);
}

QPixmap BadgePainter::icon(PaletteClass paletteClass, Glyph glyphName, Theme theme, int size, qreal devicePixelRatio)
{
    const BadgeColors colors = StatusPalette::colors(paletteClass, theme);
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    {
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(UiTheme::color(colors.border), devicePixelRatio));
        p.setBrush(UiTheme::color(colors.fill));
        p.drawRoundedRect(QRectF(0.5, 0.5, pixels - 1, pixels - 1), pixels / 5.0, pixels / 5.0);
        const int inner = qRound(pixels * 0.7);
        const QPixmap mark = glyph(glyphName, UiTheme::color(colors.text), inner, 1.0);
        p.drawPixmap((pixels - inner) / 2, (pixels - inner) / 2, mark);
    }
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}
