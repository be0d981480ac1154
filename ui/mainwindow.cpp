// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "overviewwidget.h"

#include "actioncontroller.h"
#include "actionresultsdialog.h"
#include "detailspane.h"
#include "eventlogview.h"
#include "filtersidebar.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "legenddialog.h"
#include "querylineedit.h"
#include "session/session.h"
#include "shortcutsheet.h"
#include "statusbarpanel.h"
#include "tasktableview.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(session->isReadOnly() ? tr("taskmon (read-only)") : tr("taskmon"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/taskmon.svg")));

    m_table = new TaskTableModel(session->store(), this);
    m_proxy = new TaskFilterModel(this);
    m_proxy->setSourceModel(m_table);

    m_view = new TaskTableView(m_proxy, this);
    m_sidebar = new FilterSidebar(this);
    m_details = new DetailsPane(session, m_proxy, m_view->selectionModel(), this);
    m_actions = new ActionController(session, m_proxy, m_view->selectionModel(), this);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({220, 980, 400});
    setCentralWidget(splitter);

    m_statusPanel = new StatusBarPanel(session, m_proxy, this);
    statusBar()->addPermanentWidget(m_statusPanel, 1);

    buildToolBar();
    buildDocks();
    buildMenus();

    connect(m_sidebar, &FilterSidebar::facetsChanged, this, [this](const SidebarFacets &facets) {
        m_proxy->setStage(facets.stage);
        m_proxy->setKind(facets.kind);
        m_proxy->setStatuses(facets.statuses);
        m_proxy->setSourceFilter(facets.source);
        m_proxy->setGroup(facets.group);
    });
    connect(m_view, &TaskTableView::contextMenuWanted, this, &MainWindow::showContextMenu);
    connect(m_actions, &ActionController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_actions, &ActionController::resultsReady, this, [this](const ActionOutcome &outcome) {
        const bool failed = std::any_of(outcome.results.cbegin(), outcome.results.cend(),
                                        [](const ActionResult &r) { return !r.ok; });
        if (outcome.results.size() > 1 || failed) {
            auto *dialog = new ActionResultsDialog(outcome, this);
            dialog->show();
        } else if (!outcome.results.isEmpty()) {
            statusBar()->showMessage(tr("%1: done").arg(TaskActions::label(outcome.action)), 6000);
        }
    });

    // Counts follow the table's flushes, at most four times a second.
    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(250);
    connect(&m_countsTimer, &QTimer::timeout, this, &MainWindow::refreshCounts);
    connect(m_table, &TaskTableModel::flushed, this, [this] {
        if (!m_countsTimer.isActive())
            m_countsTimer.start();
    });
    connect(m_proxy, &TaskFilterModel::filterChanged, m_statusPanel, &StatusBarPanel::refreshCounts);

    restoreSettings();
    refreshCounts();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_search = new QueryLineEdit(bar);
    m_search->setMinimumWidth(460);
    m_searchError = new QLabel(bar);
    m_searchError->setObjectName(QStringLiteral("searchError"));
    m_searchError->setStyleSheet(QStringLiteral("color: #DB3030;"));
    m_searchError->setWordWrap(false);
    connect(m_search, &QueryLineEdit::queryChanged, this, &MainWindow::applySearch);
    bar->addWidget(m_search);

    m_problemsOnly = new QAction(tr("Problems only"), this);
    m_problemsOnly->setObjectName(QStringLiteral("action-problems-only"));
    m_problemsOnly->setCheckable(true);
    m_problemsOnly->setShortcut(QKeySequence(Qt::Key_F));
    m_problemsOnly->setStatusTip(tr("Show only failures of any kind and unreachable tasks"));
    m_problemsOnly->setToolTip(tr("Show only failures and unreachable tasks (F)"));
    connect(m_problemsOnly, &QAction::toggled, m_proxy, &TaskFilterModel::setProblemsOnly);
    bar->addAction(m_problemsOnly);
    bar->addWidget(m_searchError);
    bar->addSeparator();
    for (QAction *action : m_actions->allActions())
        bar->addAction(action);
    bar->addSeparator();
    m_legend = bar->addAction(tr("Legend"), this, [this] { (new LegendDialog(this))->show(); });
    m_legend->setObjectName(QStringLiteral("action-legend"));
    m_legend->setStatusTip(tr("What every badge colour and glyph means"));

    m_focusSearch = new QAction(tr("Search"), this);
    m_focusSearch->setShortcut(QKeySequence::Find);
    m_focusSearch->setStatusTip(tr("Go to the search field"));
    connect(m_focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(m_focusSearch);
    addAction(m_actions->stopAction());
    m_shortcuts = new QAction(tr("Keyboard Shortcuts"), this);
    m_shortcuts->setObjectName(QStringLiteral("action-shortcuts"));
    m_shortcuts->setShortcut(QKeySequence(Qt::Key_Question));
    m_shortcuts->setStatusTip(tr("This list"));
    addAction(m_shortcuts);
}

