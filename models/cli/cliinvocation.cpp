// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliinvocation.h"

#include "domain/actionrules.h"
#include "itemmodels/taskquery.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>


namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("taskmon-cli", text);
}

const QString Program = QStringLiteral("taskmon-cli");

struct CommandInfo
{
    const char *name;
    const char *summary;
};

const CommandInfo commands[] = {
    {"list", QT_TRANSLATE_NOOP("taskmon-cli", "print the current tasks")},
    {"watch", QT_TRANSLATE_NOOP("taskmon-cli", "print one line per status change as it happens")},
    {"abort", QT_TRANSLATE_NOOP("taskmon-cli", "abort running Evergreen tasks")},
    {"restart", QT_TRANSLATE_NOOP("taskmon-cli", "restart finished Evergreen tasks")},
    {"schedule", QT_TRANSLATE_NOOP("taskmon-cli", "let the Evergreen scheduler run tasks")},
    {"unschedule", QT_TRANSLATE_NOOP("taskmon-cli", "keep the Evergreen scheduler from running tasks")},
    {"priority", QT_TRANSLATE_NOOP("taskmon-cli", "set the priority of Evergreen tasks: priority N ID...")},
    {"override-dependencies", QT_TRANSLATE_NOOP("taskmon-cli", "run blocked Evergreen tasks anyway")},
    {"kill", QT_TRANSLATE_NOOP("taskmon-cli", "kill Marathon tasks (--scale: scale the app down, --wipe: free local volumes)")},
    {"restart-app", QT_TRANSLATE_NOOP("taskmon-cli", "rolling restart of Marathon apps (app ids or task ids)")},
};

QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
}

void addCommonActionOptions(QCommandLineParser *parser)
{
    parser->addOption({QStringLiteral("yes"), tr("Do not ask before destructive actions on a terminal.")});
    parser->addOption({QStringLiteral("force"), tr("Marathon: cancel a deployment that holds the app (after a 409).")});
}

bool fail(QString *error, const QString &message, const QString &command = {})
{
    *error = message + u'\n'
        + (command.isEmpty() ? tr("Try '%1 --help'.").arg(Program)
                             : tr("Try '%1 %2 --help'.").arg(Program, command));
    return false;
}

bool readSeconds(const QCommandLineParser &parser, const QString &name, double *seconds, QString *error,
                 const QString &command)
{
    QString problem;
    if (!ConnectionOptions::readNumber(parser, name, 0, CliInvocation::MaxSeconds, seconds, &problem,
                                       tr("a number of seconds")))
        return fail(error, problem, command);
    return true;
}

// A query error with a caret under the spot, as a compiler would show it.
QString queryError(const QString &query, const TaskQuery::Error &problem)
{
    return tr("--filter: %1\n  %2\n  %3^").arg(problem.message, query, QString(problem.position, u' '));
}
} // namespace

QString CliInvocation::usage()
{
    QString text = tr("%1 %2\nUsage: %1 [connection options] COMMAND [options] [ARGS]\n\n")
                       .arg(Program, QCoreApplication::applicationVersion());
    text += tr("Follow Marathon and Evergreen tasks from a terminal, with the rules of the taskmon window.\n\n");
    text += tr("Commands:\n");
    for (const CommandInfo &command : commands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(command.name).leftJustified(22), tr(command.summary));
    QCommandLineParser parser;
    ConnectionOptions::addTo(&parser);
    parser.addOption({QStringLiteral("timeout"), tr("Seconds to wait for every connection and for answers (default 30)."), tr("SECONDS")});
    text += u'\n' + parser.helpText().section(u'\n', 2);
    text += tr("\nExit codes: 0 success, 1 a request or an action failed, 2 usage error.\n"
               "'%1 COMMAND --help' describes each command.\n").arg(Program);
    return text;
}

