// SPDX-License-Identifier: GPL-3.0-or-later
#include "backends/marathon/marathonsystem.h"
#include "backends/marathon/marathonbackend.h"
#include "fakemarathon.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "mainwindow.h"
#include "session/session.h"
#include "statusbarpanel.h"
#include "connectionindicator.h"
#include "tasktableview.h"
#include "theme.h"
#include "windowtestsetup.h"

#include <QApplication>
#include <QDir>
#include <QTest>

// The window over a live (fake) Marathon: health, unreachable rows highlighted once they
// pass the threshold, a kill going through Killing, the connection in the status bar.
class TestMarathonWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareWindowTests(); }

    void liveMarathonInTheWindow()
    {
        FakeMarathon fake;
        QVERIFY(fake.listen());
        const QByteArray healthy = R"(,"healthCheckResults":[{"alive":true,"consecutiveFailures":0,"firstSuccess":"2024-01-01T10:00:10.000Z","lastSuccess":"2024-01-01T10:05:00.000Z","lastFailure":null,"lastFailureCause":null}])";
        const QByteArray unhealthy = R"(,"healthCheckResults":[{"alive":false,"consecutiveFailures":4,"firstSuccess":"2024-01-01T10:00:10.000Z","lastSuccess":"2024-01-01T10:01:00.000Z","lastFailure":"2024-01-01T10:05:00.000Z","lastFailureCause":"503 Service Unavailable"}])";
        for (int i = 1; i <= 6; ++i)
            fake.setTask(FakeMarathon::task("prod_web.instance-" + QByteArray::number(i) + "._app", "/prod/web", "TASK_RUNNING", i == 3 ? unhealthy : healthy));
        fake.setTask(FakeMarathon::task("prod_api.instance-1._app", "/prod/api", "TASK_UNREACHABLE"));
        fake.setTask(FakeMarathon::task("prod_api.instance-2._app", "/prod/api", "TASK_STAGING"));
        fake.setTask(FakeMarathon::task("data_kafka.instance-1._app", "/data/kafka", "TASK_RUNNING", R"(,"localVolumes":[{"containerPath":"data","persistenceId":"p1"}])"));

        Session session;
        MarathonConfig config;
        config.url = fake.url();
        session.addBackend(new MarathonBackend(config));
        MainWindow window(&session);
        window.tableModel()->setFlushInterval(5);
        window.tableModel()->setUnreachableThreshold(1);   // highlight at once, not after 15 min
        window.resize(1500, 700);
        window.show();
        session.start();
        QTRY_COMPARE(window.filterModel()->rowCount(), 9);
        QTRY_COMPARE(window.statusPanel()->indicator(0)->status().state, ConnectionStatus::State::Live);

        // A task fails live; another is being killed.
        fake.sendEvent("status_update_event", FakeMarathon::statusUpdate("prod_web.instance-2._app", "/prod/web", "TASK_FAILED",
                                                                         R"(,"message":"Container exited with status 1")"));
        fake.sendEvent("status_update_event", FakeMarathon::statusUpdate("prod_web.instance-4._app", "/prod/web", "TASK_KILLING"));
        QTRY_COMPARE(session.store()->find("prod_web.instance-4._app")->status, mar(MarStatus::Killing));
        QTRY_COMPARE(session.store()->find("prod_web.instance-2._app")->status, mar(MarStatus::Failed));
        window.tableModel()->flush();   // the proxy follows the table's flushes

        TaskFilterModel *proxy = window.filterModel();
        int healthColumnUnhealthy = 0;
        bool unreachableOverdue = false;
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex status = proxy->index(row, TaskColumn::Status);
            if (proxy->index(row, TaskColumn::Health).data().toString() == QStringLiteral("Unhealthy"))
                ++healthColumnUnhealthy;
            if (status.data(TaskRole::Status).toInt() == int(mar(MarStatus::Unreachable)))
                unreachableOverdue = status.data(TaskRole::Overdue).toBool();
        }
        QCOMPARE(healthColumnUnhealthy, 1);
        QVERIFY(unreachableOverdue);
        // The two problems lead the default order: the live failure, then the unreachable task.
        QCOMPARE(proxy->index(0, 0).data(TaskRole::TaskId).toByteArray(), QByteArray("prod_web.instance-2._app"));
        QCOMPARE(proxy->index(1, 0).data(TaskRole::TaskId).toByteArray(), QByteArray("prod_api.instance-1._app"));

        QTest::qWait(200);
        const QString path = QDir::current().absoluteFilePath(QStringLiteral("screenshots/taskmon-marathon.png"));
        QVERIFY(window.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
        session.stop();
    }
};

QTEST_MAIN(TestMarathonWindow)
#include "tst_marathonwindow.moc"
