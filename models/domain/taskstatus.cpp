// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskstatus.h"

#include <QCoreApplication>

#include <array>

// The table itself is the SystemRegistry's (system/systemregistry.cpp): each system
// declares its rows in its own folder.

QString StatusTaxonomy::label(Status status)
{
    return QCoreApplication::translate("Status", info(status).label);
}

QLatin1StringView StatusTaxonomy::key(Status status)
{
    return info(status).key;
}

QString StatusTaxonomy::normalName(QStringView text)
{
    QString result = text.toString().toLower();
    result.replace(u' ', u'-');
    result.replace(u'_', u'-');
    result.remove(u'…');
    return result;
}

QString StatusTaxonomy::stageName(Stage stage)
{
    switch (stage) {
    case Stage::Scheduled:
        return QCoreApplication::translate("Stage", "Scheduled");
    case Stage::InProgress:
        return QCoreApplication::translate("Stage", "In progress");
    case Stage::Finished:
        return QCoreApplication::translate("Stage", "Finished");
    }
    return {};
}

QLatin1StringView StatusTaxonomy::stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Scheduled:
        return QLatin1StringView("scheduled");
    case Stage::InProgress:
        return QLatin1StringView("in-progress");
    case Stage::Finished:
        return QLatin1StringView("finished");
    }
    return {};
}

QString StatusTaxonomy::failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QCoreApplication::translate("FailureKind", "None");
    case FailureKind::Test:
        return QCoreApplication::translate("FailureKind", "Test failure");
    case FailureKind::System:
        return QCoreApplication::translate("FailureKind", "System failure");
    case FailureKind::Setup:
        return QCoreApplication::translate("FailureKind", "Setup failure");
    }
    return {};
}

QLatin1StringView StatusTaxonomy::failureKindKey(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QLatin1StringView("none");
    case FailureKind::Test:
        return QLatin1StringView("test");
    case FailureKind::System:
        return QLatin1StringView("system");
    case FailureKind::Setup:
        return QLatin1StringView("setup");
    }
    return {};
}

PaletteClass StatusTaxonomy::failureKindPalette(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return PaletteClass::Success;
    case FailureKind::Test:
        return PaletteClass::TestFailure;
    case FailureKind::System:
        return PaletteClass::SystemFailure;
    case FailureKind::Setup:
        return PaletteClass::SetupFailure;
    }
    return PaletteClass::Muted;
}

Glyph StatusTaxonomy::failureKindGlyph(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return Glyph::Check;
    case FailureKind::Test:
        return Glyph::Cross;
    case FailureKind::System:
        return Glyph::Gear;
    case FailureKind::Setup:
        return Glyph::Wrench;
    }
    return Glyph::Dot;
}

QLatin1StringView StatusTaxonomy::glyphName(Glyph glyph)
{
    static constexpr std::array<QLatin1StringView, GlyphCount> names{
        QLatin1StringView("dot"),          QLatin1StringView("cross"),
        QLatin1StringView("cross-outline"), QLatin1StringView("clock-alert"),
        QLatin1StringView("gear"),          QLatin1StringView("wrench"),
        QLatin1StringView("check"),         QLatin1StringView("play"),
        QLatin1StringView("clock"),         QLatin1StringView("pause"),
        QLatin1StringView("stop"),          QLatin1StringView("lock"),
        QLatin1StringView("unlink"),        QLatin1StringView("hourglass"),
        QLatin1StringView("question"),
    };
    return names[size_t(glyph)];
}

QLatin1StringView StatusTaxonomy::timeoutTypeKey(TimeoutType type)
{
    static constexpr std::array<QLatin1StringView, 11> names{
        QLatin1StringView(""),
        QLatin1StringView("exec"),
        QLatin1StringView("idle"),
        QLatin1StringView("callback"),
        QLatin1StringView("pre"),
        QLatin1StringView("post"),
        QLatin1StringView("setup_group"),
        QLatin1StringView("setup_task"),
        QLatin1StringView("teardown_task"),
        QLatin1StringView("teardown_group"),
        QLatin1StringView("other"),
    };
    return names[size_t(type)];
}
