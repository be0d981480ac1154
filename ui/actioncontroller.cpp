// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncontroller.h"

#include "itemmodels/taskfiltermodel.h"
#include "itemmodels/tasktablemodel.h"
#include "prioritydialog.h"
#include "session/session.h"
#include "system/systemregistry.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>

#include <algorithm>

namespace {
QString menuText(TaskAction action)
{
    QString text = TaskActions::label(action);
    text.replace(u'&', QStringLiteral("&&"));
    if (TaskActions::definition(action).input != ActionInput::None)
        text += u'…';
    return text;
}

bool takesValue(TaskAction action)
{
    return TaskActions::definition(action).input == ActionInput::Priority;
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
    // One QAction per registered action, as its system describes it.
    QStringList stopLabels;
    for (int i = 0; i < TaskActions::count(); ++i) {
        const auto action = TaskAction(i);
        const ActionDefinition &definition = TaskActions::definition(action);
        auto *qaction = new QAction(menuText(action), this);
        qaction->setObjectName(QStringLiteral("action-") + QString(definition.key));
        qaction->setShortcut(QKeySequence::fromString(QString::fromLatin1(definition.shortcut), QKeySequence::PortableText));
        qaction->setShortcutContext(Qt::WindowShortcut);
        qaction->setStatusTip(TaskActions::help(action));
        connect(qaction, &QAction::triggered, this, [this, action] { trigger(action); });
        m_actions.insert(int(action), qaction);
        if (definition.stopsTask) {
            m_stopActions.append(action);
            stopLabels.append(TaskActions::label(action));
        }
    }
    // Del stops whatever runs, each system its own way (abort, kill).
    m_stop = new QAction(stopLabels.join(QStringLiteral(" / ")), this);
    m_stop->setObjectName(QStringLiteral("action-stop"));
    m_stop->setShortcut(QKeySequence::Delete);
    connect(m_stop, &QAction::triggered, this, [this] {
        for (TaskAction stop : std::as_const(m_stopActions)) {
            if (action(stop)->isEnabled())
                trigger(stop);
        }
    });

    m_confirm = [this](const QString &title, const QString &text, const QString &details) {
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Ok | QMessageBox::Cancel, m_dialogParent);
        box.setDetailedText(details);
        box.setDefaultButton(QMessageBox::Ok);
        return box.exec() == QMessageBox::Ok;
    };
    m_askPriority = [this](TaskAction action, int current, int taskCount) -> std::optional<PriorityChoice> {
        PriorityDialog dialog(TaskActions::definition(action), current, taskCount, m_dialogParent);
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
    for (int i = 0; i < TaskActions::count(); ++i)
        list.append(m_actions.value(i));
    return list;
}

void ActionController::populateMenu(QMenu *menu) const
{
    // The actions of each system together, in the order the systems were registered; an
    // action two systems declare stands with the first.
    menu->setToolTipsVisible(true);
    ActionSet shown;
    for (SystemId system : SystemRegistry::systems()) {
        bool any = false;
        for (int i = 0; i < TaskActions::count(); ++i) {
            const auto a = TaskAction(i);
            if (!TaskActions::concerns(a, system) || shown.contains(a))
                continue;
            if (!any && !shown.isEmpty())
                menu->addSeparator();
            menu->addAction(action(a));
            shown.insert(a);
            any = true;
        }
    }
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
    for (int i = 0; i < TaskActions::count(); ++i) {
        const auto action = TaskAction(i);
        int applicable = 0;
        QHash<QString, int> refused;
        QString reason;
        for (const Kind &kind : std::as_const(kinds)) {
            const ActionVerdict verdict = ActionRules::check(*kind.representative, action, context);
            if (verdict.allowed) {
                applicable += kind.count;
            } else {
                refused[verdict.category] += kind.count;
                reason = verdict.reason;
            }
        }
        QAction *qaction = m_actions.value(i);
        qaction->setEnabled(applicable > 0);
        QString tip = TaskActions::help(action);
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
    m_stop->setEnabled(std::any_of(m_stopActions.cbegin(), m_stopActions.cend(),
                                   [this](TaskAction stop) { return action(stop)->isEnabled(); }));
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
    if (takesValue(action)) {
        const auto choice = m_askPriority(action, tasks[plan.applicable.first()].priority, int(plan.applicable.size()));
        if (!choice)
            return;
        options.priority = choice->priority;
        options.adminRequest = choice->adminRequest;
        const QString refusal = ActionRules::checkValue(action, options.priority, options.adminRequest);
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
        if (takesValue(action))
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
    emit message(tr("%1 sent for %n task(s)", nullptr, int(ids.size())).arg(TaskActions::label(action)));
}

void ActionController::onActionFinished(const ActionOutcome &outcome)
{
    const auto it = m_sent.constFind(outcome.requestId);
    if (it == m_sent.cend())
        return;
    const Sent sent = *it;
    m_sent.erase(it);
    emit resultsReady(outcome);

    // The server refused because a lock holds the task (a Marathon deployment): offer to force it.
    QList<QByteArray> forceable;
    QString serverSays;
    QString question;
    for (const ActionResult &result : outcome.results) {
        if (result.forceable && !result.ok) {
            forceable.append(result.taskId);
            serverSays = result.message;
            question = result.forceQuestion;
        }
    }
    if (forceable.isEmpty() || sent.options.force)
        return;
    if (question.isEmpty())
        question = tr("Force it?");
    const QString text = tr("The server refused %1 for %n task(s): %2", nullptr, int(forceable.size()))
                             .arg(TaskActions::label(sent.action), serverSays)
        + QStringLiteral("\n\n") + question;
    if (!m_confirm(tr("Force %1").arg(TaskActions::label(sent.action)), text,
                   QString::fromUtf8(forceable.join('\n')))) {
        return;
    }
    ActionOptions options = sent.options;
    options.force = true;
    const quint64 id = m_session->perform(sent.action, forceable, options);
    m_sent.insert(id, Sent{sent.action, options});
}
