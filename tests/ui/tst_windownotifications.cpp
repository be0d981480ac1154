// SPDX-License-Identifier: GPL-3.0-or-later
// The window's side of notifications, on a private session bus with no notification
// service (ctest runs it under dbus-run-session): acknowledging, the New count, the toast
// fallback and "show me the tasks".
#include "systems/registersystems.h"
#include "backends/evergreen/evergreensystem.h"
#include "actioncontroller.h"
#include "fakebackend.h"
#include "filtersidebar.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "mainwindow.h"
#include "notificationservice.h"
#include "notificationsettingsdialog.h"
#include "notify/acknowledgements.h"
#include "notify/notificationcenter.h"
#include "session/session.h"
#include "tasktableview.h"
#include "testtasks.h"
#include "toastwidget.h"
#include "windownotifications.h"
#include "windowtestsetup.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using TestTasks::evergreen;

namespace {
struct Fixture
{
    explicit Fixture(const QString &ackPath)
        : acknowledgements(ackPath)
    {
        acknowledgements.makeCurrent();
        evg = new FakeBackend(EvergreenSystem::id());
        session.addBackend(evg);
        service = std::make_unique<NotificationService>(&session);
        window = std::make_unique<MainWindow>(&session);
        window->tableModel()->setFlushInterval(5);
        notifications = new WindowNotifications(window.get(), &session, service.get(), &acknowledgements);
        window->show();
    }

    void load(const QList<Task> &tasks)
    {
        TaskBatch batch;
        for (const Task &task : tasks)
            batch.append(TaskDelta::upsert(task));
        evg->sendBatch(batch);
        window->tableModel()->flush();
    }

    QList<QByteArray> selectedIds() const
    {
        QList<QByteArray> ids;
        for (const Task &task : window->actions()->selectedTasks())
            ids.append(task.id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    Acknowledgements acknowledgements;
    Session session;
    FakeBackend *evg;
    std::unique_ptr<NotificationService> service;
    std::unique_ptr<MainWindow> window;
    WindowNotifications *notifications;
};
} // namespace

class TestWindowNotifications final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void acknowledgeCountsDownAndHidesNothing();
    void undeliveredNotificationsBecomeAToast();
    void showTasksSelectsThem();
    void settingsDialogRefusesBrokenRules();

private:
    QTemporaryDir m_dir;
};

void TestWindowNotifications::initTestCase()
{
    registerSystems();
    prepareWindowTests();
    QVERIFY(m_dir.isValid());
}

void TestWindowNotifications::acknowledgeCountsDownAndHidesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("ack1.txt"));
    Fixture f(path);
    f.load({evergreen("f1", evg(EvgStatus::Failed)), evergreen("f2", evg(EvgStatus::SystemFailed)),
            evergreen("r1", evg(EvgStatus::Started))});
    f.notifications->refreshNewCount();
    QCOMPARE(f.notifications->newCount(), 2);
    QCOMPARE(f.notifications->newEntry()->text(1), QStringLiteral("2"));
    QVERIFY(f.window->windowTitle().endsWith(QStringLiteral("2 new failures")));

    // A running task is nothing to acknowledge.
    f.window->search(QStringLiteral("id:r1"));
    f.window->tableView()->selectAll();
    QVERIFY(!f.notifications->acknowledgeAction()->isEnabled());

    f.window->search(QStringLiteral("is:new-failure"));
    QCOMPARE(f.window->filterModel()->rowCount(), 2);
    f.window->tableView()->selectRow(0);
    const QList<QByteArray> picked = f.selectedIds();
    QCOMPARE(picked.size(), 1);
    QVERIFY(f.notifications->acknowledgeAction()->isEnabled());
    QSignalSpy changed(&f.acknowledgements, &Acknowledgements::changed);
    f.notifications->acknowledgeAction()->trigger();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(f.notifications->newCount(), 1);
    QCOMPARE(f.notifications->newEntry()->text(1), QStringLiteral("1"));
    QVERIFY(f.window->windowTitle().endsWith(QStringLiteral("1 new failure")));
    QVERIFY(!f.notifications->acknowledgeAction()->isEnabled());
    // The row stays where it was, even under is:new-failure.
    QCOMPARE(f.window->filterModel()->rowCount(), 2);
    QCOMPARE(f.selectedIds(), picked);

    // Acknowledged across a restart.
    Acknowledgements reloaded(path);
    QVERIFY(reloaded.isAcknowledged(picked.first(), 0));
    QCOMPARE(reloaded.size(), 1);
}

