// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

Theme UiTheme::themeOf(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness()
        ? Theme::Dark
        : Theme::Light;
}

Theme UiTheme::current()
{
    return themeOf(QApplication::palette());
}

void UiTheme::apply(QApplication &app, const QString &choice)
{
    if (choice != u"dark" && choice != u"light")
        return;
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (choice == u"light") {
        app.setPalette(app.style()->standardPalette());
        return;
    }
    QPalette dark;
    const QColor window(0x1F, 0x24, 0x28), base(0x16, 0x1A, 0x1D), text(0xE8, 0xED, 0xEB);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(0x1C, 0x21, 0x25));
    dark.setColor(QPalette::ToolTipBase, QColor(0x2B, 0x31, 0x36));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0x88, 0x93, 0x97));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x2B, 0x31, 0x36));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x5A, 0xAC, 0xFF));
    dark.setColor(QPalette::Highlight, QColor(0x1E, 0x5A, 0x9C));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Mid, QColor(0x3D, 0x4F, 0x58));
    dark.setColor(QPalette::Dark, QColor(0x10, 0x13, 0x15));
    dark.setColor(QPalette::Light, QColor(0x3D, 0x4F, 0x58));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6C, 0x77, 0x7C));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6C, 0x77, 0x7C));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6C, 0x77, 0x7C));
    app.setPalette(dark);
}

QColor UiTheme::color(quint32 rgb)
{
    return QColor::fromRgb(QRgb(0xFF000000u | rgb));
}

QColor UiTheme::overdueTint(Theme theme)
{
    return theme == Theme::Dark ? QColor(0x5E, 0x0C, 0x9E, 70) : QColor(0xB4, 0x5A, 0xF2, 45);
}

QColor UiTheme::flashTint(Theme theme)
{
    return theme == Theme::Dark ? QColor(0xFF, 0xC0, 0x10, 70) : QColor(0xFF, 0xC0, 0x10, 80);
}
