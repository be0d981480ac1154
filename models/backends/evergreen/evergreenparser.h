// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// Reads the answers of Evergreen's REST v2 API into plain taskmon types. This is the only
// place that sees Evergreen's JSON. Nothing here trusts a field's type: a missing, null or
// wrong-typed field reads as absent, an element that is not a task is skipped and named in
// `problems`, and an answer that is not JSON at all comes back as `error` with a snippet of
// what arrived. Nothing throws.
namespace EvergreenParser {

// A task whose display_status, as the server sent it, names another status than the one
// derived from its raw fields (which is the one taskmon uses).
struct DisplayStatusMismatch
{
    QByteArray taskId;
    QString serverDisplayStatus;
    Status derived = Status::Unset;
};

struct TaskList
{
    QList<Task> tasks;
    QList<DisplayStatusMismatch> mismatches;
    QStringList problems;   // one sentence per skipped element
    QString error;          // the answer as a whole was unreadable; empty when it was read
    qsizetype repairedUtf8 = 0;   // invalid UTF-8 sequences read as U+FFFD
};

// One entry of GET /versions/{id}/builds.
struct Build
{
    QString id;             // _id
    QString variant;        // build_variant
    QString displayName;    // display_name: the variant's display name
    QString status;         // created, started, success, failed
};

struct BuildList
{
    QList<Build> builds;
    QStringList problems;
    QString error;
};

struct Annotations
{
    TaskAnnotations annotations;
    QString error;
};

// APITask JSON (one object, or an array of them) → tasks of source Evergreen, the status
// derived from the raw fields by EvergreenStatus::derive, never from display_status.
TaskList parseTasks(const QByteArray &body);
BuildList parseBuilds(const QByteArray &body);
// GET /tasks/{id}/annotations answers a list (or null); the entry of `execution` is used,
// else the first. An empty answer means "no annotations", which is not an error.
Annotations parseAnnotations(const QByteArray &body, int execution);

// The target of the rel="next" link in a Link header, resolved against base; an invalid
// URL when the header has none.
QUrl nextLink(const QByteArray &header, const QUrl &base);

// Whether a display_status string names the derived status. Aborting matches "aborted",
// and the names Evergreen keeps for old tasks match their current equivalents.
bool sameDisplayStatus(Status derived, QStringView displayStatus);

// The body indented for the details pane; on malformed input, why, with a snippet.
QString prettyJson(const QByteArray &body, bool *ok = nullptr);

// PATCH /tasks/{id} bodies.
QByteArray activationBody(bool activated);
QByteArray priorityBody(qint32 priority);
}