void TestWindowNotifications::undeliveredNotificationsBecomeAToast()
{
    Fixture f{QString()};
    f.notifications->setRules({}, {NotificationRule::fromCommandLine(QStringLiteral("kind:system"))});
    f.service->center()->matcher()->setConnectionListed(0);
    f.service->center()->setInterval(0);
    const int logBefore = f.session.eventLog()->rowCount();

    f.load({evergreen("s1", evg(EvgStatus::SystemFailed))});
    ToastWidget *toast = f.notifications->toast();
    QTRY_VERIFY(toast->isVisible());
    QCOMPARE(toast->current().summary, QStringLiteral("1 new system failure in ubuntu2204"));
    // A small box in the corner of the table area, not a pane of the splitter.
    const QRect area(f.window->centralWidget()->mapTo(f.window.get(), QPoint()), f.window->centralWidget()->size());
    QVERIFY(area.contains(toast->geometry()));
    QVERIFY(toast->width() < area.width() / 2);
    QVERIFY(toast->geometry().bottom() > area.center().y());
    QCOMPARE(f.session.eventLog()->rowCount(), logBefore + 1);

    // The burst's update replaces the toast; the log does not repeat itself.
    f.load({evergreen("s2", evg(EvgStatus::SystemFailed))});
    QTRY_COMPARE(toast->current().summary, QStringLiteral("2 new system failures in ubuntu2204"));
    QCOMPARE(toast->current().taskIds, (QList<QByteArray>{"s1", "s2"}));
    QCOMPARE(f.session.eventLog()->rowCount(), logBefore + 1);

    auto *show = toast->findChild<QPushButton *>(QStringLiteral("toastShow"));
    QVERIFY(show);
    show->click();
    QVERIFY(!toast->isVisible());
    QCOMPARE(f.selectedIds(), (QList<QByteArray>{"s1", "s2"}));
}

void TestWindowNotifications::showTasksSelectsThem()
{
    Fixture f{QString()};
    f.load({evergreen("a", evg(EvgStatus::Failed)), evergreen("b", evg(EvgStatus::SystemFailed)), evergreen("c", evg(EvgStatus::Started))});
    f.notifications->showTasks({"c", "a", "gone"});
    QCOMPARE(f.selectedIds(), (QList<QByteArray>{"a", "c"}));
}

void TestWindowNotifications::settingsDialogRefusesBrokenRules()
{
    NotificationSettingsDialog dialog({{QStringLiteral("System"), QStringLiteral("kind:system"), true},
                                       NotificationRule::fromCommandLine(QStringLiteral("host:x"))},
                                      30'000, nullptr);
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 1);   // this run's --notify rules are not the dialog's
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.addRule({QStringLiteral("Bad"), QStringLiteral("status:nonsense"), true});
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("ruleProblem"));
    QVERIFY(problem->text().startsWith(QStringLiteral("Rule 2:")));
    QVERIFY(!ok->isEnabled());
    table->item(1, NotificationSettingsDialog::QueryColumn)->setText(QStringLiteral("is:new-failure group:/prod"));
    table->item(1, NotificationSettingsDialog::EnabledColumn)->setCheckState(Qt::Unchecked);
    QVERIFY(problem->text().isEmpty());
    QVERIFY(ok->isEnabled());
    const QList<NotificationRule> rules = dialog.rules();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules[1], (NotificationRule{QStringLiteral("Bad"), QStringLiteral("is:new-failure group:/prod"), false}));
    QCOMPARE(dialog.intervalMs(), qint64(30'000));
}

QTEST_MAIN(TestWindowNotifications)
#include "tst_windownotifications.moc"
