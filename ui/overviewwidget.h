// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/internedstring.h"
#include "domain/taskenums.h"
#include "itemmodels/countshistory.h"

#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QBarCategoryAxis;
class QBarSeries;
class QDateTimeAxis;
class QHorizontalBarSeries;
class QLineSeries;
class QValueAxis;
class Session;

// The overview charts: tasks by stage and failure kind over time, failures by kind and by
// group, and the event rate. The only place that knows Qt Charts (deprecated since Qt 6.10
// in favour of Qt Graphs), so replacing it touches this file alone. Series are replaced
// once per tick with animations off, which stays cheap at any event rate.
class OverviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewWidget)

public:
    explicit OverviewWidget(Session *session, QWidget *parent = nullptr);

    const CountsHistory &history() const { return m_history; }
    // Takes a sample and redraws; runs on a timer, public for tests.
    void sample();
    QStringList groupCategories() const { return m_groupNames; }

signals:
    void kindClicked(FailureKind kind);
    void groupClicked(InternedString group);

private:
    QChartView *makeView(QChart *chart);
    void updateTimeline();
    void updateBars();

    Session *m_session;
    CountsHistory m_history;
    QTimer m_timer;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    QList<QLineSeries *> m_stageSeries;
    QList<QLineSeries *> m_kindSeries;
    QDateTimeAxis *m_rateTimeAxis;
    QValueAxis *m_rateAxis;
    QLineSeries *m_rate;
    QBarSeries *m_kindBars;
    QValueAxis *m_kindAxis;
    QHorizontalBarSeries *m_groupBars;
    QBarCategoryAxis *m_groupAxis;
    QValueAxis *m_groupValueAxis;
    QList<InternedString> m_groups;
    QStringList m_groupNames;
};
