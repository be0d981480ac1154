// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewwidget.h"

#include "domain/isotime.h"
#include "domain/statuspalette.h"
#include "session/session.h"
#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QValueAxis>

namespace {
constexpr int SampleMs = 2000;
constexpr int TopGroups = 8;

QColor solid(PaletteClass paletteClass)
{
    return UiTheme::color(StatusPalette::colors(paletteClass, UiTheme::current()).solid);
}

QLineSeries *lineSeries(const QString &name, const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color, 2);
    series->setPen(pen);
    return series;
}

// The failure kinds the charts show, in the colour of their badges.
const std::pair<FailureKind, PaletteClass> failureKinds[] = {
    {FailureKind::Test, PaletteClass::TestFailure},
    {FailureKind::System, PaletteClass::SystemFailure},
    {FailureKind::Setup, PaletteClass::SetupFailure},
};
} // namespace

OverviewWidget::OverviewWidget(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_history(int(10 * 60 * 1000 / SampleMs))
{
    setObjectName(QStringLiteral("overview"));

    // Tasks over time.
    auto *timeline = new QChart;
    timeline->setTitle(tr("Tasks over the last 10 minutes"));
    const std::pair<Stage, PaletteClass> stages[] = {{Stage::Scheduled, PaletteClass::Scheduled},
                                                      {Stage::InProgress, PaletteClass::InProgress}};
    for (const auto &[stage, paletteClass] : stages) {
        QLineSeries *series = lineSeries(StatusTaxonomy::stageName(stage), solid(paletteClass));
        m_stageSeries.append(series);
        timeline->addSeries(series);
    }
    for (const auto &[kind, paletteClass] : failureKinds) {
        QLineSeries *series = lineSeries(StatusTaxonomy::failureKindName(kind), solid(paletteClass));
        m_kindSeries.append(series);
        timeline->addSeries(series);
    }
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_timeAxis->setTickCount(4);
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    timeline->addAxis(m_timeAxis, Qt::AlignBottom);
    timeline->addAxis(m_countAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : timeline->series()) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_countAxis);
    }

    // Failures by kind: one set per kind, so each bar has its badge colour and a legend.
    auto *kinds = new QChart;
    kinds->setTitle(tr("Failures by kind"));
    kinds->setToolTip(tr("Click a bar to show only that kind of failure"));
    m_kindBars = new QBarSeries;
    for (const auto &[kind, paletteClass] : failureKinds) {
        // Short names: the bars are narrow and the legend says "failure" for all three.
        const QString shortName = kind == FailureKind::Test ? tr("Test")
            : kind == FailureKind::System                    ? tr("System")
                                                             : tr("Setup");
        auto *set = new QBarSet(shortName);
        set->setColor(solid(paletteClass));
        set->setBorderColor(solid(paletteClass));
        set->append(0);
        const FailureKind clickedKind = kind;
        connect(set, &QBarSet::clicked, this, [this, clickedKind] { emit kindClicked(clickedKind); });
        m_kindBars->append(set);
    }
    kinds->addSeries(m_kindBars);
    auto *kindCategories = new QBarCategoryAxis;
    kindCategories->append(tr("now"));
    m_kindAxis = new QValueAxis;
    m_kindAxis->setLabelFormat(QStringLiteral("%d"));
    kinds->addAxis(kindCategories, Qt::AlignBottom);
    kinds->addAxis(m_kindAxis, Qt::AlignLeft);
    m_kindBars->attachAxis(kindCategories);
    m_kindBars->attachAxis(m_kindAxis);

    // Problems by group.
    auto *groups = new QChart;
    groups->setTitle(tr("Groups with the most problems"));
    groups->setToolTip(tr("Click a bar to show only that group"));
    m_groupBars = new QHorizontalBarSeries;
    auto *groupSet = new QBarSet(tr("Problems"));
    groupSet->setColor(solid(PaletteClass::TestFailure));
    groupSet->setBorderColor(solid(PaletteClass::TestFailure));
    connect(groupSet, &QBarSet::clicked, this, [this](int index) {
        if (index >= 0 && index < m_groups.size())
            emit groupClicked(m_groups[index]);
    });
    m_groupBars->append(groupSet);
    groups->addSeries(m_groupBars);
    m_groupAxis = new QBarCategoryAxis;
    m_groupValueAxis = new QValueAxis;
    m_groupValueAxis->setLabelFormat(QStringLiteral("%d"));
    groups->addAxis(m_groupAxis, Qt::AlignLeft);
    groups->addAxis(m_groupValueAxis, Qt::AlignBottom);
    m_groupBars->attachAxis(m_groupAxis);
    m_groupBars->attachAxis(m_groupValueAxis);
    groups->legend()->hide();

    // Event rate.
    auto *rate = new QChart;
    rate->setTitle(tr("Events per second"));
    m_rate = lineSeries(tr("events/s"), palette().color(QPalette::Highlight));
    rate->addSeries(m_rate);
    m_rateTimeAxis = new QDateTimeAxis;
    m_rateTimeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    m_rateTimeAxis->setTickCount(4);
    m_rateAxis = new QValueAxis;
    m_rateAxis->setLabelFormat(QStringLiteral("%.0f"));
    rate->addAxis(m_rateTimeAxis, Qt::AlignBottom);
    rate->addAxis(m_rateAxis, Qt::AlignLeft);
    m_rate->attachAxis(m_rateTimeAxis);
    m_rate->attachAxis(m_rateAxis);
    rate->legend()->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(makeView(timeline), 0, 0);
    grid->addWidget(makeView(kinds), 0, 1);
    grid->addWidget(makeView(groups), 0, 2);
    grid->addWidget(makeView(rate), 0, 3);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 2);
    grid->setColumnStretch(3, 2);

    m_timer.setInterval(SampleMs);
    connect(&m_timer, &QTimer::timeout, this, &OverviewWidget::sample);
    m_timer.start();
    sample();
}

