// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evergreenconfig.h"
#include "evergreenparser.h"
#include "net/httpreply.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class EvergreenClient;

// One poll of everything a connection watches: the builds of each version, then every page
// of each build's tasks (Link rel="next"), a few builds at a time. A build is reported once
// all its pages are in, so it can be diff-merged as a whole. A build whose pages failed is not
// reported at all (its tasks stay as they were); after a failure no new build or page is
// asked for, builds whose last page was already on its way still count, and the poll ends
// with the first failure.
class EvergreenPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvergreenPoller)

public:
    struct BuildTasks
    {
        QString buildId;
        QList<Task> tasks;
        QList<EvergreenParser::DisplayStatusMismatch> mismatches;
    };

    struct Outcome
    {
        bool ok = true;
        HttpOutcome failure;   // the answer that ended the poll; status 0 if none came
        QString error;         // "tasks of build b1: 500: …", empty on success
        QStringList builds;    // every build the poll covered, complete on success
        int tasks = 0;
    };

    EvergreenPoller(EvergreenClient *client, const EvergreenConfig &config, QObject *parent = nullptr);

    bool isRunning() const { return m_running; }
    void start();
    // Forgets the running poll; the owner cancels the client's requests.
    void cancel();

    static constexpr int MaxPages = 10000;

signals:
    void buildListed(const EvergreenPoller::BuildTasks &build);
    // Elements of an answer that were skipped, one sentence each.
    void problem(const QString &text);
    void finished(const EvergreenPoller::Outcome &outcome);

private:
    struct PendingBuild
    {
        BuildTasks listing;
        QSet<QString> pagesSeen;
    };

    void request(const QUrl &url, std::function<void(const HttpOutcome &, const QByteArray &, const QByteArray &)> handler);
    void listVersion(const QString &version, const QUrl &url, int page);
    void startBuilds();
    void startNextBuild();
    void fetchPage(const QString &build, const QUrl &url);
    void fail(const QString &where, const HttpOutcome &outcome, const QString &why = {});
    void reportProblems(const QString &where, const QStringList &problems);
    void finishIfDone();

    EvergreenClient *m_client;
    QStringList m_versions;
    QStringList m_extraBuilds;
    int m_pageLimit;
    int m_parallelBuilds;

    quint64 m_cycle = 0;
    bool m_running = false;
    int m_outstanding = 0;
    int m_versionsLeft = 0;
    QStringList m_builds;
    QSet<QString> m_buildSet;
    qsizetype m_nextBuild = 0;
    QHash<QString, PendingBuild> m_pending;
    QHash<QString, QSet<QString>> m_versionPagesSeen;
    Outcome m_outcome;
};
