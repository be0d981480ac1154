// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QItemSelectionModel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class Session;
class TaskFilterModel;

// Everything about the selected task (or a summary of a multi-selection), kept current as
// the task changes, and the server's raw record on request. It follows the shared
// selection model; it knows no other pane.
class DetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPane)

public:
    DetailsPane(Session *session, TaskFilterModel *proxy, QItemSelectionModel *selection,
                QWidget *parent = nullptr);

    QByteArray currentTaskId() const { return m_taskId; }
    QString html() const;

private:
    void onSelectionChanged();
    void refresh();
    void scheduleRefresh();
    void fetchRaw();

    Session *m_session;
    TaskFilterModel *m_proxy;
    QItemSelectionModel *m_selection;
    QTextBrowser *m_browser;
    QPushButton *m_rawButton;
    QPlainTextEdit *m_raw;
    QByteArray m_taskId;
    QTimer m_refreshTimer;
};
