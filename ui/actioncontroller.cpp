// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncontroller.h"

#include "domain/plural.h"
#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "prioritydialog.h"
#include "session/session.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>

namespace {
struct ActionLook
{
    TaskAction action;
    QKeySequence shortcut;
    const char *whatItDoes;
};

const ActionLook looks[] = {
    {TaskAction::Abort, {}, QT_TRANSLATE_NOOP("ActionController", "Abort the running Evergreen task")},
    {TaskAction::Restart, QKeySequence(Qt::CTRL | Qt::Key_R), QT_TRANSLATE_NOOP("ActionController", "Run a finished Evergreen task again")},
    {TaskAction::Schedule, {}, QT_TRANSLATE_NOOP("ActionController", "Let the Evergreen scheduler run the task")},
    {TaskAction::Unschedule, {}, QT_TRANSLATE_NOOP("ActionController", "Keep the Evergreen scheduler from running the task")},
    {TaskAction::SetPriority, QKeySequence(Qt::CTRL | Qt::Key_P), QT_TRANSLATE_NOOP("ActionController", "Change the Evergreen priority (−1 to 100)")},
    {TaskAction::OverrideDependencies, {}, QT_TRANSLATE_NOOP("ActionController", "Run the blocked task although a dependency failed")},
    {TaskAction::Kill, {}, QT_TRANSLATE_NOOP("ActionController", "Kill the Marathon task; Marathon launches a replacement")},
    {TaskAction::KillAndScale, {}, QT_TRANSLATE_NOOP("ActionController", "Kill the task and scale its app down by one")},
    {TaskAction::KillAndWipe, {}, QT_TRANSLATE_NOOP("ActionController", "Kill a resident task and free its local volumes")},
    {TaskAction::RestartApp, {}, QT_TRANSLATE_NOOP("ActionController", "Rolling restart of the task's whole Marathon app")},
};

QString menuText(TaskAction action)
{
    QString text = TaskActions::label(action);
    text.replace(u'&', QStringLiteral("&&"));
    if (action == TaskAction::SetPriority)
        text += u'…';
    return text;
}
} // namespace

ActionController::ActionController(Session *session, TaskFilterModel *proxy, QItemSelectionModel *selection,
                                   QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_proxy(proxy)
    , m_selection(selection)
    , m_dialogParent(dialogParent)
{
    for (const ActionLook &look : looks) {
        auto *qaction = new QAction(menuText(look.action), this);
        qaction->setObjectName(QStringLiteral("action-") + QString(TaskActions::key(look.action)));
        qaction->setShortcut(look.shortcut);
        qaction->setShortcutContext(Qt::WindowShortcut);
        qaction->setStatusTip(tr(look.whatItDoes));
        const TaskAction action = look.action;
        connect(qaction, &QAction::triggered, this, [this, action] { trigger(action); });
        m_actions.insert(int(action), qaction);
    }
    m_stop = new QAction(tr("Abort / Kill"), this);
    m_stop->setObjectName(QStringLiteral("action-stop"));
    m_stop->setShortcut(QKeySequence::Delete);
    connect(m_stop, &QAction::triggered, this, [this] {
        if (action(TaskAction::Abort)->isEnabled())
            trigger(TaskAction::Abort);
        if (action(TaskAction::Kill)->isEnabled())
            trigger(TaskAction::Kill);
    });

    m_confirm = [this](const QString &title, const QString &text, const QString &details) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Ok | QMessageBox::Cancel, m_dialogParent);
        box.setDetailedText(details);
        box.setDefaultButton(QMessageBox::Ok);
        return box.exec() == QMessageBox::Ok;
    };
    m_askPriority = [this](int current, int taskCount) -> std::optional<PriorityChoice> {
        PriorityDialog dialog(current, taskCount, m_dialogParent);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return PriorityChoice{dialog.priority(), dialog.adminRequest()};
    };

    // Re-evaluating on every live update would cost more than it helps; a short delay
    // merges bursts.
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(50);
    connect(&m_updateTimer, &QTimer::timeout, this, &ActionController::updateActions);
    connect(selection, &QItemSelectionModel::selectionChanged, this, &ActionController::updateActions);
    connect(proxy, &QAbstractItemModel::dataChanged, this, &ActionController::scheduleUpdate);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &ActionController::scheduleUpdate);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &ActionController::scheduleUpdate);
    connect(session, &Session::actionFinished, this, &ActionController::onActionFinished);
    updateActions();
}

QList<QAction *> ActionController::allActions() const
{
    QList<QAction *> list;
    for (const ActionLook &look : looks)
        list.append(m_actions.value(int(look.action)));
    return list;
}

void ActionController::populateMenu(QMenu *menu) const
{
    const TaskAction evergreen[] = {TaskAction::Abort, TaskAction::Restart, TaskAction::Schedule,
                                    TaskAction::Unschedule, TaskAction::SetPriority,
                                    TaskAction::OverrideDependencies};
    const TaskAction marathon[] = {TaskAction::Kill, TaskAction::KillAndScale,
                                   TaskAction::KillAndWipe, TaskAction::RestartApp};
    menu->setToolTipsVisible(true);
    for (TaskAction a : evergreen)
        menu->addAction(action(a));
    menu->addSeparator();
    for (TaskAction a : marathon)
        menu->addAction(action(a));
}