void MainWindow::buildDocks()
{
    m_eventLog = new EventLogView(m_session->eventLog(), this);
    auto *dock = new QDockWidget(tr("Event log"), this);
    dock->setObjectName(QStringLiteral("eventLogDock"));
    dock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, dock);

    auto *overview = new OverviewWidget(m_session, this);
    auto *overviewDock = new QDockWidget(tr("Overview"), this);
    overviewDock->setObjectName(QStringLiteral("overviewDock"));
    overviewDock->setWidget(overview);
    addDockWidget(Qt::BottomDockWidgetArea, overviewDock);
    tabifyDockWidget(overviewDock, dock);
    dock->raise();
    resizeDocks({dock}, {200}, Qt::Vertical);
    connect(overview, &OverviewWidget::kindClicked, this, [this](FailureKind kind) {
        m_sidebar->activate(FilterSidebar::KindSection, QString::number(int(kind)));
    });
    connect(overview, &OverviewWidget::groupClicked, this, [this](InternedString group) {
        m_sidebar->activate(FilterSidebar::GroupSection, QString::number(group.id()));
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_focusSearch);
    view->addAction(m_problemsOnly);
    view->addAction(tr("Clear Filters"), this, [this] {
        m_sidebar->clearFacets();
        m_search->clear();
        m_search->applyNow();
        m_problemsOnly->setChecked(false);
    });
    QAction *refresh = view->addAction(tr("&Refresh"), m_session, &Session::refresh);
    refresh->setObjectName(QStringLiteral("action-refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setStatusTip(tr("Poll Evergreen now; reconnect a waiting Marathon now"));
    addAction(refresh);
    view->addSeparator();
    view->addAction(findChild<QDockWidget *>(QStringLiteral("eventLogDock"))->toggleViewAction());
    view->addAction(findChild<QDockWidget *>(QStringLiteral("overviewDock"))->toggleViewAction());
    view->addAction(tr("Reset Columns"), this, [this] {
        m_view->resetLayout();
        m_view->saveLayout();
    });
    view->addAction(m_legend);

    QMenu *tasks = menuBar()->addMenu(tr("&Task"));
    m_actions->populateMenu(tasks);
    tasks->addSeparator();
    tasks->addAction(m_actions->stopAction());
    m_taskMenu = tasks;

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcuts);
    connect(m_shortcuts, &QAction::triggered, this, [this] {
        QList<QAction *> all = {m_focusSearch, m_problemsOnly, findChild<QAction *>(QStringLiteral("action-refresh")),
                                m_actions->stopAction(), m_shortcuts};
        all += m_actions->allActions();
        auto *sheet = new ShortcutSheet(all, this);
        sheet->setAttribute(Qt::WA_DeleteOnClose);
        sheet->show();
    });
}

void MainWindow::search(const QString &query)
{
    m_search->setText(query);
    m_search->applyNow();
}

void MainWindow::addTaskAction(QAction *action)
{
    if (m_extraTaskActions.isEmpty())
        m_taskMenu->addSeparator();
    m_extraTaskActions.append(action);
    m_taskMenu->addAction(action);
}

void MainWindow::applySearch(const QString &text)
{
    const TaskQuery::Error error = m_proxy->setQueryText(text);
    m_search->setError(error.message, error.position, error.length);
    m_searchError->setText(error.isError() ? QStringLiteral("⚠ ") + error.message : QString());
    if (error.isError()) {
        m_session->log(LogEntry::Severity::Warning, LogEntry::Category::Input,
                       tr("Search not applied: %1 (at column %2 of “%3”)")
                           .arg(error.message).arg(error.position + 1).arg(text));
    }
}

void MainWindow::showContextMenu(const QPoint &globalPosition)
{
    QMenu menu(this);
    m_actions->updateActions();
    m_actions->populateMenu(&menu);
    menu.addSeparator();
    menu.addActions(m_extraTaskActions);
    menu.addAction(tr("Copy ID"), this, [this] {
        QStringList ids;
        for (const Task &task : m_actions->selectedTasks())
            ids.append(task.idString());
        QApplication::clipboard()->setText(ids.join(u'\n'));
    });
    menu.exec(globalPosition);
}

void MainWindow::refreshCounts()
{
    m_sidebar->updateCounts(m_session->store()->counts());
    m_statusPanel->refreshCounts();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1600, 950);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    m_view->saveLayout();
    QMainWindow::closeEvent(event);
}
