// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QTimer>

class ActionController;
class DetailsPane;
class EventLogView;
class FilterSidebar;
class QLabel;
class QMenu;
class QueryLineEdit;
class Session;
class StatusBarPanel;
class TaskFilterModel;
class TaskTableModel;
class TaskTableView;

// Puts the panes together and wires them through signals and the shared selection model;
// the panes do not know each other. Owns no logic of its own beyond that wiring.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    TaskTableModel *tableModel() const { return m_table; }
    TaskFilterModel *filterModel() const { return m_proxy; }
    TaskTableView *tableView() const { return m_view; }
    FilterSidebar *sidebar() const { return m_sidebar; }
    QueryLineEdit *searchField() const { return m_search; }
    QLabel *searchError() const { return m_searchError; }
    ActionController *actions() const { return m_actions; }
    DetailsPane *details() const { return m_details; }
    StatusBarPanel *statusPanel() const { return m_statusPanel; }
    QAction *problemsOnlyAction() const { return m_problemsOnly; }

    // Applies a search as if typed (and applied) in the search field.
    void search(const QString &query);
    // An action of a feature outside the window (acknowledge): in the Task menu and the
    // table's context menu, after the task actions.
    void addTaskAction(QAction *action);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildMenus();
    void buildDocks();
    void applySearch(const QString &text);
    void showContextMenu(const QPoint &globalPosition);
    void refreshCounts();
    void restoreSettings();

    Session *m_session;
    TaskTableModel *m_table;
    TaskFilterModel *m_proxy;
    TaskTableView *m_view;
    FilterSidebar *m_sidebar;
    DetailsPane *m_details;
    EventLogView *m_eventLog;
    QueryLineEdit *m_search;
    QLabel *m_searchError;
    ActionController *m_actions;
    StatusBarPanel *m_statusPanel;
    QAction *m_problemsOnly;
    QAction *m_focusSearch;
    QAction *m_legend;
    QAction *m_shortcuts;
    QMenu *m_taskMenu = nullptr;
    QList<QAction *> m_extraTaskActions;
    QTimer m_countsTimer;
};
