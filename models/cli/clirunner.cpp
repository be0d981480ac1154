// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirunner.h"

#include "domain/isotime.h"
#include "itemmodels/taskformat.h"
#include "itemmodels/taskordering.h"
#include "itemmodels/taskquery.h"
#include "session/session.h"
#include "tableprinter.h"
#include "taskrecord.h"

#include <QCoreApplication>

namespace {
using Format = CliInvocation::Format;

int milliseconds(double seconds)
{
    return int(std::clamp(seconds, 0.0, double(CliInvocation::MaxSeconds)) * 1000);
}
} // namespace

CliRunner::CliRunner(const CliInvocation &invocation, Session *session, QTextStream *out, QTextStream *err,
                     CliTerminal terminal, QObject *parent)
    : QObject(parent)
    , m_invocation(invocation)
    , m_session(session)
    , m_out(out)
    , m_err(err)
    , m_terminal(std::move(terminal))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &CliRunner::onTimeout);
    connect(session, &Session::connectionChanged, this, &CliRunner::onConnectionChanged);
    connect(session, &Session::snapshotMerged, this, [this](int connection) { onSnapshotMerged(connection); });
    connect(session, &Session::actionFinished, this, &CliRunner::onActionFinished);
}

void CliRunner::start()
{
    m_deadline.start(milliseconds(m_invocation.timeoutSeconds));
    m_session->start();
    checkReady();
}

void CliRunner::onConnectionChanged(int connection, const ConnectionStatus &status)
{
    const bool changed = m_status.value(connection).state != status.state
        || m_status.value(connection).detail != status.detail;
    m_status.insert(connection, status);
    if (changed && status.state != ConnectionStatus::State::Idle) {
        *m_err << m_session->backend(connection)->displayName() << QStringLiteral(": ")
               << status.text(IsoTime::now()) << Qt::endl;
    }
    if (status.state == ConnectionStatus::State::Failed)
        m_anyFailed = true;
    checkReady();
}

void CliRunner::onSnapshotMerged(int connection)
{
    m_listed.insert(connection);
    checkReady();
}

bool CliRunner::allFailedOrReady(QStringList *notReady) const
{
    bool all = true;
    for (int connection = 0; connection < m_session->backends().size(); ++connection) {
        const ConnectionStatus status = m_session->backend(connection)->connectionStatus();
        const bool failed = status.state == ConnectionStatus::State::Failed;
        const bool ready = m_listed.contains(connection) && (status.isHealthy() || status.state == ConnectionStatus::State::Stale);
        if (!failed && !ready) {
            all = false;
            if (notReady)
                notReady->append(m_session->backend(connection)->displayName() + QStringLiteral(": ")
                                 + status.text(IsoTime::now()));
        }
    }
    return all;
}

void CliRunner::checkReady()
{
    if (m_ready || m_session->isMerging() || !allFailedOrReady(nullptr))
        return;
    m_ready = true;
    m_deadline.stop();
    // Leave the signal handler first: the store finishes its own work on this merge.
    QTimer::singleShot(0, this, &CliRunner::onReady);
}

void CliRunner::onTimeout()
{
    if (m_ready) {
        // --live or --for elapsed, or an action's answers did not all come.
        if (m_invocation.command == CliInvocation::Command::List)
            list();
        else if (m_invocation.command == CliInvocation::Command::Act) {
            *m_err << tr("Gave up waiting for the server's answer after %1 s.").arg(m_invocation.timeoutSeconds) << Qt::endl;
            finish(CliInvocation::Failed);
        } else {
            finish(m_anyFailed ? CliInvocation::Failed : CliInvocation::Ok);
        }
        return;
    }
    QStringList notReady;
    allFailedOrReady(&notReady);
    *m_err << tr("Could not reach every connection within %1 s:").arg(m_invocation.timeoutSeconds) << Qt::endl;
    for (const QString &line : notReady)
        *m_err << QStringLiteral("  ") << line << Qt::endl;
    finish(CliInvocation::Failed);
}

