// SPDX-License-Identifier: GPL-3.0-or-later
#include "windownotifications.h"

#include "actioncontroller.h"
#include "desktopnotifier.h"
#include "filtersidebar.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "mainwindow.h"
#include "notify/notificationcenter.h"
#include "notificationservice.h"
#include "notificationsettingsdialog.h"
#include "notify/acknowledgements.h"
#include "session/session.h"
#include "tasktableview.h"
#include "toastwidget.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>

WindowNotifications::WindowNotifications(MainWindow *window, Session *session, NotificationService *service,
                                         Acknowledgements *acknowledgements)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_service(service)
    , m_acknowledgements(acknowledgements)
    , m_acknowledge(new QAction(tr("&Acknowledge"), this))
    , m_settings(new QAction(tr("&Notifications…"), this))
    , m_toast(new ToastWidget(window->centralWidget(), window))
    , m_baseTitle(window->windowTitle())
{
    m_acknowledge->setObjectName(QStringLiteral("action-acknowledge"));
    m_acknowledge->setShortcut(Qt::Key_A);
    // Only where the table has focus: "a" in the search field is a letter.
    m_acknowledge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_acknowledge->setToolTip(tr("Mark the selected failures as seen: they no longer count as new. Nothing is hidden."));
    window->tableView()->addAction(m_acknowledge);
    window->addTaskAction(m_acknowledge);
    connect(m_acknowledge, &QAction::triggered, this, &WindowNotifications::acknowledgeSelection);
    auto updateAcknowledge = [this] {
        const QList<Task> tasks = m_window->actions()->selectedTasks();
        m_acknowledge->setEnabled(std::any_of(tasks.cbegin(), tasks.cend(), [this](const Task &task) {
            return task.failureKind() != FailureKind::None && !m_acknowledgements->isAcknowledged(task);
        }));
    };
    connect(window->tableView()->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateAcknowledge);
    connect(acknowledgements, &Acknowledgements::changed, this, updateAcknowledge);
    updateAcknowledge();

    // A Settings menu before Help.
    m_settings->setObjectName(QStringLiteral("action-notification-settings"));
    auto *settingsMenu = new QMenu(tr("&Settings"), window);
    settingsMenu->addAction(m_settings);
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), settingsMenu);
    connect(m_settings, &QAction::triggered, this, &WindowNotifications::editSettings);

    // The sidebar's "New failures" entry sits under "All tasks" and searches for them.
    FilterSidebar *sidebar = window->sidebar();
    m_newEntry = new QTreeWidgetItem({tr("New failures"), QString()});
    m_newEntry->setToolTip(0, tr("Failures nobody acknowledged yet here (A). Click to search for is:new-failure."));
    sidebar->insertTopLevelItem(1, m_newEntry);
    connect(sidebar, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (item == m_newEntry)
            m_window->search(QStringLiteral("is:new-failure"));
    });

    service->setFallbackNote(tr("Notifications are shown inside the window instead."));
    connect(service, &NotificationService::notificationReady, this, &WindowNotifications::onNotification);
    connect(service, &NotificationService::undelivered, m_toast, &ToastWidget::showNotification);
    connect(service, &NotificationService::showTasks, this, &WindowNotifications::showTasks);
    connect(m_toast, &ToastWidget::showTasksRequested, this,
            [this](const QString &, const QList<QByteArray> &ids) { showTasks(ids); });
    connect(m_toast, &ToastWidget::dismissed, service->center(), &NotificationCenter::dismiss);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(window->windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] { showTasks({}); });
        m_tray->show();
    }

    // Counting walks the store, so it follows the table's flushes at most once a second.
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(1000);
    connect(&m_countTimer, &QTimer::timeout, this, &WindowNotifications::refreshNewCount);
    connect(window->tableModel(), &TaskTableModel::flushed, this, [this] {
        if (!m_countTimer.isActive())
            m_countTimer.start();
    });
    connect(acknowledgements, &Acknowledgements::changed, this, &WindowNotifications::refreshNewCount);
    refreshNewCount();
}

