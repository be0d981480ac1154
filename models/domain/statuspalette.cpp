// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuspalette.h"

#include <array>
#include <cmath>

namespace {
// Light values are the ones of DESIGN.md §3.3 (LeafyGreen shades). Dark values keep each
// class recognisable on a dark window (red stays a solid red, lavender stays lavender, so
// it cannot be mistaken for the system purple) while every text reaches 4.5:1 on its fill;
// tst_statustaxonomy computes it.
constexpr std::array<BadgeColors, PaletteClassCount> light{{
    {0xDB3030, 0x970606, 0xFFFFFF, 0xDB3030}, // TestFailure
    {0xFFEAE5, 0xDB3030, 0x970606, 0xFF6960}, // KnownIssue
    {0x5E0C9E, 0x3B0764, 0xFFFFFF, 0x5E0C9E}, // SystemFailure
    {0xF1D4FD, 0xB45AF2, 0x5E0C9E, 0xC79BF2}, // SetupFailure
    {0xE3FCF7, 0xC0FAE6, 0x00684A, 0x00A35C}, // Success
    {0xFEF7DB, 0xFFEC9E, 0x944F01, 0xFFC010}, // InProgress
    {0x3D4F58, 0x1C2D38, 0xFFFFFF, 0x5C6C75}, // Scheduled
    {0xF9FBFA, 0xE8EDEB, 0x5C6C75, 0xC1C7C6}, // Muted
}};

constexpr std::array<BadgeColors, PaletteClassCount> dark{{
    {0xB3261E, 0xFF6960, 0xFFFFFF, 0xE5484D}, // TestFailure
    {0x3A1512, 0xDB3030, 0xFF9C94, 0xFF6960}, // KnownIssue
    {0x5E0C9E, 0xB45AF2, 0xFFFFFF, 0x8A3FD1}, // SystemFailure
    {0xF1D4FD, 0xB45AF2, 0x4A0A7D, 0xC79BF2}, // SetupFailure
    {0x0B3B2C, 0x00A35C, 0x71F6BA, 0x00A35C}, // Success
    {0x3F2A00, 0x944F01, 0xFFDD49, 0xFFC010}, // InProgress
    {0x3D4F58, 0x889397, 0xFFFFFF, 0x889397}, // Scheduled
    {0x1C2D38, 0x3D4F58, 0xC1C7C6, 0x5C6C75}, // Muted
}};

double channel(quint32 value)
{
    const double c = double(value) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

BadgeColors StatusPalette::colors(PaletteClass paletteClass, Theme theme)
{
    const auto &table = theme == Theme::Dark ? dark : light;
    return table[size_t(paletteClass)];
}

double StatusPalette::relativeLuminance(quint32 rgb)
{
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF)
        + 0.0722 * channel(rgb & 0xFF);
}

double StatusPalette::contrastRatio(quint32 a, quint32 b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
