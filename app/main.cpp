// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/tasktablemodel.h"
#include "mainwindow.h"
#include "notificationservice.h"
#include "notify/acknowledgements.h"
#include "notify/notificationcenter.h"
#include "theme.h"
#include "windownotifications.h"

#include "session/optionreader.h"
#include "session/session.h"
#include "systems/connectionoptions.h"
#include "systems/registersystems.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {
// --screenshot: grab the window after a delay, save it and quit. The repository's
// screenshot script and the README pictures use it.
void scheduleScreenshot(MainWindow *window, const QString &path, int delayMs)
{
    QTimer::singleShot(delayMs, window, [window, path] {
        const bool saved = window->grab().save(path);
        std::fprintf(stderr, saved ? "taskmon: saved %s\n" : "taskmon: could not save %s\n", qPrintable(path));
        QCoreApplication::exit(saved ? 0 : 1);
    });
}
} // namespace

int main(int argc, char *argv[])
{
    registerSystems();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taskmon"));
    QApplication::setOrganizationName(QStringLiteral("taskmon"));
    QApplication::setApplicationVersion(QStringLiteral(TASKMON_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/taskmon.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Watch Marathon and Evergreen CI tasks live and act on failures."));
    parser.addHelpOption();
    // No --version: Evergreen's --version ID takes the name (DESIGN.md §5).
    ConnectionOptions::addTo(&parser);
    parser.addOption({QStringLiteral("theme"), QApplication::translate("main", "light, dark or system (default)."),
                      QStringLiteral("THEME"), QStringLiteral("system")});
    parser.addOption({QStringLiteral("screenshot"), QApplication::translate("main", "Save a picture of the window to FILE and quit."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("screenshot-delay"), QApplication::translate("main", "Milliseconds to wait before --screenshot (default 4000)."),
                      QStringLiteral("MS"), QStringLiteral("4000")});
    parser.addOption({QStringLiteral("search"), QApplication::translate("main", "Start with this search."),
                      QStringLiteral("QUERY")});
    parser.addOption({QStringLiteral("unreachable-after"),
                      QApplication::translate("main", "Highlight Marathon tasks unreachable for this many minutes (default 15)."),
                      QStringLiteral("MINUTES")});
    parser.addOption({QStringLiteral("notify"),
                      QApplication::translate("main", "Show a desktop notification when a task starts to match QUERY, for this run (repeatable)."),
                      QStringLiteral("QUERY")});
    parser.process(app);

    ConnectionOptions options;
    QString error;
    if (!options.read(parser, &error)) {
        std::fprintf(stderr, "taskmon: %s\n", qPrintable(error));
        return 2;
    }
    QList<NotificationRule> thisRun;
    for (const QString &query : parser.values(QStringLiteral("notify"))) {
        TaskQuery::Error problem;
        if (TaskQuery::parse(query, &problem).isEmpty()) {
            std::fprintf(stderr, "taskmon: --notify %s: %s\n", qPrintable(query),
                         qPrintable(problem.isError() ? problem.message : QApplication::translate("main", "the query is empty")));
            return 2;
        }
        thisRun.append(NotificationRule::fromCommandLine(query));
    }
    UiTheme::apply(app, parser.value(QStringLiteral("theme")));

    // Before the window: its search may ask is:new.
    Acknowledgements acknowledgements(Acknowledgements::defaultPath());
    acknowledgements.makeCurrent();

    Session session;
    session.setReadOnly(options.readOnly);
    for (Backend *backend : options.createBackends())
        session.addBackend(backend);

    NotificationService notifications(&session);
    MainWindow window(&session);
    {
        QSettings settings;
        notifications.center()->setInterval(NotificationSettings::interval(settings));
        auto *windowNotifications = new WindowNotifications(&window, &session, &notifications, &acknowledgements);
        windowNotifications->setRules(NotificationRule::load(settings), thisRun);
    }
    if (parser.isSet(QStringLiteral("unreachable-after"))) {
        double minutes = 0;
        if (!OptionReader::readNumber(parser, QStringLiteral("unreachable-after"), 0, 7 * 24 * 60, &minutes,
                                      &error, QApplication::translate("main", "minutes"))) {
            std::fprintf(stderr, "taskmon: %s\n", qPrintable(error));
            return 2;
        }
        window.tableModel()->setUnreachableThreshold(qint64(minutes * 60 * 1000));
    }
    if (parser.isSet(QStringLiteral("search")))
        window.search(parser.value(QStringLiteral("search")));
    window.show();
    session.start();
    if (parser.isSet(QStringLiteral("screenshot"))) {
        scheduleScreenshot(&window, parser.value(QStringLiteral("screenshot")),
                           parser.value(QStringLiteral("screenshot-delay")).toInt());
    }
    return QApplication::exec();
}
