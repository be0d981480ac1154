// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/evergreen/evergreensystem.h"
#include "actioncontroller.h"
#include "backends/demo/demobackend.h"
#include "detailspane.h"
#include "fakebackend.h"
#include "filtersidebar.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "mainwindow.h"
#include "overviewwidget.h"
#include "prioritydialog.h"
#include "querylineedit.h"
#include "session/session.h"
#include "statusbarpanel.h"
#include "tasktableview.h"
#include "testtasks.h"
#include "theme.h"
#include "windowtestsetup.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using TestTasks::evergreen;
using TestTasks::marathon;

namespace {
// A window over a session fed by a scripted backend per system.
struct WindowFixture
{
    explicit WindowFixture(bool readOnly = false)
    {
        session.setReadOnly(readOnly);
        evg = new FakeBackend(EvergreenSystem::id());
        evg->unsupported = {{evgAction(EvgAction::OverrideDependencies),
                             QStringLiteral("Evergreen's REST API has no route for overriding dependencies.")}};
        mar = new FakeBackend(MarathonSystem::id());
        session.addBackend(evg);
        session.addBackend(mar);
        window = std::make_unique<MainWindow>(&session);
        window->tableModel()->setFlushInterval(5);
        window->show();
    }

    void load(const QList<Task> &tasks)
    {
        TaskBatch evgBatch, marBatch;
        for (const Task &task : tasks) {
            (task.system() == MarathonSystem::id() ? marBatch : evgBatch).append(TaskDelta::upsert(task));
        }
        if (!evgBatch.isEmpty())
            evg->sendBatch(evgBatch);
        if (!marBatch.isEmpty())
            mar->sendBatch(marBatch);
        window->tableModel()->flush();
    }

    void select(const QList<QByteArray> &ids)
    {
        TaskTableView *view = window->tableView();
        view->clearSelection();
        QItemSelection selection;
        TaskFilterModel *proxy = window->filterModel();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            if (ids.contains(proxy->index(row, 0).data(TaskRole::TaskId).toByteArray()))
                selection.select(proxy->index(row, 0), proxy->index(row, TaskColumn::Count - 1));
        }
        view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        window->actions()->updateActions();
    }

    Session session;
    FakeBackend *evg;
    FakeBackend *mar;
    std::unique_ptr<MainWindow> window;
};

int countOfEntry(FilterSidebar *sidebar, FilterSidebar::Section section, const QString &key)
{
    QTreeWidgetItem *item = sidebar->entry(section, key);
    return item ? item->data(0, FilterSidebar::CountRole).toInt() : -1;
}

