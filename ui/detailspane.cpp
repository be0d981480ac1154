// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspane.h"

#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "session/session.h"
#include "taskdetailshtml.h"
#include "theme.h"

#include <QFontDatabase>
#include <QItemSelectionModel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

DetailsPane::DetailsPane(Session *session, TaskFilterModel *proxy, QItemSelectionModel *selection,
                         QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_proxy(proxy)
    , m_selection(selection)
{
    setObjectName(QStringLiteral("detailsPane"));
    m_browser = new QTextBrowser(this);
    m_browser->setOpenExternalLinks(true);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_rawButton = new QPushButton(tr("Fetch the server's raw record"), this);
    m_raw = new QPlainTextEdit(this);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(tr("The record exactly as the server sends it."));
    m_raw->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_browser, 3);
    layout->addWidget(m_rawButton);
    layout->addWidget(m_raw, 2);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(300);
    connect(&m_refreshTimer, &QTimer::timeout, this, &DetailsPane::refresh);
    connect(selection, &QItemSelectionModel::selectionChanged, this, &DetailsPane::onSelectionChanged);
    connect(selection, &QItemSelectionModel::currentChanged, this, &DetailsPane::onSelectionChanged);
    connect(proxy, &QAbstractItemModel::dataChanged, this, &DetailsPane::scheduleRefresh);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &DetailsPane::scheduleRefresh);
    connect(m_rawButton, &QPushButton::clicked, this, &DetailsPane::fetchRaw);
    connect(session, &Session::rawRecordReady, this, [this](const QByteArray &id, const QString &text) {
        if (id != m_taskId)
            return;
        m_raw->setPlainText(text);
        m_raw->show();
        m_rawButton->setEnabled(true);
        m_rawButton->setText(tr("Fetch the raw record again"));
    });
    refresh();
}

QString DetailsPane::html() const
{
    return m_browser->toHtml();
}

void DetailsPane::onSelectionChanged()
{
    QByteArray id;
    const QModelIndex current = m_selection->currentIndex();
    if (current.isValid() && m_selection->isRowSelected(current.row(), current.parent()))
        id = current.data(TaskRole::TaskId).toByteArray();
    else if (m_selection->selectedRows().size() == 1)
        id = m_selection->selectedRows().first().data(TaskRole::TaskId).toByteArray();
    if (id != m_taskId) {
        m_taskId = id;
        m_raw->clear();
        m_raw->hide();
        m_rawButton->setText(tr("Fetch the server's raw record"));
        m_browser->verticalScrollBar()->setValue(0);
    }
    // Selection changes arrive in the middle of removals; read the store once they are done.
    QMetaObject::invokeMethod(this, &DetailsPane::refresh, Qt::QueuedConnection);
}

void DetailsPane::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void DetailsPane::refresh()
{
    const TaskStore &store = *m_session->store();
    const QModelIndexList selected = m_selection->selectedRows();
    const int scroll = m_browser->verticalScrollBar()->value();
    if (selected.size() > 1) {
        QList<int> rows;
        for (const QModelIndex &index : selected)
            rows.append(m_proxy->mapToSource(index).row());
        m_browser->setHtml(TaskDetailsHtml::selectionSummary(store, rows));
        m_rawButton->setEnabled(false);
        return;
    }
    const int row = m_taskId.isEmpty() ? -1 : store.rowOf(m_taskId);
    // The model may not have announced a brand-new row yet; wait for it.
    if (row < 0 || row >= m_proxy->tableModel()->rowCount()) {
        m_browser->setHtml(m_taskId.isEmpty()
                               ? tr("<p style=\"color: gray\">Select a task to see everything about it.</p>")
                               : tr("<p>Task <tt>%1</tt> is no longer listed by its server.</p>")
                                     .arg(QString::fromUtf8(m_taskId).toHtmlEscaped()));
        m_rawButton->setEnabled(false);
        return;
    }
    m_browser->setHtml(TaskDetailsHtml::build(store, row, m_session->actionContext(),
                                              UiTheme::themeOf(palette()), m_browser->document()));
    m_browser->verticalScrollBar()->setValue(scroll);
    m_rawButton->setEnabled(true);
}

void DetailsPane::fetchRaw()
{
    const Task *task = m_session->store()->find(m_taskId);
    if (!task)
        return;
    if (Backend *backend = m_session->backendFor(*task)) {
        m_rawButton->setEnabled(false);
        m_rawButton->setText(tr("Fetching…"));
        backend->fetchRawRecord(m_taskId);
    }
}