void ActionController::scheduleUpdate()
{
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

QList<Task> ActionController::selectedTasks() const
{
    QList<Task> tasks;
    const QModelIndexList rows = m_selection->selectedRows(0);
    tasks.reserve(rows.size());
    TaskTableModel *table = m_proxy->tableModel();
    for (const QModelIndex &index : rows) {
        const int sourceRow = m_proxy->mapToSource(index).row();
        if (sourceRow >= 0 && sourceRow < table->rowCount())
            tasks.append(table->task(sourceRow));
    }
    return tasks;
}

void ActionController::updateActions()
{
    m_updateTimer.stop();
    // Tasks of one kind get the same verdicts: judge each kind once and weigh it by how many
    // of it are selected, so selecting a whole large table stays cheap.
    struct Kind
    {
        const Task *representative;
        int count;
    };
    QHash<quint32, Kind> kinds;
    int selected = 0;
    TaskTableModel *table = m_proxy->tableModel();
    for (const QModelIndex &index : m_selection->selectedRows(0)) {
        const int sourceRow = m_proxy->mapToSource(index).row();
        if (sourceRow < 0 || sourceRow >= table->rowCount())
            continue;
        const Task &task = table->task(sourceRow);
        const quint32 key = ActionRules::verdictKey(task);
        auto it = kinds.find(key);
        if (it == kinds.end())
            kinds.insert(key, Kind{&task, 1});
        else
            ++it->count;
        ++selected;
    }
    const ActionContext &context = m_session->actionContext();
    for (const ActionLook &look : looks) {
        int applicable = 0;
        QHash<QString, int> refused;
        QString reason;
        for (const Kind &kind : std::as_const(kinds)) {
            const ActionVerdict verdict = ActionRules::check(*kind.representative, look.action, context);
            if (verdict.allowed) {
                applicable += kind.count;
            } else {
                refused[verdict.category] += kind.count;
                reason = verdict.reason;
            }
        }
        QAction *qaction = m_actions.value(int(look.action));
        qaction->setEnabled(applicable > 0);
        QString tip = tr(look.whatItDoes);
        if (selected == 0) {
            tip = tr("Select one or more tasks first.");
        } else if (applicable == 0 && selected == 1) {
            tip = reason;
        } else if (applicable == 0) {
            tip = tr("None of the %1 selected tasks: %2")
                      .arg(selected)
                      .arg(ActionRules::joinCategories(ActionRules::sortedCategories(refused)));
        } else if (selected > 1) {
            tip += tr(" — applies to %1 of the %2 selected tasks").arg(applicable).arg(selected);
        }
        qaction->setToolTip(tip);
    }
    m_stop->setEnabled(action(TaskAction::Abort)->isEnabled() || action(TaskAction::Kill)->isEnabled());
}

void ActionController::trigger(TaskAction action)
{
    const QList<Task> tasks = selectedTasks();
    const BulkPlan plan = ActionRules::plan(tasks, action, m_session->actionContext());
    if (plan.applicable.isEmpty()) {
        emit message(plan.summary());
        return;
    }
    ActionOptions options;
    if (action == TaskAction::SetPriority) {
        const auto choice = m_askPriority(tasks[plan.applicable.first()].priority, int(plan.applicable.size()));
        if (!choice)
            return;
        options.priority = choice->priority;
        options.adminRequest = choice->adminRequest;
        const QString refusal = ActionRules::checkPriority(options.priority, options.adminRequest);
        if (!refusal.isEmpty()) {
            emit message(refusal);
            return;
        }
    }

    // Ask first when it destroys something, concerns several tasks, or some do not apply.
    if (TaskActions::isDestructive(action) || tasks.size() > 1 || !plan.rejected.isEmpty()) {
        QStringList details;
        for (int index : plan.applicable)
            details.append(tr("will %1: %2").arg(TaskActions::label(action).toLower(), tasks[index].idString()));
        for (const auto &[index, verdict] : plan.rejected)
            details.append(tr("skipped: %1 — %2").arg(tasks[index].idString(), verdict.reason));
        QString text = plan.summary() + u'.';
        if (action == TaskAction::SetPriority)
            text += u' ' + tr("New priority: %1.").arg(options.priority);
        if (!m_confirm(TaskActions::label(action), text, details.join(u'\n')))
            return;
    }

    QList<QByteArray> ids;
    ids.reserve(plan.applicable.size());
    for (int index : plan.applicable)
        ids.append(tasks[index].id);
    const quint64 id = m_session->perform(action, ids, options);
    m_sent.insert(id, Sent{action, options});
    emit message(tr("%1 sent for %2").arg(TaskActions::label(action), countOf(int(ids.size()), "ActionController", "task", "tasks")));
}

void ActionController::onActionFinished(const ActionOutcome &outcome)
{
    const auto it = m_sent.constFind(outcome.requestId);
    if (it == m_sent.cend())
        return;
    const Sent sent = *it;
    m_sent.erase(it);
    emit resultsReady(outcome);

    // Marathon refused because a deployment holds the app: offer to force it.
    QList<QByteArray> forceable;
    QString serverSays;
    for (const ActionResult &result : outcome.results) {
        if (result.forceable && !result.ok) {
            forceable.append(result.taskId);
            serverSays = result.message;
        }
    }
    if (forceable.isEmpty() || sent.options.force)
        return;
    const QString text = tr("Marathon refused %1 for %2: %3\n\nForce it? This cancels the deployment that holds the app.")
                             .arg(TaskActions::label(sent.action),
                                  countOf(int(forceable.size()), "ActionController", "task", "tasks"), serverSays);
    if (!m_confirm(tr("Force %1").arg(TaskActions::label(sent.action)), text,
                   QString::fromUtf8(forceable.join('\n')))) {
        return;
    }
    ActionOptions options = sent.options;
    options.force = true;
    const quint64 id = m_session->perform(sent.action, forceable, options);
    m_sent.insert(id, Sent{sent.action, options});
}
