// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>
#include <QTimer>

class TaskFilterModel;
class TaskItemDelegate;

// The task table: fixed row height for large models, sortable, columns that can be hidden
// and moved (the layout persists), rows that flash when they change.
class TaskTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTableView)

public:
    explicit TaskTableView(TaskFilterModel *model, QWidget *parent = nullptr);

    void saveLayout() const;
    void restoreLayout();
    void resetLayout();

signals:
    void contextMenuWanted(const QPoint &globalPosition);

private:
    void showHeaderMenu(const QPoint &position);
    void startFlashing();

    TaskFilterModel *m_model;
    TaskItemDelegate *m_delegate;
    QTimer m_flashTimer;     // repaints while rows fade
    QTimer m_clockTimer;     // durations and "unreachable for" move on
    int m_flashTicksLeft = 0;
};
