// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cliinvocation.h"
#include "cli/clirunner.h"
#include "desktopnotifier.h"
#include "notificationservice.h"
#include "session/session.h"
#include "systems/connectionoptions.h"
#include "systems/registersystems.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <sys/ioctl.h>
#include <unistd.h>

namespace {
int terminalWidth()
{
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    bool ok = false;
    const int columns = qEnvironmentVariableIntValue("COLUMNS", &ok);
    return ok ? columns : 0;
}

CliTerminal terminal()
{
    CliTerminal result;
    const bool outIsTerminal = isatty(STDOUT_FILENO);
    result.interactive = outIsTerminal && isatty(STDIN_FILENO);
    // https://no-color.org: any value of NO_COLOR turns colour off.
    result.color = outIsTerminal && !qEnvironmentVariableIsSet("NO_COLOR");
    result.width = outIsTerminal ? terminalWidth() : qEnvironmentVariableIntValue("COLUMNS");
    result.confirm = [](const QString &question) {
        QTextStream err(stderr);
        err << question << QStringLiteral(" [y/N] ") << Qt::flush;
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        return answer == u"y" || answer == u"yes";
    };
    return result;
}
} // namespace

int main(int argc, char *argv[])
{
    registerSystems();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskmon-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("taskmon"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKMON_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    CliInvocation invocation;
    ConnectionOptions connections;
    const CliInvocation::ConnectionParsing parsing{
        &ConnectionOptions::addTo,
        [&connections](const QCommandLineParser &parser, QString *error) { return connections.read(parser, error); }};
    QString error;
    if (!CliInvocation::parse(QCoreApplication::arguments().mid(1), parsing, &invocation, &error)) {
        err << QStringLiteral("taskmon-cli: ") << error << Qt::endl;
        return CliInvocation::Usage;
    }
    if (invocation.command == CliInvocation::Command::Help) {
        out << invocation.helpText << Qt::flush;
        return CliInvocation::Ok;
    }

    Session session;
    session.setReadOnly(connections.readOnly);
    for (Backend *backend : connections.createBackends())
        session.addBackend(backend);
    // watch --notify: the desktop gets the notifications, stderr a line for each, so a
    // terminal without a notification service still sees them.
    std::unique_ptr<NotificationService> notifications;
    if (invocation.command == CliInvocation::Command::Watch && !invocation.notifyQueries.isEmpty()) {
        notifications = std::make_unique<NotificationService>(&session);
        QList<NotificationRule> rules;
        for (const QString &query : std::as_const(invocation.notifyQueries))
            rules.append(NotificationRule::fromCommandLine(query));
        notifications->setRules(rules);
        QObject::connect(notifications.get(), &NotificationService::notificationReady, &app,
                         [&err](const Notification &n) {
                             err << QStringLiteral("taskmon-cli: ") << n.summary << QStringLiteral(" — ") << n.body << Qt::endl;
                         });
        QObject::connect(notifications->notifier(), &DesktopNotifier::unavailable, &app,
                         [&err](const QString &reason) { err << QStringLiteral("taskmon-cli: ") << reason << Qt::endl; });
    }
    CliRunner runner(invocation, &session, &out, &err, terminal());
    QObject::connect(&runner, &CliRunner::finished, &app, [](int code) { QCoreApplication::exit(code); });
    runner.start();
    return QCoreApplication::exec();
}
