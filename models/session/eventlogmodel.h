// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/logentry.h"

#include <QAbstractTableModel>

#include <deque>

// The event log as a table (time, severity, origin, text), newest last. It keeps a bounded
// number of entries and drops the oldest in blocks, so a flood of garbage from a server
// cannot grow memory without limit.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum Column { Time, Severity, Origin, Text, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1, CategoryRole, TimestampRole };

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void append(const LogEntry &entry);
    const LogEntry &entry(int row) const { return m_entries[size_t(row)]; }

    static QString severityName(LogEntry::Severity severity);

signals:
    void entryAdded(const LogEntry &entry);

private:
    std::deque<LogEntry> m_entries;
    // Enough for an incident's worth of history; the oldest tenth goes when it is full.
    static constexpr int Capacity = 10000;
};