bool CliInvocation::parse(const QStringList &arguments, CliInvocation *invocation, QString *error)
{
    // Connection options come first; the first word that is not an option is the command.
    QCommandLineParser global;
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    ConnectionOptions::addTo(&global);
    global.addOption({QStringLiteral("timeout"), tr("Seconds to wait."), tr("SECONDS")});
    global.addOption(helpOption());
    if (!global.parse(QStringList{Program} + arguments))
        return fail(error, global.errorText());

    CliInvocation result;
    if (!result.connection.read(global, error))
        return fail(error, *error);
    double timeout = result.timeoutSeconds;
    if (!readSeconds(global, QStringLiteral("timeout"), &timeout, error, {}))
        return false;
    result.timeoutSeconds = std::max(1, int(timeout));  // readSeconds bounded it

    const QStringList rest = global.positionalArguments();
    if (global.isSet(QStringLiteral("help")) || rest.isEmpty()) {
        result.command = Command::Help;
        result.helpText = usage();
        *invocation = result;
        if (rest.isEmpty() && !global.isSet(QStringLiteral("help")))
            return fail(error, tr("No command given."));
        return true;
    }

    const QString command = rest.first();
    QCommandLineParser sub;
    sub.setApplicationDescription(QString());
    sub.addOption(helpOption());
    QString synopsis;
    QString summary;
    for (const CommandInfo &info : commands) {
        if (command == QLatin1StringView(info.name))
            summary = tr(info.summary);
    }
    if (summary.isEmpty())
        return fail(error, tr("Unknown command “%1”.").arg(command));

    if (command == u"list") {
        synopsis = QStringLiteral("list [--live SECONDS] [--filter QUERY] [--format table|json|csv]");
        sub.addOption({QStringLiteral("live"), tr("Follow the stream or the polling this long first, then print."), tr("SECONDS")});
        sub.addOption({QStringLiteral("filter"), tr("Only tasks matching QUERY (the search language of the window)."), tr("QUERY")});
        sub.addOption({QStringLiteral("format"), tr("table (default), json or csv."), tr("FORMAT")});
    } else if (command == u"watch") {
        synopsis = QStringLiteral("watch [--for SECONDS] [--filter QUERY] [--format text|jsonl] [--notify QUERY]...");
        sub.addOption({QStringLiteral("for"), tr("Stop after this long (default: until interrupted)."), tr("SECONDS")});
        sub.addOption({QStringLiteral("notify"), tr("Show a desktop notification when a task starts to match QUERY (repeatable)."),
                       tr("QUERY")});
        sub.addOption({QStringLiteral("filter"), tr("Only changes of tasks matching QUERY."), tr("QUERY")});
        sub.addOption({QStringLiteral("format"), tr("text (default) or jsonl."), tr("FORMAT")});
    } else if (command == u"priority") {
        synopsis = QStringLiteral("priority N [--admin] ID...");
        sub.addOption({QStringLiteral("admin"), tr("Allow a priority above 100 (needs Evergreen project admin rights).")});
        addCommonActionOptions(&sub);
    } else if (command == u"kill") {
        synopsis = QStringLiteral("kill [--scale|--wipe] ID...");
        sub.addOption({QStringLiteral("scale"), tr("Also scale the app down by one per killed task.")});
        sub.addOption({QStringLiteral("wipe"), tr("Also free the local volumes of resident tasks.")});
        addCommonActionOptions(&sub);
    } else {
        synopsis = command + (command == u"restart-app" ? QStringLiteral(" APP...") : QStringLiteral(" ID..."));
        addCommonActionOptions(&sub);
    }
    sub.addPositionalArgument(QStringLiteral("args"), QString(), synopsis.section(u' ', 1));
    QStringList subArguments = rest.mid(1);
    QString priorityText;
    if (command == u"priority") {
        // "-1" is a priority, not an option: take the number out before the parser sees it.
        static const QRegularExpression number(QStringLiteral("^[-+]?[0-9]+$"));
        for (qsizetype i = 0; i < subArguments.size(); ++i) {
            if (number.match(subArguments[i]).hasMatch()) {
                priorityText = subArguments.takeAt(i);
                break;
            }
        }
    }
    if (!sub.parse(QStringList{Program + u' ' + command} + subArguments))
        return fail(error, sub.errorText(), command);
    if (sub.isSet(QStringLiteral("help"))) {
        result.command = Command::Help;
        result.helpText = tr("Usage: %1 [connection options] %2\n\n%3.\n\n").arg(Program, synopsis, summary)
            + sub.helpText().section(u'\n', 2);
        *invocation = result;
        return true;
    }
    QStringList args = sub.positionalArguments();

    if (command == u"list" || command == u"watch") {
        result.command = command == u"list" ? Command::List : Command::Watch;
        const bool seconds = result.command == Command::List
            ? readSeconds(sub, QStringLiteral("live"), &result.liveSeconds, error, command)
            : readSeconds(sub, QStringLiteral("for"), &result.forSeconds, error, command);
        if (!seconds)
            return false;
        result.filter = sub.value(QStringLiteral("filter"));
        TaskQuery::Error problem;
        TaskQuery::parse(result.filter, &problem);
        if (problem.isError())
            return fail(error, queryError(result.filter, problem), command);
        if (result.command == Command::Watch) {
            result.notifyQueries = sub.values(QStringLiteral("notify"));
            for (const QString &query : std::as_const(result.notifyQueries)) {
                TaskQuery::parse(query, &problem);
                if (problem.isError())
                    return fail(error, queryError(query, problem), command);
            }
        }
        const QString format = sub.value(QStringLiteral("format"));
        const bool list = result.command == Command::List;
        if (format.isEmpty())
            result.format = list ? Format::Table : Format::Text;
        else if (list && format == u"table")
            result.format = Format::Table;
        else if (list && format == u"json")
            result.format = Format::Json;
        else if (list && format == u"csv")
            result.format = Format::Csv;
        else if (!list && format == u"text")
            result.format = Format::Text;
        else if (!list && format == u"jsonl")
            result.format = Format::Jsonl;
        else
            return fail(error, tr("Unknown format “%1”; %2 knows %3.").arg(format, command,
                                                                          list ? QStringLiteral("table, json and csv")
                                                                               : QStringLiteral("text and jsonl")), command);
        if (!args.isEmpty())
            return fail(error, tr("%1 takes no arguments, but got “%2”.").arg(command, args.first()), command);
        *invocation = result;
        return true;
    }

    result.command = Command::Act;
    result.yes = sub.isSet(QStringLiteral("yes"));
    result.force = sub.isSet(QStringLiteral("force"));
    if (command == u"priority") {
        if (priorityText.isEmpty() && !args.isEmpty())
            priorityText = args.takeFirst();
        if (priorityText.isEmpty() || args.isEmpty())
            return fail(error, tr("priority needs a number and at least one task id."), command);
        bool ok = false;
        result.priority = priorityText.toLongLong(&ok);
        if (!ok)
            return fail(error, tr("“%1” is not a priority: give an integer from −1 to 100.").arg(priorityText), command);
        result.admin = sub.isSet(QStringLiteral("admin"));
        const QString problem = ActionRules::checkPriority(result.priority, result.admin);
        if (!problem.isEmpty())
            return fail(error, problem + (result.priority > 100 ? tr(" (add --admin)") : QString()), command);
        result.action = TaskAction::SetPriority;
    } else if (command == u"kill") {
        const bool scale = sub.isSet(QStringLiteral("scale"));
        const bool wipe = sub.isSet(QStringLiteral("wipe"));
        if (scale && wipe)
            return fail(error, tr("--scale and --wipe cannot go together (Marathon refuses it)."), command);
        result.action = scale ? TaskAction::KillAndScale : wipe ? TaskAction::KillAndWipe : TaskAction::Kill;
    } else if (!TaskActions::fromKey(command, &result.action)) {
        return fail(error, tr("Unknown command “%1”.").arg(command));
    }
    if (args.isEmpty())
        return fail(error, tr("%1 needs at least one %2.").arg(command, command == u"restart-app" ? tr("app") : tr("task id")), command);
    result.ids = args;
    *invocation = result;
    return true;
}
