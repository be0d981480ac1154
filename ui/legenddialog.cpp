// SPDX-License-Identifier: GPL-3.0-or-later
#include "legenddialog.h"

#include "badgepainter.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {
QPixmap badgePixmap(Status status, Theme theme, const QFont &font, qreal ratio)
{
    const QSize size = BadgePainter::sizeHint(font, status) + QSize(6, 6);
    QPixmap pixmap(size * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setFont(font);
    BadgePainter::paint(&painter, QRect(QPoint(0, 0), size), status, theme);
    return pixmap;
}

struct Group
{
    PaletteClass palette;
    const char *title;
    const char *meaning;
};

const Group groups[] = {
    {PaletteClass::TestFailure, QT_TRANSLATE_NOOP("LegendDialog", "Test failure — red"),
     QT_TRANSLATE_NOOP("LegendDialog", "The task's own work failed: tests, a command, a timeout it ran into.")},
    {PaletteClass::KnownIssue, QT_TRANSLATE_NOOP("LegendDialog", "Known issue"),
     QT_TRANSLATE_NOOP("LegendDialog", "A test failure somebody already linked to an issue.")},
    {PaletteClass::SystemFailure, QT_TRANSLATE_NOOP("LegendDialog", "System failure — purple"),
     QT_TRANSLATE_NOOP("LegendDialog", "The infrastructure failed: host lost, agent unreachable, system command failed.")},
    {PaletteClass::SetupFailure, QT_TRANSLATE_NOOP("LegendDialog", "Setup failure — lavender"),
     QT_TRANSLATE_NOOP("LegendDialog", "The task could not be set up, or its description is invalid.")},
    {PaletteClass::InProgress, QT_TRANSLATE_NOOP("LegendDialog", "In progress"),
     QT_TRANSLATE_NOOP("LegendDialog", "Running, or stopping after an abort or kill.")},
    {PaletteClass::Scheduled, QT_TRANSLATE_NOOP("LegendDialog", "Scheduled"),
     QT_TRANSLATE_NOOP("LegendDialog", "Waiting to run.")},
    {PaletteClass::Success, QT_TRANSLATE_NOOP("LegendDialog", "Success"),
     QT_TRANSLATE_NOOP("LegendDialog", "Finished without a failure.")},
    {PaletteClass::Muted, QT_TRANSLATE_NOOP("LegendDialog", "Parked, stopped or blocked"),
     QT_TRANSLATE_NOOP("LegendDialog", "Unscheduled, aborted, killed, or waiting for a dependency.")},
};
} // namespace

LegendDialog::LegendDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("legend"));
    setWindowTitle(tr("Status legend"));
    const Theme theme = UiTheme::themeOf(palette());
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setVerticalSpacing(4);
    int row = 0;
    for (const Group &group : groups) {
        auto *title = new QLabel(QStringLiteral("<b>%1</b><br><span>%2</span>").arg(tr(group.title), tr(group.meaning)));
        title->setWordWrap(true);
        grid->addWidget(title, row, 0, 1, 2);
        ++row;
        QStringList seen;
        auto *badges = new QHBoxLayout;
        badges->setSpacing(2);
        for (int i = 1; i < StatusTaxonomy::count(); ++i) {
            const auto status = Status(i);
            const StatusInfo &info = StatusTaxonomy::info(status);
            const QString label = StatusTaxonomy::label(status);
            if (info.palette != group.palette || seen.contains(label))
                continue;
            seen.append(label);
            auto *badge = new QLabel;
            badge->setPixmap(badgePixmap(status, theme, font(), devicePixelRatioF()));
            badge->setToolTip(QStringLiteral("%1 (%2)").arg(label, QString(info.key)));
            badges->addWidget(badge);
        }
        badges->addStretch();
        grid->addLayout(badges, row, 0, 1, 2);
        ++row;
    }
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(new QLabel(tr("Colour is never the only cue: every status has its own glyph and label."), this));
    layout->addWidget(buttons);
    resize(720, 640);
}
