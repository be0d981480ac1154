// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

// One notification as the delivery sees it. Updates of a burst keep the key, which is what
// lets the desktop replace the notification instead of stacking a new one.
struct Notification
{
    enum Urgency : quint8 { Low = 0, Normal = 1, Critical = 2 };

    QString key;                 // "<rule>/<burst>": stable while a burst grows
    int rule = -1;
    QString ruleName;
    QString summary;             // "7 new system failures in /prod/web"
    QString body;
    Urgency urgency = Normal;
    QList<QByteArray> taskIds;   // every task of the burst, for "show me"
    bool isUpdate = false;       // replaces the notification with the same key
};

Q_DECLARE_METATYPE(Notification)
