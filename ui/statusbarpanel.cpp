// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusbarpanel.h"

#include "connectionindicator.h"
#include "itemmodels/taskfiltermodel.h"
#include "session/session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

StatusBarPanel::StatusBarPanel(Session *session, TaskFilterModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_proxy(proxy)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(16);
    const QList<Backend *> backends = session->backends();
    for (int connection = 0; connection < backends.size(); ++connection) {
        auto *indicator = new ConnectionIndicator(backends[connection]->displayName(), this);
        indicator->setObjectName(QStringLiteral("connection-%1").arg(connection));
        indicator->setStatus(backends[connection]->connectionStatus());
        m_indicators.append(indicator);
        layout->addWidget(indicator);
    }
    connect(session, &Session::connectionChanged, this, [this](int connection, const ConnectionStatus &status) {
        if (ConnectionIndicator *indicator = m_indicators.value(connection))
            indicator->setStatus(status);
    });
    layout->addStretch();
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("eventRate"));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("taskCounts"));
    layout->addWidget(m_rate);
    layout->addWidget(m_counts);
    connect(proxy, &QAbstractItemModel::rowsInserted, this, &StatusBarPanel::refreshCounts);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &StatusBarPanel::refreshCounts);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &StatusBarPanel::refreshCounts);
    connect(proxy, &QAbstractItemModel::modelReset, this, &StatusBarPanel::refreshCounts);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StatusBarPanel::tick);
    m_timer.start();
    tick();
}

QString StatusBarPanel::countsText() const
{
    const StatusCounts &counts = m_session->store()->counts();
    const QLocale locale;
    QString text = tr("%1 tasks · %2 problems").arg(locale.toString(counts.total()), locale.toString(counts.problems()));
    if (m_proxy->rowCount() != counts.total())
        text += tr(" · %1 shown").arg(locale.toString(m_proxy->rowCount()));
    return text;
}

void StatusBarPanel::refreshCounts()
{
    m_counts->setText(countsText());
}

void StatusBarPanel::tick()
{
    for (ConnectionIndicator *indicator : std::as_const(m_indicators))
        indicator->refresh();
    m_rate->setText(tr("%1 events/s").arg(m_session->eventRate(), 0, 'f', 1));
    refreshCounts();
}
