// SPDX-License-Identifier: GPL-3.0-or-later
#include "tasktablemodel.h"

#include "taskformat.h"
#include "store/rowruns.h"
#include "store/taskstore.h"
#include "system/systemregistry.h"

#include <QCoreApplication>

TaskTableModel::TaskTableModel(TaskStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &TaskTableModel::flush);
    // Appended rows are announced by the flush too; the store emits changed() with them.
    connect(store, &TaskStore::changed, this, &TaskTableModel::scheduleFlush);
    connect(store, &TaskStore::rowsAboutToBeRemoved, this, &TaskTableModel::onRowsAboutToBeRemoved);
    connect(store, &TaskStore::rowsRemoved, this, &TaskTableModel::onRowsRemoved);
    // Whatever the store already holds is announced by the first flush.
    if (store->size() > 0)
        scheduleFlush();
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_announcedRows;
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : TaskColumn::Count;
}

const Task &TaskTableModel::task(int row) const
{
    return m_store->at(row);
}

QList<int> TaskTableModel::changedRoles()
{
    return {Qt::DisplayRole, Qt::ToolTipRole, TaskRole::Raw, TaskRole::Status, TaskRole::Stage,
            TaskRole::Kind, TaskRole::ChangedAt, TaskRole::Overdue};
}

void TaskTableModel::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TaskTableModel::flush()
{
    m_flushTimer.stop();
    const int previousRows = m_announcedRows;
    const int storeRows = m_store->size();
    bool announced = false;
    if (storeRows > m_announcedRows) {
        beginInsertRows({}, m_announcedRows, storeRows - 1);
        m_announcedRows = storeRows;
        endInsertRows();
        announced = true;
    }

    // Rows that were inserted just now need no dataChanged of their own.
    std::vector<int> rows = m_store->takeChangedRows();
    rows.erase(std::lower_bound(rows.begin(), rows.end(), previousRows), rows.end());
    if (!rows.empty()) {
        static const QList<int> roles = changedRoles();
        const int lastColumn = TaskColumn::Count - 1;
        if (rows.size() * 2 > size_t(previousRows)) {
            // Most rows changed: one signal is cheaper than many (qBittorrent does the same).
            emit dataChanged(index(rows.front(), 0), index(rows.back(), lastColumn), roles);
        } else {
            for (const auto &[first, length] : contiguousRuns(rows))
                emit dataChanged(index(first, 0), index(first + length - 1, lastColumn), roles);
        }
        announced = true;
    }
    if (announced)
        emit flushed();
}

void TaskTableModel::onRowsAboutToBeRemoved(int first, int last)
{
    // Rows past the announced ones were never seen by the views; they vanish silently.
    if (first >= m_announcedRows) {
        m_removing = 0;
        return;
    }
    const int visibleLast = std::min(last, m_announcedRows - 1);
    beginRemoveRows({}, first, visibleLast);
    m_removing = visibleLast - first + 1;
}

void TaskTableModel::onRowsRemoved()
{
    if (m_removing == 0)
        return;
    m_announcedRows -= m_removing;
    m_removing = 0;
    endRemoveRows();
    emit flushed();
}

void TaskTableModel::setUnreachableThreshold(qint64 milliseconds)
{
    if (m_unreachableThreshold == milliseconds)
        return;
    m_unreachableThreshold = milliseconds;
    if (m_announcedRows > 0) {
        emit dataChanged(index(0, 0), index(m_announcedRows - 1, TaskColumn::Count - 1),
                         {TaskRole::Overdue, Qt::DisplayRole, Qt::ToolTipRole});
    }
}

bool TaskTableModel::isOverdue(int row) const
{
    const Task &task = m_store->at(row);
    if (!task.statusInfo().unreachable || m_unreachableThreshold <= 0)
        return false;
    return m_store->now() - m_store->statusSince(row) >= m_unreachableThreshold;
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto column = TaskColumn::Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case Qt::ToolTipRole:
        if (column == TaskColumn::Message || column == TaskColumn::Id || column == TaskColumn::Group)
            return displayValue(row, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column == TaskColumn::Priority || column == TaskColumn::Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TaskRole::Raw:
        return rawValue(row, column);
    case TaskRole::Status:
        return int(m_store->at(row).status);
    case TaskRole::Stage:
        return int(m_store->at(row).stage());
    case TaskRole::Kind:
        return int(m_store->at(row).failureKind());
    case TaskRole::TaskId:
        return m_store->at(row).id;
    case TaskRole::ChangedAt:
        return m_store->changedAt(row);
    case TaskRole::Overdue:
        return isOverdue(row);
    default:
        return {};
    }
}

