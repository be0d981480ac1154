// SPDX-License-Identifier: GPL-3.0-or-later
#include "tasktableview.h"

#include "itemmodels/taskcolumns.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "store/taskstore.h"
#include "taskitemdelegate.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace {
const QString LayoutKey = QStringLiteral("table/header");
constexpr int FlashFrameMs = 60;

// Columns hidden until the user asks for them: the stage is the badge's colour already and
// the id is long; both stay one right-click away.
bool hiddenByDefault(int column)
{
    return column == TaskColumn::Id || column == TaskColumn::Stage;
}

int defaultWidth(int column)
{
    switch (column) {
    case TaskColumn::Status: return 170;
    case TaskColumn::Name: return 230;
    case TaskColumn::Id: return 320;
    case TaskColumn::Group: return 170;
    case TaskColumn::Source: return 80;
    case TaskColumn::Kind: return 120;
    case TaskColumn::Priority: return 60;
    case TaskColumn::Host: return 190;
    case TaskColumn::Health: return 80;
    case TaskColumn::Started:
    case TaskColumn::Updated: return 90;
    case TaskColumn::Duration: return 90;
    default: return 120;
    }
}
} // namespace

TaskTableView::TaskTableView(TaskFilterModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("taskTable"));
    setModel(model);
    TaskStore *store = model->tableModel()->store();
    m_delegate = new TaskItemDelegate([store] { return store->clock(); }, this);
    setItemDelegate(m_delegate);

    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    setWordWrap(false);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &position) { emit contextMenuWanted(viewport()->mapToGlobal(position)); });

    // A fixed row height lets the view skip measuring a million rows.
    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);
    rows->hide();

    QHeaderView *columns = horizontalHeader();
    columns->setSectionsMovable(true);
    columns->setHighlightSections(false);
    columns->setStretchLastSection(true);
    columns->setSortIndicatorShown(true);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this, &TaskTableView::showHeaderMenu);
    resetLayout();
    restoreLayout();

    m_flashTimer.setInterval(FlashFrameMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        viewport()->update();
        if (--m_flashTicksLeft <= 0)
            m_flashTimer.stop();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &TaskTableView::startFlashing);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TaskTableView::startFlashing);
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, viewport(), qOverload<>(&QWidget::update));
    m_clockTimer.start();
}

void TaskTableView::startFlashing()
{
    m_flashTicksLeft = TaskItemDelegate::FlashMs / FlashFrameMs + 1;
    if (!m_flashTimer.isActive())
        m_flashTimer.start();
}


void TaskTableView::resetLayout()
{
    // What to read first on the left: why, what, where, then the Evergreen-only priority
    // and the times.
    static const TaskColumn::Column order[] = {
        TaskColumn::Status,  TaskColumn::Name,     TaskColumn::Group,   TaskColumn::Kind,
        TaskColumn::Host,    TaskColumn::Health,   TaskColumn::Priority, TaskColumn::Started,
        TaskColumn::Duration, TaskColumn::Updated, TaskColumn::Source,  TaskColumn::Stage,
        TaskColumn::Id,      TaskColumn::Message,
    };
    static_assert(std::size(order) == TaskColumn::Count);
    QHeaderView *columns = horizontalHeader();
    for (int visual = 0; visual < TaskColumn::Count; ++visual) {
        const int column = order[visual];
        columns->moveSection(columns->visualIndex(column), visual);
        setColumnHidden(column, hiddenByDefault(column));
        setColumnWidth(column, defaultWidth(column));
    }
    sortByColumn(TaskColumn::Status, Qt::AscendingOrder);
}

void TaskTableView::saveLayout() const
{
    QSettings().setValue(LayoutKey, horizontalHeader()->saveState());
}

void TaskTableView::restoreLayout()
{
    const QByteArray state = QSettings().value(LayoutKey).toByteArray();
    if (!state.isEmpty())
        horizontalHeader()->restoreState(state);
}

void TaskTableView::showHeaderMenu(const QPoint &position)
{
    QMenu menu(this);
    for (int column = 0; column < TaskColumn::Count; ++column) {
        QAction *action = menu.addAction(TaskColumn::title(TaskColumn::Column(column)));
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        // The status badge is the point of the table; it cannot be hidden.
        action->setEnabled(column != TaskColumn::Status);
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            setColumnHidden(column, !on);
            saveLayout();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset Columns"), this, [this] {
        resetLayout();
        saveLayout();
    });
    menu.exec(horizontalHeader()->viewport()->mapToGlobal(position));
}
