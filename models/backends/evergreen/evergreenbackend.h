// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"
#include "evergreenconfig.h"
#include "evergreenpoller.h"
#include "evergreensystem.h"
#include "net/backoff.h"

#include <QSet>
#include <QTimer>

class EvergreenActions;
class EvergreenAnnotations;
class EvergreenClient;

// A connection to an Evergreen server. Evergreen has no push channel, so the backend polls
// the REST v2 API: every poll lists the builds of the watched versions and pages through
// each build's tasks, and hands each build over as one snapshot (scope = build id), which
// the session diff-merges, so only what changed moves and the store records transitions.
// Polls never overlap; the next starts an interval after the last one ended (shorter while
// a task is dispatched or running). Failed polls back off; 429 waits for Retry-After;
// 401/403 stop polling with an authorisation problem until pollNow() or a restart.
class EvergreenBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvergreenBackend)

public:
    explicit EvergreenBackend(const EvergreenConfig &config, QObject *parent = nullptr);
    ~EvergreenBackend() override;

    SystemId system() const override { return EvergreenSystem::id(); }
    QString displayName() const override;
    void start() override;
    void stop() override;
    void perform(const ActionRequest &request) override;
    QList<std::pair<TaskAction, QString>> unsupportedActions() const override;
    void fetchRawRecord(const QByteArray &taskId) override;
    void refresh() override { pollNow(); }

    const EvergreenConfig &config() const { return m_config; }
    // Polls at once (a Refresh action), or right after the poll that is running.
    void pollNow();
    bool isPolling() const { return m_poller->isRunning(); }
    // The interval the next poll waits for: fastPollIntervalMs while something runs.
    int currentIntervalMs() const { return m_intervalMs; }

    static constexpr int MaxLinesPerPoll = 10;

signals:
    void pollFinished(bool ok);

private:
    void startPoll();
    void onBuildListed(const EvergreenPoller::BuildTasks &build);
    void onPollFinished(const EvergreenPoller::Outcome &outcome);
    void onRateLimited(qint64 waitMs, const QString &serverMessage);
    void onTaskUpdated(const Task &task);
    void emitBuild(const QString &buildId, QList<Task> tasks);
    void logMismatches(const QList<EvergreenParser::DisplayStatusMismatch> &mismatches);
    void logProblem(const QString &text);
    void logOverflow();
    QString configProblem() const;

    EvergreenConfig m_config;
    Backoff m_backoff;
    EvergreenClient *m_client;
    EvergreenPoller *m_poller;
    EvergreenActions *m_actions;
    EvergreenAnnotations *m_annotations;
    QTimer m_pollTimer;
    bool m_running = false;
    bool m_pollAgain = false;
    int m_intervalMs;
    Timestamp m_lastDataAt = 0;

    QSet<QString> m_listedBuilds;       // the builds of the last complete poll
    QSet<QString> m_activeBuilds;       // builds with a task dispatched or running
    QSet<QByteArray> m_annotatedSeen;   // tasks with annotations listed by this poll
    QSet<QString> m_mismatchesLogged;   // "task, server status, derived": each logged once
    int m_mismatchLines = 0;            // in this poll
    int m_problemLines = 0;
};
