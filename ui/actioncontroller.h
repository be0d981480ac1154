// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"
#include "domain/actionrules.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QItemSelectionModel;
class QMenu;
class QWidget;
class Session;
class TaskFilterModel;

// The task actions of the window, created once and shared by the toolbar, the context
// menu and the keyboard. Each is enabled exactly when the action rules allow it for at
// least one selected task; a disabled action says why in its tooltip. Triggering one shows
// what applies and what does not, asks before anything destructive, sends it through the
// session and reports a result per task.
class ActionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionController)

public:
    struct PriorityChoice
    {
        int priority = 0;
        bool adminRequest = false;
    };
    // Seams for tests; the defaults show dialogs.
    using Confirm = std::function<bool(const QString &title, const QString &text, const QString &details)>;
    using AskPriority = std::function<std::optional<PriorityChoice>(TaskAction action, int current, int taskCount)>;

    ActionController(Session *session, TaskFilterModel *proxy, QItemSelectionModel *selection,
                     QWidget *dialogParent);

    QAction *action(TaskAction action) const { return m_actions.value(int(action)); }
    // Del: stop what runs, each system its own way (abort on Evergreen, kill on Marathon).
    QAction *stopAction() const { return m_stop; }
    QList<QAction *> allActions() const;
    void populateMenu(QMenu *menu) const;

    QList<Task> selectedTasks() const;
    void trigger(TaskAction action);

    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }
    void setPriorityHandler(AskPriority ask) { m_askPriority = std::move(ask); }
    // Re-evaluates every action now (it also happens on selection and data changes).
    void updateActions();

signals:
    void message(const QString &text);
    void resultsReady(const ActionOutcome &outcome);

private:
    void scheduleUpdate();
    void onActionFinished(const ActionOutcome &outcome);

    Session *m_session;
    TaskFilterModel *m_proxy;
    QItemSelectionModel *m_selection;
    QWidget *m_dialogParent;
    QHash<int, QAction *> m_actions;
    QAction *m_stop = nullptr;
    QList<TaskAction> m_stopActions;   // the systems' stopsTask actions, which Del sends
    QTimer m_updateTimer;
    Confirm m_confirm;
    AskPriority m_askPriority;
    // Requests sent from here, with what the retry needs if Marathon asks for force.
    struct Sent
    {
        TaskAction action;
        ActionOptions options;
    };
    QHash<quint64, Sent> m_sent;
};
