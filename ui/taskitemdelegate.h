// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

#include <functional>

// Paints a task row: a fading highlight on rows that just changed, a tint on rows
// unreachable for too long, and the status column as a badge. Everything comes from the
// model's roles.
class TaskItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskItemDelegate)

public:
    static constexpr int FlashMs = 1500;

    // clock: the store's monotonic milliseconds, the time base of TaskRole::ChangedAt.
    explicit TaskItemDelegate(std::function<quint32()> clock, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    std::function<quint32()> m_clock;
};
