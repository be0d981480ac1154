// SPDX-License-Identifier: GPL-3.0-or-later
// The status taxonomy checked against DESIGN.md §3, not against taskstatus.cpp: every
// expected value below was copied from the specification's tables (§3.1 Evergreen, §3.2
// Marathon, §3.3 colours and glyphs). Where the specification says nothing the column is
// marked unspecified and only sanity is checked.
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "domain/statuspalette.h"
#include "domain/taskstatus.h"

#include <QFileInfo>
#include <QList>
#include <QSet>
#include <QTest>

#include <cmath>
#include <initializer_list>
#include <iterator>

namespace {
constexpr int Unspecified = -1;

constexpr quint32 glyphs(std::initializer_list<Glyph> list)
{
    quint32 mask = 0;
    for (Glyph glyph : list)
        mask |= 1u << int(glyph);
    return mask;
}

// §3.3 glyph column, per palette class.
const quint32 AnyGlyph = 0;
const quint32 CrossGlyph = glyphs({Glyph::Cross});
const quint32 OutlineGlyph = glyphs({Glyph::CrossOutline});
const quint32 TimeoutGlyph = glyphs({Glyph::Clock, Glyph::ClockAlert}); // "clock for timeouts"
const quint32 GearGlyph = glyphs({Glyph::Gear});
const quint32 SystemTimeoutGlyph = glyphs({Glyph::Gear, Glyph::Clock, Glyph::ClockAlert});
const quint32 WrenchGlyph = glyphs({Glyph::Wrench});
const quint32 CheckGlyph = glyphs({Glyph::Check});
const quint32 PlayGlyph = glyphs({Glyph::Play});
const quint32 ClockGlyph = glyphs({Glyph::Clock});
const quint32 PauseStopGlyph = glyphs({Glyph::Pause, Glyph::Stop});
// Deliberate refinements of §3.3 (the class colour stays; the glyph names the cause, so
// "lost contact" does not read as "crashed" and "waiting for a dependency" not as "paused"):
const quint32 LostContactGlyph = glyphs({Glyph::Unlink});   // unreachable, unresponsive
const quint32 UnknownGlyph = glyphs({Glyph::Question});      // the master forgot the task
const quint32 BlockedGlyph = glyphs({Glyph::Lock});          // waits for a dependency

struct Expected
{
    Status status;
    const char *name;       // the enumerator, for row names and failure messages
    SystemId system;
    const char16_t *label;  // nullptr: unspecified
    const char *key;        // nullptr: unspecified
    int stage;              // Stage, or Unspecified
    int kind;               // FailureKind, or Unspecified
    bool knownIssue;
    int palette;            // PaletteClass, or Unspecified
    quint32 glyphs;         // allowed Glyph bits, AnyGlyph when unspecified
};

using S = Status;
const SystemId Evg = EvergreenSystem::id();
const SystemId Mar = MarathonSystem::id();
constexpr int Sched = int(Stage::Scheduled), Prog = int(Stage::InProgress), Fin = int(Stage::Finished);
constexpr int None = int(FailureKind::None), Test = int(FailureKind::Test),
              Sys = int(FailureKind::System), Setup = int(FailureKind::Setup);
constexpr int PTest = int(PaletteClass::TestFailure), PKnown = int(PaletteClass::KnownIssue),
              PSys = int(PaletteClass::SystemFailure), PSetup = int(PaletteClass::SetupFailure),
              PSuccess = int(PaletteClass::Success), PProg = int(PaletteClass::InProgress),
              PSched = int(PaletteClass::Scheduled), PMuted = int(PaletteClass::Muted);

// One row per Status. Labels, stages and failure kinds are DESIGN.md §3.1/§3.2; palette
// classes and glyphs are §3.3 (its rows name the statuses they cover).
const Expected expectedTable[] = {
    // Not a status of either system: a task nobody has reported on yet. Nothing to show it
    // as a failure; the rest is unspecified.
    {S::Unset, "Unset", NoSystem, nullptr, nullptr, Unspecified, None, false, Unspecified, AnyGlyph},

    // §3.1 Evergreen.
    {evg(EvgStatus::Unscheduled), "EvgUnscheduled", Evg, u"Unscheduled", "unscheduled", Sched, None, false, PMuted, PauseStopGlyph},
    {evg(EvgStatus::Inactive), "EvgInactive", Evg, u"Unscheduled", "inactive", Sched, None, false, PMuted, PauseStopGlyph},
    {evg(EvgStatus::Pending), "EvgPending", Evg, u"Pending", "pending", Sched, None, false, PSched, ClockGlyph},
    {evg(EvgStatus::WillRun), "EvgWillRun", Evg, u"Will Run", "will-run", Sched, None, false, PSched, ClockGlyph},
    // §3.3 has no row for dispatched (Evergreen itself paints it yellow like started).
    {evg(EvgStatus::Dispatched), "EvgDispatched", Evg, u"Dispatched", "dispatched", Sched, None, false, Unspecified, AnyGlyph},
    {evg(EvgStatus::Started), "EvgStarted", Evg, u"Running", "started", Prog, None, false, PProg, PlayGlyph},
    // "aborting" is taskmon's own name (Evergreen calls it aborted); §3.3 has no row.
    {evg(EvgStatus::Aborting), "EvgAborting", Evg, u"Aborting…", "aborting", Prog, None, false, Unspecified, AnyGlyph},
    {evg(EvgStatus::Success), "EvgSuccess", Evg, u"Succeeded", "success", Fin, None, false, PSuccess, CheckGlyph},
    {evg(EvgStatus::Failed), "EvgFailed", Evg, u"Failed", "failed", Fin, Test, false, PTest, CrossGlyph},
    {evg(EvgStatus::KnownIssue), "EvgKnownIssue", Evg, u"Known Issue", "known-issue", Fin, Test, true, PKnown, OutlineGlyph},
    {evg(EvgStatus::TaskTimedOut), "EvgTaskTimedOut", Evg, u"Task Timed Out", "task-timed-out", Fin, Test, false, PTest, TimeoutGlyph},
    {evg(EvgStatus::TestTimedOut), "EvgTestTimedOut", Evg, u"Task Timed Out", "test-timed-out", Fin, Test, false, PTest, TimeoutGlyph},
    {evg(EvgStatus::SetupFailed), "EvgSetupFailed", Evg, u"Setup Failed", "setup-failed", Fin, Setup, false, PSetup, WrenchGlyph},
    {evg(EvgStatus::SystemFailed), "EvgSystemFailed", Evg, u"System Failed", "system-failed", Fin, Sys, false, PSys, GearGlyph},
    {evg(EvgStatus::SystemTimedOut), "EvgSystemTimedOut", Evg, u"System Timed Out", "system-timed-out", Fin, Sys, false, PSys, SystemTimeoutGlyph},
    {evg(EvgStatus::SystemUnresponsive), "EvgSystemUnresponsive", Evg, u"System Unresponsive", "system-unresponsive", Fin, Sys, false, PSys, LostContactGlyph},
    {evg(EvgStatus::Aborted), "EvgAborted", Evg, u"Aborted", "aborted", Fin, None, false, PMuted, PauseStopGlyph},
    {evg(EvgStatus::Blocked), "EvgBlocked", Evg, u"Blocked", "blocked", Fin, None, false, PMuted, BlockedGlyph},
    // Deviation (4): a status string this version does not know. Not a failure we can name.
    {evg(EvgStatus::Other), "EvgOther", Evg, nullptr, nullptr, Unspecified, None, false, Unspecified, AnyGlyph},

    // §3.2 Marathon. Scheduled is a Marathon-only condition (marathon-api.md §5) with no
    // Mesos state, hence no TASK_* key; it is a scheduled, non-failed status.
    {mar(MarStatus::Scheduled), "MarScheduled", Mar, u"Scheduled", nullptr, Sched, None, false, PSched, ClockGlyph},
    {mar(MarStatus::Staging), "MarStaging", Mar, u"Staging", "TASK_STAGING", Sched, None, false, PSched, ClockGlyph},
    {mar(MarStatus::Starting), "MarStarting", Mar, u"Starting", "TASK_STARTING", Prog, None, false, PProg, PlayGlyph},
    {mar(MarStatus::Running), "MarRunning", Mar, u"Running", "TASK_RUNNING", Prog, None, false, PProg, PlayGlyph},
    // §3.3 has no class for a task being killed.
    {mar(MarStatus::Killing), "MarKilling", Mar, u"Killing", "TASK_KILLING", Prog, None, false, Unspecified, AnyGlyph},
    {mar(MarStatus::Unreachable), "MarUnreachable", Mar, u"Unreachable", "TASK_UNREACHABLE", Prog, Sys, false, PSys, LostContactGlyph},
    {mar(MarStatus::Finished), "MarFinished", Mar, u"Finished", "TASK_FINISHED", Fin, None, false, PSuccess, CheckGlyph},
    {mar(MarStatus::Killed), "MarKilled", Mar, u"Killed", "TASK_KILLED", Fin, None, false, PMuted, PauseStopGlyph},
    {mar(MarStatus::Failed), "MarFailed", Mar, u"Failed", "TASK_FAILED", Fin, Test, false, PTest, CrossGlyph},
    {mar(MarStatus::Error), "MarError", Mar, u"Error", "TASK_ERROR", Fin, Setup, false, PSetup, WrenchGlyph},
    {mar(MarStatus::Dropped), "MarDropped", Mar, u"Dropped", "TASK_DROPPED", Fin, Sys, false, PSys, GearGlyph},
    {mar(MarStatus::Gone), "MarGone", Mar, u"Gone", "TASK_GONE", Fin, Sys, false, PSys, GearGlyph},
    {mar(MarStatus::Unknown), "MarUnknown", Mar, u"Unknown", "TASK_UNKNOWN", Fin, Sys, false, PSys, UnknownGlyph},
};

const Expected *expectedFor(Status status)
{
    for (const Expected &row : expectedTable) {
        if (row.status == status)
            return &row;
    }
    return nullptr;
}

// WCAG 2.x, written out independently of StatusPalette to cross-check it.
double wcagChannel(quint32 value)
{
    const double c = double(value) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double wcagLuminance(quint32 rgb)
{
    return 0.2126 * wcagChannel((rgb >> 16) & 0xFF) + 0.7152 * wcagChannel((rgb >> 8) & 0xFF)
        + 0.0722 * wcagChannel(rgb & 0xFF);
}

double wcagContrast(quint32 a, quint32 b)
{
    const double la = wcagLuminance(a);
    const double lb = wcagLuminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QString hex(quint32 rgb)
{
    return QStringLiteral("#%1").arg(rgb, 6, 16, QLatin1Char('0')).toUpper();
}

bool isFailurePalette(PaletteClass palette)
{
    return palette == PaletteClass::TestFailure || palette == PaletteClass::KnownIssue
        || palette == PaletteClass::SystemFailure || palette == PaletteClass::SetupFailure;
}
} // namespace

QByteArray statusName(Status status)
{
    const Expected *row = expectedFor(status);
    return row ? QByteArray(row->name) : "Status(" + QByteArray::number(int(status)) + ')';
}

// Readable QCOMPARE failures; names come from this file's table, not from the code under test.
char *toString(Status status)
{
    return qstrdup(statusName(status).constData());
}

class TestStatusTaxonomy final : public QObject
{
    Q_OBJECT

private slots:
    void coversEveryStatus();
    void info_data();
    void info();
    void outOfRangeIsHarmless();
    void glyphAndPalette_data();
    void glyphAndPalette();
    void paletteFollowsFailureKind();
    void stageAndKindNames();
    void lightPaletteMatchesDesign_data();
    void lightPaletteMatchesDesign();
    void contrastRatio_data();
    void contrastRatio();
    void badgeContrast_data();
    void badgeContrast();
    void failureColoursDistinct_data();
    void failureColoursDistinct();
};

void TestStatusTaxonomy::coversEveryStatus()
{
    // Guards the tables of this file: a status appended to the enum must get a row here.
    QSet<int> seen;
    for (const Expected &row : expectedTable) {
        QVERIFY2(!seen.contains(int(row.status)), row.name);
        seen.insert(int(row.status));
    }
    QCOMPARE(int(std::size(expectedTable)), StatusTaxonomy::count());
    for (int i = 0; i < StatusTaxonomy::count(); ++i)
        QVERIFY2(seen.contains(i), qPrintable(QStringLiteral("Status %1 has no row").arg(i)));
}

void TestStatusTaxonomy::info_data()
{
    QTest::addColumn<Status>("status");
    QTest::addColumn<int>("system");
    QTest::addColumn<QString>("label");      // null: unspecified
    QTest::addColumn<QString>("key");        // null: unspecified
    QTest::addColumn<int>("stage");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("knownIssue");

    for (const Expected &row : expectedTable) {
        QTest::newRow(row.name) << row.status << int(row.system)
                                << (row.label ? QString::fromUtf16(row.label) : QString())
                                << (row.key ? QString::fromLatin1(row.key) : QString())
                                << row.stage << row.kind << row.knownIssue;
    }
}

void TestStatusTaxonomy::info()
{
    QFETCH(Status, status);
    QFETCH(int, system);
    QFETCH(QString, label);
    QFETCH(QString, key);
    QFETCH(int, stage);
    QFETCH(int, kind);
    QFETCH(bool, knownIssue);

    const StatusInfo &info = StatusTaxonomy::info(status);
    QCOMPARE(info.status, status);
    QCOMPARE(int(info.system), system);
    QCOMPARE(int(StatusTaxonomy::system(status)), system);

    // Every status has something to show, even where the specification names no label.
    QVERIFY(info.label != nullptr);
    QVERIFY(!StatusTaxonomy::label(status).isEmpty());
    if (!label.isNull()) {
        QCOMPARE(StatusTaxonomy::label(status), label);
        QCOMPARE(QString::fromUtf8(info.label), label);
    }

    QVERIFY(!StatusTaxonomy::key(status).isEmpty());
    QCOMPARE(QString(StatusTaxonomy::key(status)), QString(info.key));
    if (!key.isNull())
        QCOMPARE(QString(StatusTaxonomy::key(status)), key);

    if (stage != Unspecified) {
        QCOMPARE(int(info.stage), stage);
        QCOMPARE(int(StatusTaxonomy::stage(status)), stage);
    }
    if (kind != Unspecified) {
        QCOMPARE(int(info.kind), kind);
        QCOMPARE(int(StatusTaxonomy::kind(status)), kind);
        QCOMPARE(StatusTaxonomy::isFailure(status), kind != int(FailureKind::None));
    }
    // Only a failure somebody linked to an issue is a known issue (§3.1 "test (known)").
    QCOMPARE(info.knownIssue, knownIssue);
}

void TestStatusTaxonomy::outOfRangeIsHarmless()
{
    // A corrupt value must not read past the table ("no input crashes the program", §7).
    for (int raw : {StatusTaxonomy::count(), StatusTaxonomy::count() + 1, 255}) {
        const StatusInfo &info = StatusTaxonomy::info(Status(raw));
        QVERIFY(int(info.status) < StatusTaxonomy::count());
        QVERIFY(!StatusTaxonomy::label(Status(raw)).isEmpty());
    }
}

void TestStatusTaxonomy::glyphAndPalette_data()
{
    QTest::addColumn<Status>("status");
    QTest::addColumn<int>("palette");
    QTest::addColumn<quint32>("allowedGlyphs");
    for (const Expected &row : expectedTable)
        QTest::newRow(row.name) << row.status << row.palette << row.glyphs;
}

void TestStatusTaxonomy::glyphAndPalette()
{
    QFETCH(Status, status);
    QFETCH(int, palette);
    QFETCH(quint32, allowedGlyphs);

    // "Colour is never the only cue: every status has a glyph (SVG in resources/)".
    const StatusInfo &info = StatusTaxonomy::info(status);
    QVERIFY(int(info.glyph) < GlyphCount);
    const QString name = QString(StatusTaxonomy::glyphName(info.glyph));
    QVERIFY(!name.isEmpty());
    const QString svg = QFINDTESTDATA(QStringLiteral("../../resources/glyphs/") + name + QStringLiteral(".svg"));
    QVERIFY2(!svg.isEmpty() && QFileInfo(svg).isFile(), qPrintable(name));
    if (allowedGlyphs != AnyGlyph) {
        QVERIFY2(allowedGlyphs & (1u << int(info.glyph)),
                 qPrintable(QStringLiteral("glyph %1 is not the one of DESIGN.md §3.3").arg(name)));
    }

    QVERIFY(int(info.palette) < PaletteClassCount);
    if (palette != Unspecified)
        QCOMPARE(int(info.palette), palette);
}

void TestStatusTaxonomy::paletteFollowsFailureKind()
{
    // §3.3: "The failure kinds are the loudest colours; everything else is muted, so failures
    // pop." A failure wears its kind's class; nothing else wears a failure class.
    for (int i = 0; i < StatusTaxonomy::count(); ++i) {
        const StatusInfo &info = StatusTaxonomy::info(Status(i));
        const QByteArray what = statusName(Status(i));
        switch (info.kind) {
        case FailureKind::Test:
            QVERIFY2(info.palette == (info.knownIssue ? PaletteClass::KnownIssue : PaletteClass::TestFailure),
                     what.constData());
            break;
        case FailureKind::System:
            QVERIFY2(info.palette == PaletteClass::SystemFailure, what.constData());
            break;
        case FailureKind::Setup:
            QVERIFY2(info.palette == PaletteClass::SetupFailure, what.constData());
            break;
        case FailureKind::None:
            QVERIFY2(!isFailurePalette(info.palette), what.constData());
            QVERIFY2(!info.knownIssue, what.constData());
            break;
        }
    }
}

void TestStatusTaxonomy::stageAndKindNames()
{
    // DESIGN.md §3: stage "Scheduled · In progress · Finished"; failure kind
    // "none · test · system · setup".
    QCOMPARE(StatusTaxonomy::stageName(Stage::Scheduled), QStringLiteral("Scheduled"));
    QCOMPARE(StatusTaxonomy::stageName(Stage::InProgress), QStringLiteral("In progress"));
    QCOMPARE(StatusTaxonomy::stageName(Stage::Finished), QStringLiteral("Finished"));
    QCOMPARE(QString(StatusTaxonomy::failureKindKey(FailureKind::None)), QStringLiteral("none"));
    QCOMPARE(QString(StatusTaxonomy::failureKindKey(FailureKind::Test)), QStringLiteral("test"));
    QCOMPARE(QString(StatusTaxonomy::failureKindKey(FailureKind::System)), QStringLiteral("system"));
    QCOMPARE(QString(StatusTaxonomy::failureKindKey(FailureKind::Setup)), QStringLiteral("setup"));

    QSet<QString> stageKeys;
    for (Stage stage : {Stage::Scheduled, Stage::InProgress, Stage::Finished})
        stageKeys.insert(QString(StatusTaxonomy::stageKey(stage)));
    QCOMPARE(stageKeys.size(), StageCount);
    QVERIFY(!stageKeys.contains(QString()));
}

void TestStatusTaxonomy::lightPaletteMatchesDesign_data()
{
    QTest::addColumn<PaletteClass>("paletteClass");
    QTest::addColumn<quint32>("fill");
    QTest::addColumn<quint32>("border");
    QTest::addColumn<quint32>("text");
    QTest::addColumn<quint32>("solid");

    // DESIGN.md §3.3, "badge fill / border / text (light)" and "solid (charts)".
    QTest::newRow("test failure") << PaletteClass::TestFailure << 0xDB3030u << 0x970606u << 0xFFFFFFu << 0xDB3030u;
    QTest::newRow("known issue") << PaletteClass::KnownIssue << 0xFFEAE5u << 0xDB3030u << 0x970606u << 0xFF6960u;
    QTest::newRow("system failure") << PaletteClass::SystemFailure << 0x5E0C9Eu << 0x3B0764u << 0xFFFFFFu << 0x5E0C9Eu;
    QTest::newRow("setup failure") << PaletteClass::SetupFailure << 0xF1D4FDu << 0xB45AF2u << 0x5E0C9Eu << 0xC79BF2u;
    QTest::newRow("success") << PaletteClass::Success << 0xE3FCF7u << 0xC0FAE6u << 0x00684Au << 0x00A35Cu;
    QTest::newRow("in progress") << PaletteClass::InProgress << 0xFEF7DBu << 0xFFEC9Eu << 0x944F01u << 0xFFC010u;
    QTest::newRow("scheduled") << PaletteClass::Scheduled << 0x3D4F58u << 0x1C2D38u << 0xFFFFFFu << 0x5C6C75u;
    QTest::newRow("muted") << PaletteClass::Muted << 0xF9FBFAu << 0xE8EDEBu << 0x5C6C75u << 0xC1C7C6u;
}

void TestStatusTaxonomy::lightPaletteMatchesDesign()
{
    QFETCH(PaletteClass, paletteClass);
    QFETCH(quint32, fill);
    QFETCH(quint32, border);
    QFETCH(quint32, text);
    QFETCH(quint32, solid);

    const BadgeColors colors = StatusPalette::colors(paletteClass, Theme::Light);
    QCOMPARE(hex(colors.fill), hex(fill));
    QCOMPARE(hex(colors.border), hex(border));
    QCOMPARE(hex(colors.text), hex(text));
    QCOMPARE(hex(colors.solid), hex(solid));
}

void TestStatusTaxonomy::contrastRatio_data()
{
    QTest::addColumn<quint32>("a");
    QTest::addColumn<quint32>("b");
    QTest::addColumn<double>("expected");

    // Reference values of the WCAG 2.x formula (WebAIM's checker gives the same).
    QTest::newRow("black on white") << 0x000000u << 0xFFFFFFu << 21.0;
    QTest::newRow("white on black") << 0xFFFFFFu << 0x000000u << 21.0;
    QTest::newRow("same white") << 0xFFFFFFu << 0xFFFFFFu << 1.0;
    QTest::newRow("same black") << 0x000000u << 0x000000u << 1.0;
    QTest::newRow("same red") << 0xDB3030u << 0xDB3030u << 1.0;
    QTest::newRow("#767676 on white (smallest AA grey)") << 0x767676u << 0xFFFFFFu << 4.54;
    QTest::newRow("#777777 on white (just fails AA)") << 0x777777u << 0xFFFFFFu << 4.48;
    QTest::newRow("red on white") << 0xFF0000u << 0xFFFFFFu << 4.00;
    QTest::newRow("blue on white") << 0x0000FFu << 0xFFFFFFu << 8.59;
    QTest::newRow("green on black") << 0x00FF00u << 0x000000u << 15.30;
    QTest::newRow("grey on black") << 0x808080u << 0x000000u << 5.32;
}

void TestStatusTaxonomy::contrastRatio()
{
    QFETCH(quint32, a);
    QFETCH(quint32, b);
    QFETCH(double, expected);

    const double ratio = StatusPalette::contrastRatio(a, b);
    QVERIFY2(std::abs(ratio - expected) < 0.006,
             qPrintable(QStringLiteral("%1 vs %2: %3, expected %4")
                            .arg(hex(a), hex(b)).arg(ratio).arg(expected)));
    QVERIFY(std::abs(StatusPalette::contrastRatio(b, a) - ratio) < 1e-12);

    // Luminance anchors of the same formula.
    QVERIFY(std::abs(StatusPalette::relativeLuminance(0xFFFFFF) - 1.0) < 1e-9);
    QVERIFY(std::abs(StatusPalette::relativeLuminance(0x000000)) < 1e-9);
    QVERIFY(std::abs(StatusPalette::relativeLuminance(0xFF0000) - 0.2126) < 1e-9);
    QVERIFY(std::abs(StatusPalette::relativeLuminance(0x00FF00) - 0.7152) < 1e-9);
    QVERIFY(std::abs(StatusPalette::relativeLuminance(0x0000FF) - 0.0722) < 1e-9);
}

void TestStatusTaxonomy::badgeContrast_data()
{
    QTest::addColumn<PaletteClass>("paletteClass");
    QTest::addColumn<Theme>("theme");
    static const char *const names[PaletteClassCount] = {
        "test failure", "known issue", "system failure", "setup failure",
        "success", "in progress", "scheduled", "muted",
    };
    for (Theme theme : {Theme::Light, Theme::Dark}) {
        for (int i = 0; i < PaletteClassCount; ++i) {
            QTest::addRow("%s, %s", names[i], theme == Theme::Light ? "light" : "dark")
                << PaletteClass(i) << theme;
        }
    }
}

void TestStatusTaxonomy::badgeContrast()
{
    QFETCH(PaletteClass, paletteClass);
    QFETCH(Theme, theme);

    // §3.3: "Text on every badge must reach a WCAG contrast of 4.5:1, in a light and a dark
    // palette."
    const BadgeColors colors = StatusPalette::colors(paletteClass, theme);
    const double ratio = StatusPalette::contrastRatio(colors.text, colors.fill);
    const QString what = QStringLiteral("text %1 on fill %2: %3")
                             .arg(hex(colors.text), hex(colors.fill)).arg(ratio, 0, 'f', 2);
    QVERIFY2(ratio >= 4.5, qPrintable(what));
    QVERIFY2(wcagContrast(colors.text, colors.fill) >= 4.5, qPrintable(what));
    QVERIFY2(std::abs(ratio - wcagContrast(colors.text, colors.fill)) < 0.01, qPrintable(what));
}

void TestStatusTaxonomy::failureColoursDistinct_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::newRow("light") << Theme::Light;
    QTest::newRow("dark") << Theme::Dark;
}

void TestStatusTaxonomy::failureColoursDistinct()
{
    QFETCH(Theme, theme);

    // §3.3: test red, system purple and setup lavender must never be confused.
    const BadgeColors test = StatusPalette::colors(PaletteClass::TestFailure, theme);
    const BadgeColors system = StatusPalette::colors(PaletteClass::SystemFailure, theme);
    const BadgeColors setup = StatusPalette::colors(PaletteClass::SetupFailure, theme);
    const BadgeColors known = StatusPalette::colors(PaletteClass::KnownIssue, theme);
    QVERIFY(test.fill != system.fill);
    QVERIFY(test.fill != setup.fill);
    QVERIFY(system.fill != setup.fill);
    QVERIFY(test.solid != system.solid);
    QVERIFY(test.solid != setup.solid);
    QVERIFY(system.solid != setup.solid);
    QVERIFY(known.fill != system.fill);
    QVERIFY(known.fill != setup.fill);

    // The statuses of each kind resolve to those colours, in both systems.
    auto fillOf = [theme](Status status) { return StatusPalette::colors(status, theme).fill; };
    QCOMPARE(hex(fillOf(evg(EvgStatus::Failed))), hex(test.fill));
    QCOMPARE(hex(fillOf(evg(EvgStatus::SystemFailed))), hex(system.fill));
    QCOMPARE(hex(fillOf(evg(EvgStatus::SetupFailed))), hex(setup.fill));
    QCOMPARE(hex(fillOf(mar(MarStatus::Failed))), hex(test.fill));
    QCOMPARE(hex(fillOf(mar(MarStatus::Dropped))), hex(system.fill));
    QCOMPARE(hex(fillOf(mar(MarStatus::Error))), hex(setup.fill));
    QVERIFY(fillOf(evg(EvgStatus::Failed)) != fillOf(evg(EvgStatus::SystemFailed)));
    QVERIFY(fillOf(evg(EvgStatus::SystemFailed)) != fillOf(evg(EvgStatus::SetupFailed)));
    QVERIFY(fillOf(evg(EvgStatus::Failed)) != fillOf(evg(EvgStatus::SetupFailed)));
}

QTEST_GUILESS_MAIN(TestStatusTaxonomy)
#include "tst_statustaxonomy.moc"