void CliRunner::onReady()
{
    switch (m_invocation.command) {
    case CliInvocation::Command::List:
        if (m_invocation.liveSeconds > 0) {
            m_deadline.start(milliseconds(m_invocation.liveSeconds));
            return;
        }
        list();
        return;
    case CliInvocation::Command::Watch: {
        TaskQuery::Error error;
        m_query = TaskQuery::parse(m_invocation.filter, &error);   // checked when parsing
        connect(m_session->store(), &TaskStore::transitionsRecorded, this, &CliRunner::printTransitions);
        if (m_invocation.forSeconds > 0)
            m_deadline.start(milliseconds(m_invocation.forSeconds));
        return;
    }
    case CliInvocation::Command::Act:
        act();
        return;
    case CliInvocation::Command::Help:
        finish(CliInvocation::Ok);
        return;
    }
}

void CliRunner::list()
{
    const TaskStore &store = *m_session->store();
    TaskQuery::Error error;
    const TaskQuery query = TaskQuery::parse(m_invocation.filter, &error);
    QList<int> rows;
    for (int row = 0; row < store.size(); ++row) {
        if (query.matches(store.at(row)))
            rows.append(row);
    }
    const Timestamp now = store.now();
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        return TaskOrdering::compare(TaskColumn::Status, store.at(a), store.at(b), now) < 0;
    });
    const ActionContext &context = m_session->actionContext();

    switch (m_invocation.format) {
    case Format::Json: {
        // One object a line keeps the keys in the documented order and the output greppable.
        *m_out << u'[';
        for (qsizetype i = 0; i < rows.size(); ++i) {
            *m_out << (i ? ",\n  " : "\n  ")
                   << QString::fromUtf8(TaskRecord::toOrderedJson(TaskRecord::toJson(store.at(rows[i]), context),
                                                                  TaskRecord::keys()));
        }
        *m_out << (rows.isEmpty() ? "]\n" : "\n]\n");
        break;
    }
    case Format::Csv:
        *m_out << Csv::line(TaskRecord::keys());
        for (int row : rows)
            *m_out << Csv::line(TaskRecord::toFields(store.at(row), context));
        break;
    default: {
        TablePrinter table({{tr("STATUS"), false, 6}, {tr("ID"), true, 12}, {tr("NAME"), true, 8},
                            {tr("GROUP"), true, 8}, {tr("HOST"), true, 6}, {tr("UPDATED"), false, 8},
                            {tr("MESSAGE"), true, 7}},
                           m_terminal.width, m_terminal.color);
        for (int row : rows) {
            const Task &task = store.at(row);
            table.addRow({StatusTaxonomy::label(task.status), task.idString(), task.name.toString(),
                          task.group.toString(), task.host.toString(), TaskFormat::time(task.updatedAt, now),
                          task.message.toString()},
                         task.status);
        }
        *m_out << table.render();
        *m_err << tr("%n task(s) of %1 · %2 problems", nullptr, int(rows.size()))
                      .arg(store.size()).arg(store.counts().problems())
               << Qt::endl;
        break;
    }
    }
    finish(m_anyFailed ? CliInvocation::Failed : CliInvocation::Ok);
}

void CliRunner::printTransitions(const QList<StatusTransition> &transitions)
{
    const TaskQuery &query = m_query;
    const TaskStore &store = *m_session->store();
    for (const StatusTransition &transition : transitions) {
        const Task *task = store.find(transition.id);
        if (!task || !query.matches(*task))
            continue;
        if (m_invocation.format == Format::Jsonl) {
            QJsonObject line = TaskRecord::toJson(*task, m_session->actionContext());
            line.insert(QStringLiteral("at"), IsoTime::format(transition.at));
            line.insert(QStringLiteral("from"), transition.from == Status::Unset ? QJsonValue(QJsonValue::Null)
                                                                                 : QJsonValue(StatusTaxonomy::label(transition.from)));
            line.insert(QStringLiteral("to"), StatusTaxonomy::label(transition.to));
            static const QStringList order = QStringList{QStringLiteral("at"), QStringLiteral("from"),
                                                         QStringLiteral("to")} + TaskRecord::keys();
            *m_out << QString::fromUtf8(TaskRecord::toOrderedJson(line, order)) << u'\n';
        } else {
            QString to = StatusTaxonomy::label(transition.to);
            if (m_terminal.color)
                to = TablePrinter::colorStart(transition.to) + to + TablePrinter::colorEnd();
            const QString from = transition.from == Status::Unset ? tr("(new)") : StatusTaxonomy::label(transition.from);
            *m_out << IsoTime::format(transition.at) << u' ' << task->idString() << u' '
                   << task->group.toString() << u' ' << from << QStringLiteral(" → ") << to;
            if (task->failureKind() != FailureKind::None)
                *m_out << QStringLiteral(" (") << StatusTaxonomy::failureKindName(task->failureKind()) << u')';
            if (!task->message.isEmpty())
                *m_out << QStringLiteral(" — ") << task->message.toString();
            *m_out << u'\n';
        }
    }
    m_out->flush();
}

