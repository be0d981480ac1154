// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"
#include "notificationrule.h"
#include "rulematcher.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

class Session;
class TaskStore;

// Turns rule entries into notifications a person can bear:
//   - a burst is one notification: the tasks that enter a rule while its notification is
//     open are added to it, and the update replaces it ("7 new system failures in /prod/web");
//   - a rule notifies at most once per interval (30 s by default); entries that come sooner
//     wait and go out together when the interval is over;
//   - closing or clicking the notification ends the burst, the next entry starts a new one.
// The clock is injectable so tests step time; the timer only wakes flushDue().
class NotificationCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCenter)

public:
    explicit NotificationCenter(TaskStore *store, QObject *parent = nullptr);

    // Follows the session's store and treats each connection's first listing as the baseline.
    static NotificationCenter *forSession(Session *session, QObject *parent = nullptr);

    RuleMatcher *matcher() { return &m_matcher; }
    QStringList setRules(const QList<NotificationRule> &rules);
    const QList<NotificationRule> &rules() const { return m_matcher.rules(); }
    void setInterval(qint64 milliseconds) { m_interval = milliseconds; }
    qint64 interval() const { return m_interval; }
    // Milliseconds of a monotonic clock; the default is QDeadlineTimer's steady clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // The notification of this key was closed or clicked: its burst is over.
    void dismiss(const QString &key);
    // Sends what waited for its rule's interval and is due now.
    void flushDue();
    bool hasPending() const;

signals:
    void notificationReady(const Notification &notification);

private:
    // What a task was when it entered: the summary describes the burst as it happened,
    // even after some of its tasks were restarted or removed.
    struct Entry
    {
        QByteArray id;
        FailureKind kind = FailureKind::None;
        InternedString group;
        QString label;              // "web (TASK_FAILED)"
    };

    struct Burst
    {
        int number = 0;
        QList<Entry> entries;
        int shown = 0;              // of entries, in the last notification sent
        bool open = false;          // a notification of this burst was sent
        bool pending = false;       // entries wait for the interval
        qint64 lastSent = 0;
        bool everSent = false;
    };

    void onEntered(int rule, const QList<QByteArray> &taskIds);
    void send(int rule, Burst &burst);
    void scheduleFlush();
    Notification compose(int rule, const Burst &burst) const;

    TaskStore *m_store;
    RuleMatcher m_matcher;
    QHash<int, Burst> m_bursts;
    qint64 m_interval = NotificationSettings::DefaultIntervalMs;
    std::function<qint64()> m_clock;
    QTimer m_flushTimer;
};