WindowNotifications::~WindowNotifications() = default;

void WindowNotifications::setRules(const QList<NotificationRule> &saved, const QList<NotificationRule> &thisRun)
{
    m_saved = saved;
    m_thisRun = thisRun;
    applyRules();
}

QList<NotificationRule> WindowNotifications::rules() const
{
    return m_saved + m_thisRun;
}

void WindowNotifications::applyRules()
{
    m_service->setRules(rules());
}

void WindowNotifications::onNotification(const Notification &notification)
{
    Q_UNUSED(notification)
    if (!m_window->isActiveWindow())
        QApplication::alert(m_window);
    refreshNewCount();
}

void WindowNotifications::showTasks(const QList<QByteArray> &taskIds)
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
    if (taskIds.isEmpty())
        return;

    TaskTableModel *table = m_window->tableModel();
    table->flush();   // rows of tasks that just arrived may not be announced yet
    const TaskStore *store = m_session->store();
    QItemSelection selection;
    QModelIndex first;
    int hidden = 0;
    for (const QByteArray &id : taskIds) {
        const int row = store->rowOf(id);
        const QModelIndex index = row < 0 ? QModelIndex()
                                          : m_window->filterModel()->mapFromSource(table->index(row, 0));
        if (!index.isValid()) {
            ++hidden;
            continue;
        }
        selection.select(index, index);
        if (!first.isValid())
            first = index;
    }
    QItemSelectionModel *model = m_window->tableView()->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_window->tableView()->scrollTo(first);
        m_window->tableView()->setFocus();
    }
    if (hidden) {
        m_window->statusBar()->showMessage(
            tr("%n notified task(s) gone or hidden by the filters.", nullptr, hidden), 8000);
    }
}

void WindowNotifications::acknowledgeSelection()
{
    QList<Task> failures;
    for (const Task &task : m_window->actions()->selectedTasks()) {
        if (task.failureKind() != FailureKind::None)
            failures.append(task);
    }
    const int added = m_acknowledgements->acknowledge(failures);
    m_window->statusBar()->showMessage(added ? tr("Acknowledged %n failure(s).", nullptr, added)
                                             : tr("Nothing new to acknowledge in the selection."),
                                       6000);
}

void WindowNotifications::refreshNewCount()
{
    const TaskStore *store = m_session->store();
    int count = 0;
    for (int row = 0; row < store->size(); ++row) {
        const Task &task = store->at(row);
        if (task.failureKind() != FailureKind::None && !m_acknowledgements->isAcknowledged(task))
            ++count;
    }
    if (count == m_newCount)
        return;
    m_newCount = count;
    m_newEntry->setText(1, QLocale().toString(count));
    m_window->setWindowTitle(count ? tr("%1 — %n new failure(s)", nullptr, count).arg(m_baseTitle) : m_baseTitle);
    if (m_tray) {
        m_tray->setToolTip(tr("taskmon: %n new failure(s)", nullptr, count));
        QPixmap pixmap = m_window->windowIcon().pixmap(32, 32);
        if (count) {
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setBrush(QColor(0xDB, 0x30, 0x30));
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(QRect(12, 12, 20, 20));
            painter.setPen(Qt::white);
            QFont font = painter.font();
            font.setPixelSize(12);
            font.setBold(true);
            painter.setFont(font);
            painter.drawText(QRect(12, 12, 20, 20), Qt::AlignCenter, count > 99 ? QStringLiteral("99+") : QString::number(count));
        }
        m_tray->setIcon(QIcon(pixmap));
    }
}

void WindowNotifications::editSettings()
{
    QSettings settings;
    NotificationSettingsDialog dialog(m_saved, m_service->center()->interval(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_saved = dialog.rules();
    NotificationRule::save(settings, m_saved);
    NotificationSettings::setInterval(settings, dialog.intervalMs());
    m_service->center()->setInterval(dialog.intervalMs());
    applyRules();
}