QChartView *OverviewWidget::makeView(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(UiTheme::current() == Theme::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    QFont title = chart->titleFont();
    title.setPointSizeF(font().pointSizeF());
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setFont(font());
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    // The chart theme recolours series; the badge colours win.
    const QList<QLineSeries *> lines = m_stageSeries + m_kindSeries;
    const PaletteClass classes[] = {PaletteClass::Scheduled, PaletteClass::InProgress, PaletteClass::TestFailure,
                                    PaletteClass::SystemFailure, PaletteClass::SetupFailure};
    for (int i = 0; i < lines.size() && chart->series().contains(lines[i]); ++i)
        lines[i]->setPen(QPen(solid(classes[i]), 2));
    if (chart->series().contains(m_kindBars)) {
        for (int i = 0; i < m_kindBars->count(); ++i) {
            m_kindBars->barSets()[i]->setColor(solid(failureKinds[i].second));
            m_kindBars->barSets()[i]->setBorderColor(solid(failureKinds[i].second));
        }
    }
    if (chart->series().contains(m_groupBars)) {
        m_groupBars->barSets().first()->setColor(solid(PaletteClass::TestFailure));
        m_groupBars->barSets().first()->setBorderColor(solid(PaletteClass::TestFailure));
    }
    return view;
}

void OverviewWidget::sample()
{
    m_history.record(IsoTime::now(), m_session->store()->counts(), m_session->eventRate());
    updateTimeline();
    updateBars();
}

void OverviewWidget::updateTimeline()
{
    const auto &samples = m_history.samples();
    if (samples.empty())
        return;
    QList<QList<QPointF>> stagePoints(m_stageSeries.size()), kindPoints(m_kindSeries.size());
    QList<QPointF> ratePoints;
    for (const CountsHistory::Sample &s : samples) {
        const qreal x = qreal(s.at);
        stagePoints[0].append({x, qreal(s.stages[size_t(Stage::Scheduled)])});
        stagePoints[1].append({x, qreal(s.stages[size_t(Stage::InProgress)])});
        for (int i = 0; i < m_kindSeries.size(); ++i)
            kindPoints[i].append({x, qreal(s.kinds[size_t(failureKinds[i].first)])});
        ratePoints.append({x, s.eventsPerSecond});
    }
    for (int i = 0; i < m_stageSeries.size(); ++i)
        m_stageSeries[i]->replace(stagePoints[i]);
    for (int i = 0; i < m_kindSeries.size(); ++i)
        m_kindSeries[i]->replace(kindPoints[i]);
    m_rate->replace(ratePoints);
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(samples.front().at);
    const QDateTime last = QDateTime::fromMSecsSinceEpoch(std::max(samples.back().at, samples.front().at + 60'000));
    m_timeAxis->setRange(first, last);
    m_rateTimeAxis->setRange(first, last);
    m_countAxis->setRange(0, std::max(10, int(m_history.peak() * 1.1)));
    m_countAxis->applyNiceNumbers();
    m_rateAxis->setRange(0, std::max(10.0, m_history.peakRate() * 1.1));
    m_rateAxis->applyNiceNumbers();
}

void OverviewWidget::updateBars()
{
    const StatusCounts &counts = m_session->store()->counts();
    int peak = 10;
    for (int i = 0; i < m_kindBars->count(); ++i) {
        const int count = counts.kind(failureKinds[i].first);
        m_kindBars->barSets()[i]->replace(0, count);
        peak = std::max(peak, count);
    }
    m_kindAxis->setRange(0, peak * 1.1);
    m_kindAxis->applyNiceNumbers();

    const QList<std::pair<InternedString, int>> top = counts.topProblemGroups(TopGroups);
    QStringList names;
    QList<InternedString> groups;
    QList<qreal> values;
    // Largest at the top: horizontal bars draw the first category at the bottom.
    for (auto it = top.crbegin(); it != top.crend(); ++it) {
        groups.append(it->first);
        names.append(it->first.isEmpty() ? tr("(none)") : it->first.toString());
        values.append(it->second);
    }
    QBarSet *set = m_groupBars->barSets().first();
    if (names != m_groupNames) {
        m_groupAxis->clear();
        m_groupAxis->append(names.isEmpty() ? QStringList{tr("no problems")} : names);
        m_groupNames = names;
    }
    m_groups = groups;
    set->remove(0, set->count());
    set->append(values.isEmpty() ? QList<qreal>{0} : values);
    m_groupValueAxis->setRange(0, std::max<qreal>(10, top.isEmpty() ? 0 : top.first().second * 1.1));
    m_groupValueAxis->applyNiceNumbers();
}
