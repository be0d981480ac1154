// SPDX-License-Identifier: GPL-3.0-or-later
#include "querylineedit.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>

QueryLineEdit::QueryLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("searchField"));
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Search: words, status:failed, -group:/web, priority:>50, \"disk full\"  (Ctrl+F)"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, [this] { emit queryChanged(text()); });
    connect(this, &QLineEdit::textEdited, this, [this] { m_debounce.start(); });
    // The clear button does not count as editing.
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_debounce.start();
    });
}

void QueryLineEdit::applyNow()
{
    m_debounce.stop();
    emit queryChanged(text());
}

void QueryLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        applyNow();
        return;
    }
    if (event->key() == Qt::Key_Escape && !text().isEmpty()) {
        clear();
        applyNow();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void QueryLineEdit::setError(const QString &message, int position, int length)
{
    m_errorMessage = position >= 0 ? message : QString();
    m_errorPosition = position;
    m_errorLength = length;
    setToolTip(m_errorMessage);
    update();
}

int QueryLineEdit::xForPosition(int position) const
{
    // QLineEdit keeps its scroll offset private; cursorPositionAt() knows it, so search
    // for the first x that maps to the position.
    int low = 0;
    int high = width();
    while (low < high) {
        const int middle = (low + high) / 2;
        if (const_cast<QueryLineEdit *>(this)->cursorPositionAt(QPoint(middle, height() / 2)) < position)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

void QueryLineEdit::paintEvent(QPaintEvent *event)
{
    QLineEdit::paintEvent(event);
    if (m_errorPosition < 0)
        return;
    const int textLength = int(text().size());
    const int from = std::min(m_errorPosition, textLength);
    const int to = std::min(m_errorPosition + m_errorLength, textLength);
    int x1 = xForPosition(from);
    int x2 = to > from ? xForPosition(to) : x1 + fontMetrics().horizontalAdvance(QLatin1Char('m'));
    if (x2 - x1 < 6)
        x2 = x1 + 6;
    const int y = height() / 2 + fontMetrics().ascent() / 2 + 3;
    QPainterPath wave;
    wave.moveTo(x1, y);
    for (int x = x1; x < x2; x += 4) {
        wave.lineTo(x + 2, y + 2);
        wave.lineTo(x + 4, y);
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0xDB, 0x30, 0x30), 1.3));
    painter.drawPath(wave);
}
