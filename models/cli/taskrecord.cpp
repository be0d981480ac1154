// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskrecord.h"

#include "itemmodels/taskcolumns.h"
#include "system/systemregistry.h"

#include "domain/isotime.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
QJsonValue timeOrNull(Timestamp at)
{
    return at ? QJsonValue(IsoTime::format(at)) : QJsonValue(QJsonValue::Null);
}

QJsonArray allowedActions(const Task &task, const ActionContext &context)
{
    QJsonArray actions;
    const ActionSet allowed = ActionRules::allowedActions(task, context);
    for (int i = 0; i < TaskActions::count(); ++i) {
        if (allowed.contains(TaskAction(i)))
            actions.append(QString(TaskActions::key(TaskAction(i))));
    }
    return actions;
}
} // namespace

const QStringList &TaskRecord::keys()
{
    static const QStringList list = {
        QStringLiteral("id"),          QStringLiteral("source"),       QStringLiteral("name"),
        QStringLiteral("group"),       QStringLiteral("status"),       QStringLiteral("native_status"),
        QStringLiteral("stage"),       QStringLiteral("failure_kind"), QStringLiteral("priority"),
        QStringLiteral("host"),        QStringLiteral("started_at"),   QStringLiteral("finished_at"),
        QStringLiteral("message"),     QStringLiteral("actions"),
    };
    return list;
}

QJsonObject TaskRecord::toJson(const Task &task, const ActionContext &context)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), task.idString());
    object.insert(QStringLiteral("source"), QString(SystemRegistry::key(task.source)));
    object.insert(QStringLiteral("name"), task.name.toString());
    object.insert(QStringLiteral("group"), task.group.toString());
    object.insert(QStringLiteral("status"), StatusTaxonomy::label(task.status));
    object.insert(QStringLiteral("native_status"), task.nativeStatus.toString());
    object.insert(QStringLiteral("stage"), QString(StatusTaxonomy::stageKey(task.stage())));
    object.insert(QStringLiteral("failure_kind"), QString(StatusTaxonomy::failureKindKey(task.failureKind())));
    // A system without priorities (Marathon) gets null rather than a misleading 0.
    object.insert(QStringLiteral("priority"), SystemRegistry::fillsColumn(task.system(), TaskColumn::Priority)
                                                  ? QJsonValue(task.priority)
                                                  : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("host"), task.host.toString());
    object.insert(QStringLiteral("started_at"), timeOrNull(task.startedAt));
    object.insert(QStringLiteral("finished_at"), timeOrNull(task.finishedAt));
    object.insert(QStringLiteral("message"), task.message.toString());
    object.insert(QStringLiteral("actions"), allowedActions(task, context));
    return object;
}

QStringList TaskRecord::toFields(const Task &task, const ActionContext &context)
{
    const QJsonObject object = toJson(task, context);
    QStringList fields;
    for (const QString &key : keys()) {
        const QJsonValue value = object.value(key);
        if (value.isArray()) {
            QStringList items;
            for (const QJsonValue &item : value.toArray())
                items.append(item.toString());
            fields.append(items.join(u' '));
        } else if (value.isDouble()) {
            fields.append(QString::number(value.toInteger()));
        } else {
            fields.append(value.toString());
        }
    }
    return fields;
}

QByteArray TaskRecord::toOrderedJson(const QJsonObject &object, const QStringList &order)
{
    QByteArray text = "{";
    QStringList remaining = object.keys();
    auto append = [&](const QString &key) {
        if (text.size() > 1)
            text += ',';
        // Let QJsonDocument do the escaping of one value at a time.
        const QByteArray pair = QJsonDocument(QJsonObject{{key, object.value(key)}}).toJson(QJsonDocument::Compact);
        text += pair.mid(1, pair.size() - 2);
        remaining.removeOne(key);
    };
    for (const QString &key : order) {
        if (object.contains(key))
            append(key);
    }
    for (const QString &key : QStringList(remaining))
        append(key);
    return text + '}';
}
