// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/actionrules.h"

#include <QJsonObject>
#include <QStringList>

class TaskStore;

// A task as taskmon-cli prints it: the keys of DESIGN.md §5, in that order.
namespace TaskRecord {
// id, source, name, group, status, native_status, stage, failure_kind, priority, host,
// started_at, finished_at, message, actions
const QStringList &keys();
QJsonObject toJson(const Task &task, const ActionContext &context);
// The object as compact JSON text with its keys in keys() order (QJsonObject sorts them).
QByteArray toOrderedJson(const QJsonObject &object, const QStringList &order);
// The same values as text, in keys() order (CSV and tables).
QStringList toFields(const Task &task, const ActionContext &context);
}