void CliRunner::act()
{
    const TaskStore &store = *m_session->store();
    const TaskAction action = m_invocation.action;
    QList<QByteArray> ids;
    bool refused = false;
    QSet<QByteArray> seen;
    for (const QString &given : m_invocation.ids) {
        QByteArray id = given.toUtf8();
        const Task *task = store.find(id);
        if (!task && TaskActions::definition(action).targetsGroup) {
            // A group id (a Marathon app): act through any task of the group whose system
            // declares the action.
            for (int row = 0; row < store.size() && !task; ++row) {
                if (store.at(row).group.view() == given && TaskActions::concerns(action, store.at(row).system()))
                    task = &store.at(row);
            }
            if (task)
                id = task->id;
        }
        if (!task) {
            *m_out << given << QStringLiteral(": ") << tr("not found") << u'\n';
            refused = true;
            continue;
        }
        const ActionVerdict verdict = ActionRules::check(*task, action, m_session->actionContext());
        if (!verdict.allowed) {
            *m_out << given << QStringLiteral(": ") << tr("not sent: %1").arg(verdict.reason) << u'\n';
            refused = true;
            continue;
        }
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    if (refused)
        m_exitCode = CliInvocation::Failed;
    if (ids.isEmpty()) {
        finish(CliInvocation::Failed);
        return;
    }
    if (TaskActions::isDestructive(action) && m_terminal.interactive && !m_invocation.yes && m_terminal.confirm) {
        const QString question = tr("%1 %n task(s)%2?", nullptr, int(ids.size()))
                                     .arg(TaskActions::label(action), m_invocation.force ? tr(" (forced)") : QString());
        if (!m_terminal.confirm(question)) {
            *m_err << tr("Nothing sent.") << Qt::endl;
            finish(CliInvocation::Failed);
            return;
        }
    }
    ActionOptions options;
    options.priority = qint32(m_invocation.priority);
    options.adminRequest = m_invocation.admin;
    options.force = m_invocation.force;
    m_actionId = m_session->perform(action, ids, options);
    if (m_actionId != 0 && m_session->pendingActions() > 0)
        m_deadline.start(milliseconds(m_invocation.timeoutSeconds));
}

void CliRunner::onActionFinished(const ActionOutcome &outcome)
{
    if (outcome.requestId != m_actionId || m_actionId == 0)
        return;
    m_deadline.stop();
    bool forceHint = false;
    for (const ActionResult &result : outcome.results) {
        *m_out << QString::fromUtf8(result.taskId) << QStringLiteral(": ");
        if (result.ok) {
            *m_out << tr("ok");
            if (!result.message.isEmpty())
                *m_out << QStringLiteral(" — ") << result.message;
        } else {
            m_exitCode = CliInvocation::Failed;
            *m_out << tr("failed");
            if (result.httpStatus)
                *m_out << QStringLiteral(" (HTTP %1)").arg(result.httpStatus);
            *m_out << QStringLiteral(": ") << result.message;
            forceHint |= result.forceable;
        }
        *m_out << u'\n';
    }
    if (forceHint && !m_invocation.force)
        *m_err << tr("A deployment holds the app; run again with --force to cancel it.") << Qt::endl;
    finish(m_exitCode);
}

void CliRunner::finish(int exitCode)
{
    m_out->flush();
    m_err->flush();
    m_deadline.stop();
    emit finished(exitCode);
}
