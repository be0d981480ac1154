// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskitemdelegate.h"

#include "badgepainter.h"
#include "itemmodels/taskcolumns.h"
#include "theme.h"

#include <QPainter>

TaskItemDelegate::TaskItemDelegate(std::function<quint32()> clock, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_clock(std::move(clock))
{
}

void TaskItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const Theme theme = UiTheme::themeOf(option.palette);
    const bool selected = option.state & QStyle::State_Selected;
    if (!selected) {
        if (index.data(TaskRole::Overdue).toBool())
            painter->fillRect(option.rect, UiTheme::overdueTint(theme));
        const quint32 changedAt = index.data(TaskRole::ChangedAt).toUInt();
        if (changedAt != 0) {
            const quint32 age = m_clock() - changedAt;
            if (age < quint32(FlashMs)) {
                QColor tint = UiTheme::flashTint(theme);
                tint.setAlphaF(tint.alphaF() * (1.0 - double(age) / FlashMs));
                painter->fillRect(option.rect, tint);
            }
        }
    }
    if (index.column() != TaskColumn::Status) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The status column: the selection background, then the badge instead of text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString label = std::exchange(background.text, {});   // the badge draws it
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (style)
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    const auto status = Status(index.data(TaskRole::Status).toInt());
    painter->save();
    painter->setFont(option.font);
    BadgePainter::paint(painter, option.rect.adjusted(2, 0, -2, 0), status, theme,
                        label);
    painter->restore();
}

QSize TaskItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != TaskColumn::Status)
        return QStyledItemDelegate::sizeHint(option, index);
    const auto status = Status(index.data(TaskRole::Status).toInt());
    return BadgePainter::sizeHint(option.font, status, index.data(Qt::DisplayRole).toString())
        + QSize(8, 0);
}
