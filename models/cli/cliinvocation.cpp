// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliinvocation.h"

#include "domain/actionrules.h"
#include "itemmodels/taskquery.h"
#include "session/optionreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace {
const QString Program = QStringLiteral("taskmon-cli");

// One command of taskmon-cli that sends an action: the action its bare form sends, and the
// actions a flag picks instead ("kill --scale"). Built from the registered systems.
struct ActionCommand
{
    QString name;
    TaskAction base{};
    bool hasBase = false;
    QList<TaskAction> flagged;
};

QList<ActionCommand> actionCommands()
{
    QList<ActionCommand> result;
    for (int i = 0; i < TaskActions::count(); ++i) {
        const auto action = TaskAction(i);
        const ActionDefinition &definition = TaskActions::definition(action);
        const QString name = definition.cliCommand.isEmpty() ? QString(definition.key) : QString(definition.cliCommand);
        auto it = std::find_if(result.begin(), result.end(), [&](const ActionCommand &c) { return c.name == name; });
        if (it == result.end()) {
            result.append(ActionCommand{name, {}, false, {}});
            it = result.end() - 1;
        }
        if (definition.cliFlag.isEmpty()) {
            it->base = action;
            it->hasBase = true;
        } else {
            it->flagged.append(action);
        }
    }
    return result;
}

QString commandSummary(const ActionCommand &command)
{
    QString summary = command.hasBase ? TaskActions::help(command.base) : QString();
    for (TaskAction action : command.flagged) {
        summary += QStringLiteral(" (--%1: %2)").arg(QString(TaskActions::definition(action).cliFlag),
                                                   TaskActions::label(action));
    }
    return summary;
}

QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QCoreApplication::translate("taskmon-cli", "Show this help."));
}

void addCommonActionOptions(QCommandLineParser *parser)
{
    parser->addOption({QStringLiteral("yes"), QCoreApplication::translate("taskmon-cli", "Do not ask before destructive actions on a terminal.")});
    parser->addOption({QStringLiteral("force"), QCoreApplication::translate("taskmon-cli", "Override a lock the server reported (Marathon: cancel the deployment that holds the app, after a 409).")});
}

bool fail(QString *error, const QString &message, const QString &command = {})
{
    *error = message + u'\n'
        + (command.isEmpty() ? QCoreApplication::translate("taskmon-cli", "Try '%1 --help'.").arg(Program)
                             : QCoreApplication::translate("taskmon-cli", "Try '%1 %2 --help'.").arg(Program, command));
    return false;
}

bool readSeconds(const QCommandLineParser &parser, const QString &name, double *seconds, QString *error,
                 const QString &command)
{
    QString problem;
    if (!OptionReader::readNumber(parser, name, 0, CliInvocation::MaxSeconds, seconds, &problem,
                                  QCoreApplication::translate("taskmon-cli", "a number of seconds")))
        return fail(error, problem, command);
    return true;
}

// A query error with a caret under the spot, as a compiler would show it.
QString queryError(const QString &query, const TaskQuery::Error &problem)
{
    return QCoreApplication::translate("taskmon-cli", "--filter: %1\n  %2\n  %3^").arg(problem.message, query, QString(problem.position, u' '));
}
} // namespace

QString CliInvocation::usage(const ConnectionParsing &connections)
{
    QString text = QCoreApplication::translate("taskmon-cli", "%1 %2\nUsage: %1 [connection options] COMMAND [options] [ARGS]\n\n")
                       .arg(Program, QCoreApplication::applicationVersion());
    text += QCoreApplication::translate("taskmon-cli", "Follow Marathon and Evergreen tasks from a terminal, with the rules of the taskmon window.\n\n");
    text += QCoreApplication::translate("taskmon-cli", "Commands:\n");
    const auto line = [&text](const QString &name, const QString &summary) {
        text += QStringLiteral("  %1  %2\n").arg(name.leftJustified(22), summary);
    };
    line(QStringLiteral("list"), QCoreApplication::translate("taskmon-cli", "print the current tasks"));
    line(QStringLiteral("watch"), QCoreApplication::translate("taskmon-cli", "print one line per status change as it happens"));
    for (const ActionCommand &command : actionCommands())
        line(command.name, commandSummary(command));
    QCommandLineParser parser;
    connections.declare(&parser);
    parser.addOption({QStringLiteral("timeout"), QCoreApplication::translate("taskmon-cli", "Seconds to wait for every connection and for answers (default 30)."), QCoreApplication::translate("taskmon-cli", "SECONDS")});
    text += u'\n' + parser.helpText().section(u'\n', 2);
    text += QCoreApplication::translate("taskmon-cli", "\nExit codes: 0 success, 1 a request or an action failed, 2 usage error.\n"
               "'%1 COMMAND --help' describes each command.\n").arg(Program);
    return text;
}

