// SPDX-License-Identifier: GPL-3.0-or-later
#include "toastwidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ToastWidget::ToastWidget(QWidget *anchor, QWidget *parent)
    : QFrame(parent)
    , m_anchor(anchor)
    , m_summary(new QLabel(this))
    , m_body(new QLabel(this))
{
    setObjectName(QStringLiteral("notificationToast"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_body->setWordWrap(true);
    m_body->setMaximumWidth(380);

    auto *show = new QPushButton(tr("Show"), this);
    show->setObjectName(QStringLiteral("toastShow"));
    auto *close = new QPushButton(tr("Dismiss"), this);
    close->setObjectName(QStringLiteral("toastDismiss"));
    connect(show, &QPushButton::clicked, this, [this] {
        emit showTasksRequested(m_current.key, m_current.taskIds);
        dismiss();
    });
    connect(close, &QPushButton::clicked, this, &ToastWidget::dismiss);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(show);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_body);
    layout->addLayout(buttons);

    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(15'000);
    // Timing out is not a dismissal: like a desktop bubble that went to the tray, the burst
    // goes on and its next update shows again.
    connect(&m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    anchor->installEventFilter(this);
    hide();
}

void ToastWidget::showNotification(const Notification &notification)
{
    m_current = notification;
    m_summary->setText(notification.summary);
    m_body->setText(notification.body);
    adjustSize();
    place();
    show();
    raise();
    m_hideTimer.start();
}

void ToastWidget::dismiss()
{
    hide();
    m_hideTimer.stop();
    emit dismissed(m_current.key);
}

bool ToastWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_anchor && (event->type() == QEvent::Resize || event->type() == QEvent::Move) && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

void ToastWidget::place()
{
    constexpr int margin = 16;
    const QPoint corner = m_anchor->mapTo(parentWidget(), QPoint(m_anchor->width(), m_anchor->height()));
    move(corner.x() - width() - margin, corner.y() - height() - margin);
}
