// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlogmodel.h"

#include "itemmodels/taskformat.h"

#include <QDateTime>

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::severityName(LogEntry::Severity severity)
{
    switch (severity) {
    case LogEntry::Severity::Info:
        return tr("Info");
    case LogEntry::Severity::Warning:
        return tr("Warning");
    case LogEntry::Severity::Error:
        return tr("Error");
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = m_entries[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(e.at).toString(QStringLiteral("HH:mm:ss.zzz"));
        case Severity:
            return severityName(e.severity);
        case Origin:
            return e.origin;
        case Text:
            return e.text;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Text ? QVariant(e.text) : QVariant();
    case SeverityRole:
        return int(e.severity);
    case CategoryRole:
        return int(e.category);
    case TimestampRole:
        return e.at;
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Severity:
        return tr("Severity");
    case Origin:
        return tr("Connection");
    case Text:
        return tr("Event");
    }
    return {};
}

void EventLogModel::append(const LogEntry &entry)
{
    if (int(m_entries.size()) >= Capacity) {
        constexpr int drop = Capacity / 10;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    endInsertRows();
    emit entryAdded(entry);
}
