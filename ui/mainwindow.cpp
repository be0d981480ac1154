// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "session/session.h"

#include <QTableView>

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    auto *table = new TaskTableModel(session->store(), this);
    auto *proxy = new TaskFilterModel(this);
    proxy->setSourceModel(table);
    auto *view = new QTableView(this);
    view->setModel(proxy);
    setCentralWidget(view);
    setWindowTitle(tr("taskmon"));
    resize(1200, 800);
}
