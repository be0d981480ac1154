// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cliinvocation.h"
#include "itemmodels/taskquery.h"
#include "system/connectionstatus.h"
#include "store/taskdelta.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <functional>

class Session;
struct ActionOutcome;

// What taskmon-cli knows about where it writes and reads.
struct CliTerminal
{
    bool interactive = false;     // stdin and stdout are a terminal: destructive actions ask
    bool color = false;           // stdout is a terminal and NO_COLOR is not set
    int width = 0;                // columns to fit tables into; 0 = no limit
    // Asks a yes/no question on the terminal.
    std::function<bool(const QString &question)> confirm;
};

// Runs one invocation against a session: waits until every connection has delivered its
// first listing (or failed), then lists, watches or acts, printing to out (results) and
// err (connection changes, problems). Emits finished with the exit code.
class CliRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliRunner)

public:
    CliRunner(const CliInvocation &invocation, Session *session, QTextStream *out, QTextStream *err,
              CliTerminal terminal, QObject *parent = nullptr);

    void start();

signals:
    void finished(int exitCode);

private:
    void onConnectionChanged(int connection, const ConnectionStatus &status);
    void onSnapshotMerged(int connection);
    void checkReady();
    void onReady();
    void onTimeout();
    void list();
    void act();
    void onActionFinished(const ActionOutcome &outcome);
    void printTransitions(const QList<StatusTransition> &transitions);
    void finish(int exitCode);
    bool allFailedOrReady(QStringList *notReady) const;

    CliInvocation m_invocation;
    TaskQuery m_query;                  // watch's filter
    Session *m_session;
    QTextStream *m_out;
    QTextStream *m_err;
    CliTerminal m_terminal;
    QTimer m_deadline;
    QSet<int> m_listed;                 // connections whose first listing is merged
    QHash<int, ConnectionStatus> m_status;
    bool m_ready = false;
    bool m_anyFailed = false;
    quint64 m_actionId = 0;
    int m_exitCode = CliInvocation::Ok;
};
