// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QSettings;

// A rule is a query in the search language: it fires when a task starts to match it.
struct NotificationRule
{
    QString name;
    QString query;
    bool enabled = true;
    bool persistent = true;   // false for the --notify rules of one run: never saved

    bool operator==(const NotificationRule &) const = default;

    // The rules the operator saved (group "notifications/rules"); --notify rules are not.
    static QList<NotificationRule> load(QSettings &settings);
    static void save(QSettings &settings, const QList<NotificationRule> &rules);
    // A --notify QUERY of this run, named after its query.
    static NotificationRule fromCommandLine(const QString &query);
};

// The notification settings beside the rules.
namespace NotificationSettings {
constexpr qint64 DefaultIntervalMs = 30'000;
// How often one rule may notify at most, in milliseconds.
qint64 interval(QSettings &settings);
void setInterval(QSettings &settings, qint64 milliseconds);
} // namespace NotificationSettings
