// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionindicator.h"

#include "domain/isotime.h"

ConnectionIndicator::ConnectionIndicator(const QString &name, QWidget *parent)
    : QLabel(parent)
    , m_name(name)
{
    setTextFormat(Qt::RichText);
    refresh();
}

void ConnectionIndicator::setStatus(const ConnectionStatus &status)
{
    m_status = status;
    refresh();
}

void ConnectionIndicator::refresh()
{
    using State = ConnectionStatus::State;
    QString dot;
    switch (m_status.state) {
    case State::Live:
    case State::Polling:
        dot = QStringLiteral("#00A35C");
        break;
    case State::Connecting:
    case State::Reconnecting:
    case State::Stale:
        dot = QStringLiteral("#E08A00");
        break;
    case State::Failed:
        dot = QStringLiteral("#DB3030");
        break;
    case State::Idle:
        dot = QStringLiteral("#889397");
        break;
    }
    const QString text = m_status.text(IsoTime::now());
    setText(QStringLiteral("<span style=\"color:%1\">●</span> %2: %3")
                .arg(dot, m_name.toHtmlEscaped(), text.toHtmlEscaped()));
    setToolTip(m_name + QStringLiteral("\n") + text);
}
