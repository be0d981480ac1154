// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationcenter.h"

#include "session/session.h"
#include "store/taskstore.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <memory>

namespace {
// A burst remembers at most this many tasks for "show me"; the count keeps going.
constexpr int MaxRemembered = 5000;
constexpr int NamesInBody = 3;
} // namespace

NotificationCenter::NotificationCenter(TaskStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_matcher(store)
    , m_clock([] { return QDeadlineTimer::current().deadline(); })
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &NotificationCenter::flushDue);
    connect(&m_matcher, &RuleMatcher::entered, this, &NotificationCenter::onEntered);
}

NotificationCenter *NotificationCenter::forSession(Session *session, QObject *parent)
{
    auto *center = new NotificationCenter(session->store(), parent);
    // A connection's first listing is complete when a snapshot of it has merged, nothing is
    // left to merge and the backend says it is healthy: Evergreen lists a poll as one
    // snapshot per build and reports Polling after the last one, Marathon is Live before
    // its snapshot. Until then everything it brings is baseline.
    auto merged = std::make_shared<QSet<int>>();
    auto settle = [center, session, merged] {
        if (session->isMerging())
            return;
        for (int connection : std::as_const(*merged)) {
            const Backend *backend = session->backend(connection);
            if (backend && backend->connectionStatus().isHealthy())
                center->matcher()->setConnectionListed(connection);
        }
    };
    connect(session, &Session::snapshotMerged, center, [merged, settle](int connection) {
        merged->insert(connection);
        settle();
    });
    connect(session, &Session::connectionChanged, center, settle);
    return center;
}

QStringList NotificationCenter::setRules(const QList<NotificationRule> &rules)
{
    m_bursts.clear();
    m_flushTimer.stop();
    return m_matcher.setRules(rules);
}

void NotificationCenter::onEntered(int rule, const QList<QByteArray> &taskIds)
{
    Burst &burst = m_bursts[rule];
    for (const QByteArray &id : taskIds) {
        if (burst.entries.size() >= MaxRemembered)
            break;
        const Task *task = m_store->find(id);
        if (!task)
            continue;
        const QString name = task->name.isEmpty() ? task->idString() : task->name.toString();
        burst.entries.append({id, task->failureKind(), task->group,
                              name + QStringLiteral(" (") + task->nativeStatus.toString() + u')'});
    }
    burst.pending = true;
    if (!burst.everSent || m_clock() - burst.lastSent >= m_interval)
        send(rule, burst);
    else
        scheduleFlush();
}

void NotificationCenter::send(int rule, Burst &burst)
{
    Notification notification = compose(rule, burst);
    notification.isUpdate = burst.open;
    burst.open = true;
    burst.pending = false;
    burst.everSent = true;
    burst.shown = int(burst.entries.size());
    burst.lastSent = m_clock();
    emit notificationReady(notification);
}

void NotificationCenter::flushDue()
{
    const qint64 now = m_clock();
    for (auto it = m_bursts.begin(); it != m_bursts.end(); ++it) {
        if (it->pending && now - it->lastSent >= m_interval)
            send(it.key(), *it);
    }
    scheduleFlush();
}

bool NotificationCenter::hasPending() const
{
    return std::any_of(m_bursts.cbegin(), m_bursts.cend(), [](const Burst &burst) { return burst.pending; });
}

void NotificationCenter::scheduleFlush()
{
    qint64 soonest = -1;
    const qint64 now = m_clock();
    for (const Burst &burst : std::as_const(m_bursts)) {
        if (!burst.pending)
            continue;
        const qint64 wait = std::max<qint64>(0, burst.lastSent + m_interval - now);
        soonest = soonest < 0 ? wait : std::min(soonest, wait);
    }
    if (soonest < 0)
        m_flushTimer.stop();
    else
        m_flushTimer.start(int(std::min<qint64>(soonest, 24 * 3600 * 1000)));
}

void NotificationCenter::dismiss(const QString &key)
{
    for (auto it = m_bursts.begin(); it != m_bursts.end(); ++it) {
        if (key != QString::number(it.key()) + u'/' + QString::number(it->number))
            continue;
        // What waited joins no closed notification: it opens the next burst when due.
        it->entries = it->pending ? it->entries.mid(it->shown) : QList<Entry>();
        it->shown = 0;
        ++it->number;
        it->open = false;
        return;
    }
}

Notification NotificationCenter::compose(int rule, const Burst &burst) const
{
    Notification n;
    n.rule = rule;
    n.ruleName = m_matcher.rules().value(rule).name;
    n.key = QString::number(rule) + u'/' + QString::number(burst.number);
    const int count = int(burst.entries.size());
    bool allSystem = count > 0;
    bool allProblems = count > 0;
    bool anySystem = false;
    bool oneGroup = true;
    QStringList names;
    for (const Entry &entry : burst.entries) {
        n.taskIds.append(entry.id);
        const bool system = entry.kind == FailureKind::System;
        anySystem |= system;
        allSystem &= system;
        allProblems &= entry.kind != FailureKind::None;
        oneGroup &= entry.group == burst.entries.first().group;
        if (names.size() < NamesInBody)
            names.append(entry.label);
    }
    const InternedString group = count ? burst.entries.first().group : InternedString();
    const bool inGroup = oneGroup && !group.isEmpty();
    if (allSystem)
        n.summary = inGroup ? tr("%n new system failure(s) in %1", nullptr, count).arg(group.toString())
                            : tr("%n new system failure(s)", nullptr, count);
    else if (allProblems)
        n.summary = inGroup ? tr("%n new failure(s) in %1", nullptr, count).arg(group.toString())
                            : tr("%n new failure(s)", nullptr, count);
    else
        n.summary = inGroup ? tr("%n task(s) matched in %1", nullptr, count).arg(group.toString())
                            : tr("%n task(s) matched", nullptr, count);
    n.urgency = anySystem ? Notification::Critical : Notification::Normal;
    QString list = names.join(QStringLiteral(", "));
    if (count > names.size())
        list += u' ' + tr("and %n more", nullptr, count - int(names.size()));   // no plural in English
    n.body = tr("Rule “%1”: %2").arg(n.ruleName, list);
    return n;
}