bool CliInvocation::parse(const QStringList &arguments, const ConnectionParsing &connections,
                          CliInvocation *invocation, QString *error)
{
    // Connection options come first; the first word that is not an option is the command.
    QCommandLineParser global;
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    connections.declare(&global);
    global.addOption({QStringLiteral("timeout"), QCoreApplication::translate("taskmon-cli", "Seconds to wait."), QCoreApplication::translate("taskmon-cli", "SECONDS")});
    global.addOption(helpOption());
    if (!global.parse(QStringList{Program} + arguments))
        return fail(error, global.errorText());

    CliInvocation result;
    if (!connections.read(global, error))
        return fail(error, *error);
    double timeout = result.timeoutSeconds;
    if (!readSeconds(global, QStringLiteral("timeout"), &timeout, error, {}))
        return false;
    result.timeoutSeconds = std::max(1, int(timeout));  // readSeconds bounded it

    const QStringList rest = global.positionalArguments();
    if (global.isSet(QStringLiteral("help")) || rest.isEmpty()) {
        result.command = Command::Help;
        result.helpText = usage(connections);
        *invocation = result;
        if (rest.isEmpty() && !global.isSet(QStringLiteral("help")))
            return fail(error, QCoreApplication::translate("taskmon-cli", "No command given."));
        return true;
    }

    const QString command = rest.first();
    QCommandLineParser sub;
    sub.setApplicationDescription(QString());
    sub.addOption(helpOption());
    QString synopsis;
    QString summary;
    const QList<ActionCommand> acts = actionCommands();
    const auto act = std::find_if(acts.cbegin(), acts.cend(), [&](const ActionCommand &c) { return c.name == command; });
    if (command == u"list")
        summary = QCoreApplication::translate("taskmon-cli", "print the current tasks");
    else if (command == u"watch")
        summary = QCoreApplication::translate("taskmon-cli", "print one line per status change as it happens");
    else if (act != acts.cend())
        summary = commandSummary(*act);
    if (summary.isEmpty())
        return fail(error, QCoreApplication::translate("taskmon-cli", "Unknown command “%1”.").arg(command));
    const TaskAction baseAction = act != acts.cend() ? (act->hasBase ? act->base : act->flagged.first()) : TaskAction{};
    const ActionDefinition &definition = TaskActions::definition(baseAction);
    const bool takesValue = act != acts.cend() && definition.input == ActionInput::Priority;

    if (command == u"list") {
        synopsis = QStringLiteral("list [--live SECONDS] [--filter QUERY] [--format table|json|csv]");
        sub.addOption({QStringLiteral("live"), QCoreApplication::translate("taskmon-cli", "Follow the stream or the polling this long first, then print."), QCoreApplication::translate("taskmon-cli", "SECONDS")});
        sub.addOption({QStringLiteral("filter"), QCoreApplication::translate("taskmon-cli", "Only tasks matching QUERY (the search language of the window)."), QCoreApplication::translate("taskmon-cli", "QUERY")});
        sub.addOption({QStringLiteral("format"), QCoreApplication::translate("taskmon-cli", "table (default), json or csv."), QCoreApplication::translate("taskmon-cli", "FORMAT")});
    } else if (command == u"watch") {
        synopsis = QStringLiteral("watch [--for SECONDS] [--filter QUERY] [--format text|jsonl] [--notify QUERY]...");
        sub.addOption({QStringLiteral("for"), QCoreApplication::translate("taskmon-cli", "Stop after this long (default: until interrupted)."), QCoreApplication::translate("taskmon-cli", "SECONDS")});
        sub.addOption({QStringLiteral("notify"), QCoreApplication::translate("taskmon-cli", "Show a desktop notification when a task starts to match QUERY (repeatable)."),
                       QCoreApplication::translate("taskmon-cli", "QUERY")});
        sub.addOption({QStringLiteral("filter"), QCoreApplication::translate("taskmon-cli", "Only changes of tasks matching QUERY."), QCoreApplication::translate("taskmon-cli", "QUERY")});
        sub.addOption({QStringLiteral("format"), QCoreApplication::translate("taskmon-cli", "text (default) or jsonl."), QCoreApplication::translate("taskmon-cli", "FORMAT")});
    } else if (takesValue) {
        synopsis = command + QStringLiteral(" N [--admin] ID...");
        sub.addOption({QStringLiteral("admin"), QCoreApplication::translate("taskmon-cli", "Allow a value above %1 as an explicit admin request.").arg(definition.maxValue)});
        addCommonActionOptions(&sub);
    } else {
        QStringList flags;
        for (TaskAction action : act->flagged) {
            const ActionDefinition &flagged = TaskActions::definition(action);
            flags.append(QStringLiteral("--") + QString(flagged.cliFlag));
            sub.addOption({QString(flagged.cliFlag), QCoreApplication::translate("TaskAction", flagged.cliFlagHelp)});
        }
        synopsis = command + (flags.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(flags.join(u'|')))
            + (definition.targetsGroup ? QStringLiteral(" GROUP...") : QStringLiteral(" ID..."));
        addCommonActionOptions(&sub);
    }
    sub.addPositionalArgument(QStringLiteral("args"), QString(), synopsis.section(u' ', 1));
    QStringList subArguments = rest.mid(1);
    QString priorityText;
    if (takesValue) {
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
        result.helpText = QCoreApplication::translate("taskmon-cli", "Usage: %1 [connection options] %2\n\n%3.\n\n").arg(Program, synopsis, summary)
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
            return fail(error, QCoreApplication::translate("taskmon-cli", "Unknown format “%1”; %2 knows %3.").arg(format, command,
                                                                          list ? QStringLiteral("table, json and csv")
                                                                               : QStringLiteral("text and jsonl")), command);
        if (!args.isEmpty())
            return fail(error, QCoreApplication::translate("taskmon-cli", "%1 takes no arguments, but got “%2”.").arg(command, args.first()), command);
        *invocation = result;
        return true;
    }

    result.command = Command::Act;
    result.yes = sub.isSet(QStringLiteral("yes"));
    result.force = sub.isSet(QStringLiteral("force"));
    result.action = baseAction;
    if (takesValue) {
        if (priorityText.isEmpty() && !args.isEmpty())
            priorityText = args.takeFirst();
        if (priorityText.isEmpty() || args.isEmpty())
            return fail(error, QCoreApplication::translate("taskmon-cli", "%1 needs a number and at least one task id.").arg(command), command);
        bool ok = false;
        result.priority = priorityText.toLongLong(&ok);
        if (!ok) {
            return fail(error, QCoreApplication::translate("taskmon-cli", "“%1” is not a number: give an integer from %2 to %3.")
                                   .arg(priorityText).arg(definition.minValue).arg(definition.maxValue), command);
        }
        result.admin = sub.isSet(QStringLiteral("admin"));
        const QString problem = ActionRules::checkValue(baseAction, result.priority, result.admin);
        if (!problem.isEmpty())
            return fail(error, problem + (result.priority > definition.maxValue ? QCoreApplication::translate("taskmon-cli", " (add --admin)") : QString()), command);
    } else {
        QStringList set;
        for (TaskAction action : act->flagged) {
            if (sub.isSet(QString(TaskActions::definition(action).cliFlag))) {
                set.append(QStringLiteral("--") + QString(TaskActions::definition(action).cliFlag));
                result.action = action;
            }
        }
        if (set.size() > 1)
            return fail(error, QCoreApplication::translate("taskmon-cli", "%1 cannot go together.").arg(set.join(QStringLiteral(" and "))), command);
        if (set.isEmpty() && !act->hasBase)
            return fail(error, QCoreApplication::translate("taskmon-cli", "%1 needs one of its options.").arg(command), command);
    }
    if (args.isEmpty()) {
        return fail(error, QCoreApplication::translate("taskmon-cli", "%1 needs at least one %2.")
                               .arg(command, definition.targetsGroup ? QCoreApplication::translate("taskmon-cli", "group or task id") : QCoreApplication::translate("taskmon-cli", "task id")), command);
    }
    result.ids = args;
    *invocation = result;
    return true;
}
