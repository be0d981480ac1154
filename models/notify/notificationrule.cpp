// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationrule.h"

#include <QSettings>

#include <algorithm>

namespace {
const QString RulesGroup = QStringLiteral("notifications/rules");
const QString IntervalKey = QStringLiteral("notifications/intervalSeconds");
} // namespace

QList<NotificationRule> NotificationRule::load(QSettings &settings)
{
    QList<NotificationRule> rules;
    const int count = settings.beginReadArray(RulesGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        NotificationRule rule;
        rule.name = settings.value(QStringLiteral("name")).toString();
        rule.query = settings.value(QStringLiteral("query")).toString();
        rule.enabled = settings.value(QStringLiteral("enabled"), true).toBool();
        if (!rule.query.trimmed().isEmpty())
            rules.append(rule);
    }
    settings.endArray();
    return rules;
}

void NotificationRule::save(QSettings &settings, const QList<NotificationRule> &rules)
{
    settings.remove(RulesGroup);
    settings.beginWriteArray(RulesGroup);
    int index = 0;
    for (const NotificationRule &rule : rules) {
        if (!rule.persistent)
            continue;
        settings.setArrayIndex(index++);
        settings.setValue(QStringLiteral("name"), rule.name);
        settings.setValue(QStringLiteral("query"), rule.query);
        settings.setValue(QStringLiteral("enabled"), rule.enabled);
    }
    settings.endArray();
}

NotificationRule NotificationRule::fromCommandLine(const QString &query)
{
    return {query, query, true, false};
}

qint64 NotificationSettings::interval(QSettings &settings)
{
    bool ok = false;
    const qint64 seconds = settings.value(IntervalKey).toLongLong(&ok);
    return ok && seconds >= 0 ? std::min<qint64>(seconds, 24 * 3600) * 1000 : DefaultIntervalMs;
}

void NotificationSettings::setInterval(QSettings &settings, qint64 milliseconds)
{
    settings.setValue(IntervalKey, milliseconds / 1000);
}
