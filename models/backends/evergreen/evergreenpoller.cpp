// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenpoller.h"

#include "evergreenclient.h"

EvergreenPoller::EvergreenPoller(EvergreenClient *client, const EvergreenConfig &config, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_versions(config.versions)
    , m_extraBuilds(config.builds)
    , m_pageLimit(std::max(1, config.pageLimit))
    , m_parallelBuilds(std::max(1, config.maxParallelRequests))
{
}

void EvergreenPoller::start()
{
    if (m_running)
        return;
    m_running = true;
    ++m_cycle;
    m_outstanding = 0;
    m_builds.clear();
    m_buildSet.clear();
    m_nextBuild = 0;
    m_pending.clear();
    m_versionPagesSeen.clear();
    m_outcome = Outcome{};
    m_versionsLeft = int(m_versions.size());
    for (const QString &version : std::as_const(m_versions))
        listVersion(version, m_client->endpoint({QStringLiteral("versions"), version, QStringLiteral("builds")}), 1);
    if (m_versions.isEmpty())
        startBuilds();
    finishIfDone();
}

void EvergreenPoller::cancel()
{
    ++m_cycle;
    m_running = false;
    m_pending.clear();
}

void EvergreenPoller::request(const QUrl &url,
                              std::function<void(const HttpOutcome &, const QByteArray &, const QByteArray &)> handler)
{
    ++m_outstanding;
    m_client->get(url, [this, cycle = m_cycle, handler = std::move(handler)](const EvergreenClient::Reply &reply) {
        if (cycle != m_cycle)
            return;
        --m_outstanding;
        handler(reply.outcome, reply.body, reply.link);
        finishIfDone();
    });
}

void EvergreenPoller::listVersion(const QString &version, const QUrl &url, int page)
{
    const QString where = tr("builds of version %1").arg(version);
    request(url, [this, version, where, url, page](const HttpOutcome &outcome, const QByteArray &body,
                                                   const QByteArray &link) {
        if (!m_outcome.ok)
            return;
        if (!outcome.ok())
            return fail(where, outcome);
        const EvergreenParser::BuildList list = EvergreenParser::parseBuilds(body);
        if (!list.error.isEmpty())
            return fail(where, outcome, list.error);
        reportProblems(where, list.problems);
        for (const EvergreenParser::Build &build : list.builds) {
            if (!m_buildSet.contains(build.id)) {
                m_buildSet.insert(build.id);
                m_builds.append(build.id);
            }
        }
        // /versions/{id}/builds is not paged today; follow a Link anyway, should it become so.
        const QUrl next = EvergreenParser::nextLink(link, url);
        if (next.isValid()) {
            const QUrl target = m_client->onOrigin(next);
            QSet<QString> &seen = m_versionPagesSeen[version];
            if (page >= MaxPages || seen.contains(target.toString()))
                return fail(where, outcome, tr("the server's next-page links go round in a circle"));
            seen.insert(target.toString());
            return listVersion(version, target, page + 1);
        }
        if (--m_versionsLeft == 0)
            startBuilds();
    });
}

void EvergreenPoller::startBuilds()
{
    for (const QString &build : std::as_const(m_extraBuilds)) {
        if (!m_buildSet.contains(build)) {
            m_buildSet.insert(build);
            m_builds.append(build);
        }
    }
    for (int i = 0; i < m_parallelBuilds; ++i)
        startNextBuild();
}

void EvergreenPoller::startNextBuild()
{
    if (!m_outcome.ok || m_nextBuild >= m_builds.size())
        return;
    const QString build = m_builds[m_nextBuild++];
    PendingBuild &pending = m_pending[build];
    pending.listing.buildId = build;
    fetchPage(build, m_client->endpoint({QStringLiteral("builds"), build, QStringLiteral("tasks")},
                                        {{QStringLiteral("limit"), QString::number(m_pageLimit)}}));
}

void EvergreenPoller::fetchPage(const QString &build, const QUrl &url)
{
    request(url, [this, build, url](const HttpOutcome &outcome, const QByteArray &body, const QByteArray &link) {
        // After another build failed, a page still counts if it completes its build.
        const QString where = tr("tasks of build %1").arg(build);
        if (!outcome.ok())
            return fail(where, outcome);
        EvergreenParser::TaskList page = EvergreenParser::parseTasks(body);
        if (!page.error.isEmpty())
            return fail(where, outcome, page.error);
        reportProblems(where, page.problems);

        PendingBuild &pending = m_pending[build];
        pending.listing.tasks.append(std::move(page.tasks));
        pending.listing.mismatches.append(std::move(page.mismatches));
        const QUrl next = EvergreenParser::nextLink(link, url);
        if (next.isValid()) {
            if (!m_outcome.ok)
                return;
            const QUrl target = m_client->onOrigin(next);
            if (pending.pagesSeen.size() >= MaxPages || pending.pagesSeen.contains(target.toString()))
                return fail(where, outcome, tr("the server's next-page links go round in a circle"));
            pending.pagesSeen.insert(target.toString());
            return fetchPage(build, target);
        }
        const BuildTasks listing = std::move(pending.listing);
        m_pending.remove(build);
        m_outcome.tasks += int(listing.tasks.size());
        emit buildListed(listing);
        startNextBuild();
    });
}

void EvergreenPoller::fail(const QString &where, const HttpOutcome &outcome, const QString &why)
{
    if (!m_outcome.ok)
        return;
    m_outcome.ok = false;
    m_outcome.failure = outcome;
    m_outcome.error = where + QStringLiteral(": ") + (why.isEmpty() ? outcome.describe() : why);
}

void EvergreenPoller::reportProblems(const QString &where, const QStringList &problems)
{
    for (const QString &text : problems)
        emit problem(where + QStringLiteral(": ") + text);
}

void EvergreenPoller::finishIfDone()
{
    if (!m_running || m_outstanding > 0)
        return;
    const bool allListed = m_versionsLeft == 0 && m_nextBuild >= m_builds.size() && m_pending.isEmpty();
    if (m_outcome.ok && !allListed)
        return;
    m_running = false;
    m_pending.clear();
    Outcome outcome = std::move(m_outcome);
    m_outcome = Outcome{};
    if (outcome.ok)
        outcome.builds = m_builds;
    emit finished(outcome);
}
