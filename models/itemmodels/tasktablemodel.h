// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "taskcolumns.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <vector>

class TaskStore;
struct Task;

// The task table over a TaskStore. Live changes are not announced one by one: the store
// marks rows dirty and this model flushes them on a short timer as ranged dataChanged
// signals with explicit roles, and announces appended rows as one insertion. Removals are
// forwarded as they happen. There is no model reset for live updates.
class TaskTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskTableModel)

public:
    explicit TaskTableModel(TaskStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    TaskStore *store() const { return m_store; }
    const Task &task(int row) const;

    // The roles every flush announces; a proxy's sort and filter roles are among them.
    static QList<int> changedRoles();

    void setFlushInterval(int milliseconds) { m_flushTimer.setInterval(milliseconds); }
    // Announce everything pending now (tests, and before a selection-dependent action).
    void flush();

    // Unreachable Marathon tasks are highlighted after this long (Marathon's docs say it gives
    // up after 15 minutes).
    void setUnreachableThreshold(qint64 milliseconds);
    bool isOverdue(int row) const;

signals:
    // After each flush that announced anything; counts and charts refresh on it.
    void flushed();

private:
    void scheduleFlush();
    void onRowsAboutToBeRemoved(int first, int last);
    void onRowsRemoved();
    QVariant displayValue(int row, TaskColumn::Column column) const;
    QVariant rawValue(int row, TaskColumn::Column column) const;

    TaskStore *m_store;
    QTimer m_flushTimer;
    int m_announcedRows = 0;
    int m_removing = 0;
    qint64 m_unreachableThreshold = 15 * 60 * 1000;
};