// How many pixels of the image have exactly this colour.
int pixelsOf(const QImage &image, QRgb colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += (line[x] & 0xFFFFFF) == (colour & 0xFFFFFF);
    }
    return count;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareWindowTests(); }

    void actionsFollowTheRules_data()
    {
        QTest::addColumn<Status>("status");
        QTest::addColumn<bool>("localVolumes");
        for (int i = 1; i < StatusTaxonomy::count(); ++i) {
            const auto status = Status(i);
            QTest::addRow("%s", StatusTaxonomy::key(status).data()) << status << false;
            if (StatusTaxonomy::system(status) == MarathonSystem::id())
                QTest::addRow("%s with volumes", StatusTaxonomy::key(status).data()) << status << true;
        }
    }

    void actionsFollowTheRules()
    {
        QFETCH(Status, status);
        QFETCH(bool, localVolumes);
        WindowFixture f;
        Task task = StatusTaxonomy::system(status) == MarathonSystem::id() ? marathon("t", status)
                                                                           : evergreen("t", status);
        task.setFlag(TaskFlag::HasLocalVolumes, localVolumes);
        f.load({task});
        f.select({"t"});
        const Task &stored = *f.session.store()->find("t");
        for (int a = 0; a < TaskActions::count(); ++a) {
            const auto action = TaskAction(a);
            const ActionVerdict verdict = ActionRules::check(stored, action, f.session.actionContext());
            QAction *qaction = f.window->actions()->action(action);
            QVERIFY(qaction);
            QCOMPARE(qaction->isEnabled(), verdict.allowed);
            if (!verdict.allowed) {
                QVERIFY(!verdict.reason.isEmpty());
                QCOMPARE(qaction->toolTip(), verdict.reason);
            }
        }
    }

    void nothingSelectedMeansNothingEnabled()
    {
        WindowFixture f;
        f.load({evergreen("t", evg(EvgStatus::Failed))});
        f.select({});
        for (QAction *action : f.window->actions()->allActions()) {
            QVERIFY(!action->isEnabled());
            QCOMPARE(action->toolTip(), QStringLiteral("Select one or more tasks first."));
        }
    }

    void overrideDependenciesSaysWhyEvergreenCannot()
    {
        WindowFixture f;
        f.load({evergreen("blocked", evg(EvgStatus::Blocked))});
        f.select({"blocked"});
        QAction *override = f.window->actions()->action(evgAction(EvgAction::OverrideDependencies));
        QVERIFY(!override->isEnabled());
        QVERIFY(override->toolTip().contains(QStringLiteral("no route")));
    }

    void bulkActionShowsTheSummaryFirstAndReportsPerTask()
    {
        WindowFixture f;
        f.load({evergreen("run-1", evg(EvgStatus::Started)), evergreen("run-2", evg(EvgStatus::Started)),
                evergreen("run-3", evg(EvgStatus::Started)), evergreen("done-1", evg(EvgStatus::Success)),
                evergreen("done-2", evg(EvgStatus::Failed)), evergreen("queued", evg(EvgStatus::WillRun)),
                marathon("m1", mar(MarStatus::Running))});
        f.select({"run-1", "run-2", "run-3", "done-1", "done-2", "queued", "m1"});

        QString askedText, askedDetails;
        int asked = 0;
        f.window->actions()->setConfirmHandler([&](const QString &, const QString &text, const QString &details) {
            ++asked;
            askedText = text;
            askedDetails = details;
            return true;
        });
        QSignalSpy results(f.window->actions(), &ActionController::resultsReady);
        f.window->actions()->action(evgAction(EvgAction::Abort))->trigger();
        QCOMPARE(asked, 1);
        QCOMPARE(askedText, QStringLiteral("Abort 3 tasks; 4 not applicable: 2 finished, 1 on Marathon, 1 scheduled."));
        QVERIFY(askedDetails.contains(QStringLiteral("skipped: queued")));
        QCOMPARE(f.evg->requests.size(), 1);
        QCOMPARE(f.mar->requests.size(), 0);
        QList<QByteArray> sent = f.evg->requests[0].taskIds;
        std::sort(sent.begin(), sent.end());
        QCOMPARE(sent, (QList<QByteArray>{"run-1", "run-2", "run-3"}));

        f.evg->answer(f.evg->requests[0], true);
        QCOMPARE(results.count(), 1);
        const auto outcome = results.at(0).at(0).value<ActionOutcome>();
        QCOMPARE(outcome.results.size(), 3);
    }

    void cancellingTheConfirmationSendsNothing()
    {
        WindowFixture f;
        f.load({marathon("m1", mar(MarStatus::Running))});
        f.select({"m1"});
        f.window->actions()->setConfirmHandler([](const QString &, const QString &, const QString &) { return false; });
        f.window->actions()->action(marAction(MarAction::Kill))->trigger();
        QCOMPARE(f.mar->requests.size(), 0);
    }

    void a409OffersForceAndRetries()
    {
        WindowFixture f;
        f.load({marathon("m1", mar(MarStatus::Running))});
        f.select({"m1"});
        QStringList titles;
        f.window->actions()->setConfirmHandler([&](const QString &title, const QString &, const QString &) {
            titles.append(title);
            return true;
        });
        f.window->actions()->action(marAction(MarAction::KillAndScale))->trigger();
        QCOMPARE(f.mar->requests.size(), 1);
        QVERIFY(!f.mar->requests[0].force);
        ActionOutcome locked;
        locked.requestId = f.mar->requests[0].id;
        locked.action = marAction(MarAction::KillAndScale);
        locked.results = {ActionResult{"m1", false, 409, QStringLiteral("App is locked by one or more deployments."), true, {}}};
        emit f.mar->actionFinished(locked);
        QCOMPARE(titles.size(), 2);
        QCOMPARE(titles[1], QStringLiteral("Force Kill & Scale"));
        QCOMPARE(f.mar->requests.size(), 2);
        QVERIFY(f.mar->requests[1].force);
        QCOMPARE(f.mar->requests[1].taskIds, (QList<QByteArray>{"m1"}));
    }

    void priorityGoesThroughTheDialog()
    {
        WindowFixture f;
        f.load({evergreen("q", evg(EvgStatus::WillRun), "rhel80", 10)});
        f.select({"q"});
        int askedWith = -100;
        f.window->actions()->setPriorityHandler([&](TaskAction, int current, int) {
            askedWith = current;
            return std::optional<ActionController::PriorityChoice>({70, false});
        });
        f.window->actions()->setConfirmHandler([](const QString &, const QString &, const QString &) { return true; });
        f.window->actions()->action(evgAction(EvgAction::SetPriority))->trigger();
        QCOMPARE(askedWith, 10);
        QCOMPARE(f.evg->requests.size(), 1);
        QCOMPARE(f.evg->requests[0].priority, 70);
    }

    void priorityDialogIsLimitedUnlessAnAdminRequest()
    {
        PriorityDialog dialog(TaskActions::definition(evgAction(EvgAction::SetPriority)), 250, 2);
        QCOMPARE(dialog.spinBox()->minimum(), -1);
        QCOMPARE(dialog.spinBox()->maximum(), 100);
        QCOMPARE(dialog.priority(), 100);
        dialog.spinBox()->setValue(-5);
        QCOMPARE(dialog.priority(), -1);
        dialog.adminBox()->setChecked(true);
        dialog.spinBox()->setValue(500);
        QCOMPARE(dialog.priority(), 500);
        QVERIFY(dialog.adminRequest());
        dialog.adminBox()->setChecked(false);
        QCOMPARE(dialog.priority(), 100);
    }

    void readOnlyDisablesEverything()
    {
        WindowFixture f(true);
        f.load({evergreen("t", evg(EvgStatus::Failed)), marathon("m", mar(MarStatus::Running))});
        f.select({"t", "m"});
        for (QAction *action : f.window->actions()->allActions()) {
            QVERIFY(!action->isEnabled());
            QVERIFY(action->toolTip().contains(QStringLiteral("read-only")));
        }
        QVERIFY(f.window->windowTitle().contains(QStringLiteral("read-only")));
    }

    void searchFiltersAndExplainsBadQueries()
    {
        WindowFixture f;
        f.load({evergreen("a", evg(EvgStatus::Failed), "rhel80", 60), evergreen("b", evg(EvgStatus::SystemFailed), "rhel80", 10),
                marathon("m", mar(MarStatus::Running), "/prod/web")});
        TaskFilterModel *proxy = f.window->filterModel();
        QueryLineEdit *search = f.window->searchField();

        QTest::keyClicks(search, QStringLiteral("source:evergreen priority:>50"));
        QTRY_COMPARE(proxy->rowCount(), 1);
        QVERIFY(!search->hasError());
        QVERIFY(f.window->searchError()->text().isEmpty());

        search->clear();
        QTest::keyClicks(search, QStringLiteral("source:evergreen stauts:failed"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(search->hasError());
        QVERIFY(f.window->searchError()->text().contains(QStringLiteral("stauts")));
        QCOMPARE(proxy->rowCount(), 1);  // the last good filter stays
        EventLogModel *log = f.session.eventLog();
        QCOMPARE(log->entry(log->rowCount() - 1).category, LogEntry::Category::Input);

        search->clear();
        QTest::keyClicks(search, QStringLiteral("-source:marathon"));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(!search->hasError());
        QCOMPARE(proxy->rowCount(), 2);
        // The underline is drawn without crashing at any error position.
        search->setError(QStringLiteral("x"), 100, 3);
        QVERIFY(!search->grab().isNull());
    }

    void sidebarCountsMatchTheModelAndFilter()
    {
        WindowFixture f;
        f.load({evergreen("a", evg(EvgStatus::Failed)), evergreen("b", evg(EvgStatus::SystemFailed)),
                evergreen("c", evg(EvgStatus::SystemTimedOut)), evergreen("d", evg(EvgStatus::SetupFailed)),
                evergreen("e", evg(EvgStatus::Started)), marathon("m", mar(MarStatus::Running)),
                marathon("u", mar(MarStatus::Unreachable)), marathon("x", mar(MarStatus::Error))});
        QTRY_COMPARE(countOfEntry(f.window->sidebar(), FilterSidebar::All, {}), 8);
        const StatusCounts &counts = f.session.store()->counts();
        FilterSidebar *sidebar = f.window->sidebar();
        for (int k = 0; k < FailureKindCount; ++k)
            QCOMPARE(countOfEntry(sidebar, FilterSidebar::KindSection, QString::number(k)), counts.kind(FailureKind(k)));
        for (int s = 0; s < StageCount; ++s)
            QCOMPARE(countOfEntry(sidebar, FilterSidebar::StageSection, QString::number(s)), counts.stage(Stage(s)));
        // "Running" joins Evergreen's started and Marathon's TASK_RUNNING.
        QCOMPARE(countOfEntry(sidebar, FilterSidebar::StatusSection, QStringLiteral("Running")), 2);

        QTreeWidgetItem *system = sidebar->entry(FilterSidebar::KindSection, QString::number(int(FailureKind::System)));
        emit sidebar->itemClicked(system, 0);
        QCOMPARE(f.window->filterModel()->rowCount(), counts.kind(FailureKind::System));
        QCOMPARE(f.window->filterModel()->rowCount(), 3);
        emit sidebar->itemClicked(sidebar->entry(FilterSidebar::StatusSection, QStringLiteral("Running")), 0);
        QCOMPARE(f.window->filterModel()->rowCount(), 0);  // system failures that run: none
        emit sidebar->itemClicked(sidebar->entry(FilterSidebar::All, {}), 0);
        QCOMPARE(f.window->filterModel()->rowCount(), 8);
        QVERIFY(f.window->statusPanel()->countsText().startsWith(QStringLiteral("8 tasks · 6 problems")));
    }

    void problemsOnlyIsOneKey()
    {
        WindowFixture f;
        f.load({evergreen("a", evg(EvgStatus::Failed)), evergreen("e", evg(EvgStatus::Started)),
                marathon("u", mar(MarStatus::Unreachable))});
        QApplication::setActiveWindow(f.window.get());
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        f.window->tableView()->setFocus();
        QTest::keyClick(f.window->tableView(), Qt::Key_F);
        QVERIFY(f.window->problemsOnlyAction()->isChecked());
        QCOMPARE(f.window->filterModel()->rowCount(), 2);
        QTest::keyClick(f.window->tableView(), Qt::Key_F);
        QCOMPARE(f.window->filterModel()->rowCount(), 3);
    }

    void detailsFollowTheSelection()
    {
        WindowFixture f;
        Task task = evergreen("t1", evg(EvgStatus::TaskTimedOut));
        task.timeoutType = TimeoutType::Idle;
        task.message = InternedString(QStringLiteral("shell.exec"));
        f.load({task, evergreen("t2", evg(EvgStatus::Success))});
        f.select({"t1"});
        QCOMPARE(f.window->details()->currentTaskId(), QByteArray("t1"));
        QTRY_VERIFY(f.window->details()->html().contains(QStringLiteral("idle timeout")));
        const QString html = f.window->details()->html();
        QVERIFY(html.contains(QStringLiteral("Task Timed Out")));
        f.select({"t1", "t2"});
        QTRY_VERIFY(f.window->details()->html().contains(QStringLiteral("2 tasks selected")));
    }

    void detailsShowAnnotationsDependenciesAndHistory()
    {
        WindowFixture f;
        Timestamp now = 1'790'000'000'000;
        f.session.store()->setClock([&now] { return now; });
        Task compile = evergreen("compile", evg(EvgStatus::Failed));
        Task task = evergreen("jscore", evg(EvgStatus::Started));
        task.name = InternedString(QStringLiteral("jsCore"));
        f.load({compile, task});
        now += 60'000;
        task.status = evg(EvgStatus::KnownIssue);
        task.nativeStatus = InternedString(QStringLiteral("failed"));
        task.message = InternedString(QStringLiteral("test results contained failing test"));
        task.reason = InternedString(QStringLiteral("resmoke.py"));
        task.commandType = CommandType::Test;
        task.timeoutType = TimeoutType::Idle;
        task.setFlag(TaskFlag::TimedOut);
        task.setFlag(TaskFlag::HasAnnotations);
        TaskDetails &details = task.editDetails();
        details.dependsOn = {TaskDependency{QStringLiteral("compile"), QStringLiteral("success")}};
        details.annotations = {true,
                               {IssueLink{QStringLiteral("https://jira.example/browse/BF-31415"), QStringLiteral("BF-31415"), 0.9}},
                               {IssueLink{QStringLiteral("https://jira.example/browse/SERVER-1"), QStringLiteral("SERVER-1"), 0.4}},
                               QStringLiteral("Flaky since the last upgrade.")};
        details.fields = {{QStringLiteral("Project"), QStringLiteral("mongodb-mongo-master")}};
        f.evg->sendBatch({TaskDelta::upsert(task)});
        f.window->tableModel()->flush();
        f.select({"jscore"});
        QTRY_VERIFY(f.window->details()->html().contains(QStringLiteral("BF-31415")));
        const QString html = f.window->details()->html();
        for (const char *expected : {"Known Issue", "BF-31415", "SERVER-1", "confidence 90%", "Flaky since",
                                     "idle timeout", "resmoke.py", "compile", "needs success", "mongodb-mongo-master",
                                     "Status history", "first seen", "What you can do", "Restart"}) {
            QVERIFY2(html.contains(QString::fromLatin1(expected)), expected);
        }
        // The history: Running, then Known Issue a minute later, newest first.
        QVERIFY(html.indexOf(QStringLiteral("Known Issue")) < html.indexOf(QStringLiteral("first seen")));
        f.window->details()->resize(460, 900);
        QVERIFY(f.window->details()->grab().save(QDir::current().absoluteFilePath(QStringLiteral("screenshots/details.png"))));
    }

    void overviewChartsCountAndFilter()
    {
        WindowFixture f;
        f.load({evergreen("a", evg(EvgStatus::Failed), "rhel80"), evergreen("b", evg(EvgStatus::Failed), "rhel80"),
                evergreen("c", evg(EvgStatus::SystemFailed), "windows"), evergreen("d", evg(EvgStatus::Success), "debian12"),
                marathon("u", mar(MarStatus::Unreachable), "/prod/web")});
        auto *overview = f.window->findChild<OverviewWidget *>();
        QVERIFY(overview);
        overview->sample();
        const CountsHistory::Sample &last = overview->history().samples().back();
        QCOMPARE(last.kinds[size_t(FailureKind::Test)], 2);
        QCOMPARE(last.kinds[size_t(FailureKind::System)], 2);
        // Largest last: horizontal bars draw the first category at the bottom.
        QCOMPARE(overview->groupCategories().last(), QStringLiteral("rhel80"));
        QVERIFY(!overview->groupCategories().contains(QStringLiteral("debian12")));

        emit overview->kindClicked(FailureKind::System);
        QCOMPARE(f.window->filterModel()->rowCount(), 2);
        emit overview->groupClicked(InternedString(QStringLiteral("windows")));
        QCOMPARE(f.window->filterModel()->rowCount(), 1);
        overview->resize(1400, 240);
        QVERIFY(overview->grab().save(QDir::current().absoluteFilePath(QStringLiteral("screenshots/overview.png"))));
    }

    void screenshotsShowEveryFailureColour_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void screenshotsShowEveryFailureColour()
    {
        QFETCH(QString, theme);
        UiTheme::apply(*qApp, theme);
        Session session;
        DemoConfig config;
        config.seed = 1;
        session.addBackend(new DemoBackend(config));
        MainWindow window(&session);
        window.resize(1600, 950);
        window.show();
        session.start();
        QTRY_VERIFY(!session.isMerging());
        window.tableModel()->flush();
        // Show a failure in the details pane, as an operator would look at it.
        TaskTableView *view = window.tableView();
        view->selectionModel()->select(window.filterModel()->index(1, 0),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->selectionModel()->setCurrentIndex(window.filterModel()->index(1, 0), QItemSelectionModel::NoUpdate);
        QTest::qWait(400);
        const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString directory = QDir::current().absoluteFilePath(QStringLiteral("screenshots"));
        QDir().mkpath(directory);
        const QString path = directory + QStringLiteral("/taskmon-%1.png").arg(theme);
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));
        const Theme palette = theme == u"dark" ? Theme::Dark : Theme::Light;
        // Test failures red, system failures purple, setup failures lavender: all on screen.
        for (PaletteClass klass : {PaletteClass::TestFailure, PaletteClass::SystemFailure, PaletteClass::SetupFailure}) {
            const quint32 fill = StatusPalette::colors(klass, palette).fill;
            QVERIFY2(pixelsOf(image, fill) > 200, qPrintable(QStringLiteral("no badge filled #%1").arg(fill, 6, 16, QLatin1Char('0'))));
        }
        UiTheme::apply(*qApp, QStringLiteral("light"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