QVariant TaskTableModel::displayValue(int row, TaskColumn::Column column) const
{
    const Task &task = m_store->at(row);
    const Timestamp now = m_store->now();
    if (!SystemRegistry::fillsColumn(task.system(), column))
        return {};
    switch (column) {
    case TaskColumn::Status:
        if (task.statusInfo().unreachable) {
            return tr("%1 %2").arg(StatusTaxonomy::label(task.status),
                                   Duration::text(now - m_store->statusSince(row)));
        }
        return StatusTaxonomy::label(task.status);
    case TaskColumn::Name:
        return TaskFormat::displayName(task);
    case TaskColumn::Id:
        return task.idString();
    case TaskColumn::Group:
        return task.group.toString();
    case TaskColumn::Source:
        return TaskFormat::sourceName(task.source);
    case TaskColumn::Stage:
        return StatusTaxonomy::stageName(task.stage());
    case TaskColumn::Kind:
        if (task.failureKind() == FailureKind::None)
            return QString();
        if (task.statusInfo().knownIssue)
            return tr("Test (known issue)");
        return StatusTaxonomy::failureKindName(task.failureKind());
    case TaskColumn::Priority:
        return task.priority;
    case TaskColumn::Host:
        return task.host.toString();
    case TaskColumn::Health:
        return TaskFormat::healthName(task.health);
    case TaskColumn::Started:
        return TaskFormat::time(task.startedAt, now);
    case TaskColumn::Duration:
        return Duration::text(TaskFormat::runTime(task, now));
    case TaskColumn::Updated:
        return TaskFormat::time(task.updatedAt, now);
    case TaskColumn::Message:
        return task.message.toString();
    case TaskColumn::Count:
        break;
    }
    return {};
}

QVariant TaskTableModel::rawValue(int row, TaskColumn::Column column) const
{
    const Task &task = m_store->at(row);
    switch (column) {
    case TaskColumn::Status:
        return int(task.statusInfo().actionRank) * 256 + int(task.status);
    case TaskColumn::Source:
        return int(task.source);
    case TaskColumn::Stage:
        return int(task.stage());
    case TaskColumn::Kind:
        return int(task.failureKind());
    case TaskColumn::Priority:
        return task.priority;
    case TaskColumn::Health:
        return int(task.health);
    case TaskColumn::Started:
        return task.startedAt;
    case TaskColumn::Duration:
        return TaskFormat::runTime(task, m_store->now());
    case TaskColumn::Updated:
        return task.updatedAt;
    default:
        return displayValue(row, column);
    }
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= TaskColumn::Count)
        return {};
    if (role == Qt::DisplayRole)
        return TaskColumn::title(TaskColumn::Column(section));
    return {};
}

QString TaskColumn::title(Column column)
{
    static const char *const titles[] = {
        QT_TRANSLATE_NOOP("TaskColumn", "Status"),  QT_TRANSLATE_NOOP("TaskColumn", "Name"),
        QT_TRANSLATE_NOOP("TaskColumn", "ID"),      QT_TRANSLATE_NOOP("TaskColumn", "Group"),
        QT_TRANSLATE_NOOP("TaskColumn", "Source"),  QT_TRANSLATE_NOOP("TaskColumn", "Stage"),
        QT_TRANSLATE_NOOP("TaskColumn", "Failure"), QT_TRANSLATE_NOOP("TaskColumn", "Priority"),
        QT_TRANSLATE_NOOP("TaskColumn", "Host"),    QT_TRANSLATE_NOOP("TaskColumn", "Health"),
        QT_TRANSLATE_NOOP("TaskColumn", "Started"), QT_TRANSLATE_NOOP("TaskColumn", "Duration"),
        QT_TRANSLATE_NOOP("TaskColumn", "Updated"), QT_TRANSLATE_NOOP("TaskColumn", "Message"),
    };
    static_assert(std::size(titles) == Count);
    return QCoreApplication::translate("TaskColumn", titles[column]);
}

QLatin1StringView TaskColumn::key(Column column)
{
    static constexpr QLatin1StringView keys[] = {
        QLatin1StringView("status"),  QLatin1StringView("name"),     QLatin1StringView("id"),
        QLatin1StringView("group"),   QLatin1StringView("source"),   QLatin1StringView("stage"),
        QLatin1StringView("failure"), QLatin1StringView("priority"), QLatin1StringView("host"),
        QLatin1StringView("health"),  QLatin1StringView("started"),  QLatin1StringView("duration"),
        QLatin1StringView("updated"), QLatin1StringView("message"),
    };
    static_assert(std::size(keys) == Count);
    return keys[column];
}
