// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenparser.h"

#include "evergreenstatus.h"
#include "domain/isotime.h"
#include "itemmodels/taskformat.h"
#include "net/httpreply.h"
#include "domain/jsonfields.h"
#include "net/jsonpretty.h"
#include "net/utf8repair.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using Json = nlohmann::json;

namespace {
// Fields are read without trusting their types (domain/jsonfields.h).
using JsonFields::interned;
using JsonFields::member;
using JsonFields::string;
using JsonFields::text;

// Absent, null or not a boolean: false.
bool boolean(const Json &object, const char *key)
{
    return JsonFields::boolean(object, key).value_or(false);
}

std::optional<qint64> integer(const Json &object, const char *key)
{
    const Json &value = member(object, key);
    if (value.is_number_unsigned())
        return qint64(std::min<quint64>(value.get<quint64>(), quint64(std::numeric_limits<qint64>::max())));
    if (value.is_number_integer())
        return value.get<qint64>();
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (std::isfinite(number))
            return qint64(std::clamp(number, -9.0e18, 9.0e18));
    }
    return std::nullopt;
}

template<typename T>
T clamped(qint64 value)
{
    return T(std::clamp<qint64>(value, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

Timestamp time(const Json &object, const char *key)
{
    // Zero times come as null; older servers send Go's zero time, 0001-01-01.
    const Timestamp at = JsonFields::time(object, key);
    return at > 0 ? at : 0;
}

// Evergreen sends UTF-8, but one stray byte must not make a whole page unreadable.
bool parseDocument(const QByteArray &body, Json *json, QString *error, qsizetype *repairedUtf8 = nullptr)
{
    if (body.trimmed().isEmpty()) {
        *error = QCoreApplication::translate("EvergreenParser", "empty answer where JSON was expected");
        return false;
    }
    const Utf8Repair::Result repair = Utf8Repair::repair(body);
    if (repairedUtf8)
        *repairedUtf8 = repair.replaced;
    const QByteArrayView input = repair.text(body);
    try {
        *json = Json::parse(input.cbegin(), input.cend());
        return true;
    } catch (const Json::exception &e) {
        qsizetype at = 0;
        if (const auto *parseError = dynamic_cast<const Json::parse_error *>(&e))
            at = qsizetype(parseError->byte);
        *error = QCoreApplication::translate("EvergreenParser", "malformed JSON near byte %1: %2")
                     .arg(at)
                     .arg(HttpReply::snippet(input.sliced(std::clamp<qsizetype>(at - 60, 0, input.size())), 120));
        return false;
    }
}

// An answer that is a list: one object counts as a list of one, and null (Evergreen's
// encoding of an empty Go slice) as an empty list.
bool parseList(const QByteArray &body, const QString &notAList, Json *list, QString *error)
{
    if (!parseDocument(body, list, error))
        return false;
    if (list->is_object())
        *list = Json::array({*list});
    else if (list->is_null())
        *list = Json::array();
    if (list->is_array())
        return true;
    *error = notAList.arg(HttpReply::snippet(body));
    return false;
}

void addField(TaskDetails &details, const char *label, const QString &value)
{
    if (!value.isEmpty())
        details.fields.append({QCoreApplication::translate("EvergreenParser", label), value});
}

QString joined(const Json &list, const char *key = nullptr)
{
    QStringList parts;
    if (list.is_array()) {
        for (const Json &item : list) {
            const QByteArrayView s = key ? text(item, key) : text(item);
            if (!s.empty())
                parts.append(QString::fromUtf8(s));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString duration(const Json &object, const char *key)
{
    const std::optional<qint64> ms = integer(object, key);
    return ms && *ms > 0 ? Duration::text(*ms) : QString();
}

QString abortDescription(const Json &info)
{
    QString text = string(info, "user");
    QStringList why;
    if (const QString task = string(info, "task_id"); !task.isEmpty())
        why.append(QCoreApplication::translate("EvergreenParser", "after task %1 failed").arg(task));
    if (const QString version = string(info, "new_version"); !version.isEmpty())
        why.append(QCoreApplication::translate("EvergreenParser", "superseded by version %1").arg(version));
    if (boolean(info, "pr_closed"))
        why.append(QCoreApplication::translate("EvergreenParser", "the pull request was closed"));
    if (!why.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + u'(' + why.join(QStringLiteral("; ")) + u')';
    return text;
}

// What the details pane shows beyond the table's columns, in display order.
void readDetails(const Json &json, const Json &statusDetails, const Task &task, TaskDetails &details)
{
    QString project = string(json, "project_identifier");
    if (project.isEmpty())
        project = string(json, "project_id");
    addField(details, "Build variant", string(json, "build_variant_display_name"));
    addField(details, "Project", project);
    addField(details, "Revision", string(json, "revision"));
    addField(details, "Requester", string(json, "requester"));
    addField(details, "Distro", string(json, "distro_id"));
    addField(details, "Task group", string(json, "task_group"));
    addField(details, "Display task", string(json, "parent_task_id"));
    addField(details, "Execution tasks", joined(member(json, "execution_tasks")));
    addField(details, "Generated by", string(json, "generated_by"));
    addField(details, "Activated by", string(json, "activated_by"));
    addField(details, "Activated at", IsoTime::format(time(json, "activated_time")));
    addField(details, "Dispatched at", IsoTime::format(time(json, "dispatch_time")));
    addField(details, "Ingested at", IsoTime::format(time(json, "ingest_time")));
    addField(details, "Aborted by", abortDescription(member(json, "abort_info")));
    addField(details, "Other failing commands",
             joined(member(statusDetails, "other_failing_commands"), "full_display_name"));
    if (boolean(statusDetails, "post_errored"))
        addField(details, "Post-task commands", QCoreApplication::translate("EvergreenParser", "failed"));
    addField(details, "Expected duration", duration(json, "expected_duration_ms"));
    // While a task runs, time_taken_ms grows with every poll; the table shows the run time.
    if (task.finishedAt)
        addField(details, "Time taken", duration(json, "time_taken_ms"));
    addField(details, "Estimated wait", duration(json, "est_wait_to_start_ms"));
    const Json &logs = member(json, "logs");
    addField(details, "Task log", string(logs, "task_log"));
    addField(details, "Agent log", string(logs, "agent_log"));
    addField(details, "System log", string(logs, "system_log"));
    addField(details, "All logs", string(logs, "all_log"));
    addField(details, "Display status (server)", string(json, "display_status"));

    const Json &dependsOn = member(json, "depends_on");
    if (dependsOn.is_array()) {
        for (const Json &dependency : dependsOn) {
            TaskDependency entry;
            if (dependency.is_string()) {
                entry.taskId = QString::fromStdString(dependency.get<std::string>());
            } else {
                entry.taskId = string(dependency, "id");
                entry.requiredStatus = string(dependency, "status");
            }
            if (!entry.taskId.isEmpty())
                details.dependsOn.append(entry);
        }
    }
}

// When the task entered its status, by the server's clock; 0 where the server keeps no
// time for it (an abort request, unscheduling), so the store uses the time it saw it.
Timestamp statusTime(const Task &task, Timestamp activatedAt, Timestamp dispatchedAt)
{
    switch (EvergreenSystem::local(task.status).value_or(EvgStatus::Count_)) {
    case EvgStatus::Started:
        return task.startedAt;
    case EvgStatus::Dispatched:
        return dispatchedAt;
    case EvgStatus::WillRun:
    case EvgStatus::Pending:
        return activatedAt;
    case EvgStatus::Aborting:
    case EvgStatus::Unscheduled:
    case EvgStatus::Inactive:
    case EvgStatus::Blocked:
    case EvgStatus::Other:
        return 0;
    default:
        return task.finishedAt;
    }
}

// Returns why the element was skipped; empty when it was read into *out.
QString readTask(const Json &json, Task *out, QString *serverDisplayStatus)
{
    if (!json.is_object())
        return QCoreApplication::translate("EvergreenParser", "an element that is not an object");
    const QByteArrayView id = text(json, "task_id");
    if (id.empty())
        return QCoreApplication::translate("EvergreenParser", "an element without task_id");

    Task task;
    task.id = id.toByteArray();
    task.source = EvergreenSystem::id();
    task.name = interned(json, "display_name");
    task.group = interned(json, "build_variant");
    task.scope = interned(json, "build_id");
    task.version = interned(json, "version_id");
    task.host = interned(json, "host_id");
    task.priority = clamped<qint32>(integer(json, "priority").value_or(0));
    task.execution = clamped<quint16>(integer(json, "execution").value_or(0));
    task.createdAt = time(json, "create_time");
    task.scheduledAt = time(json, "scheduled_time");
    task.startedAt = time(json, "start_time");
    task.finishedAt = time(json, "finish_time");

    const Json &statusDetails = member(json, "status_details");
    const QString status = string(json, "status");
    const QString description = string(statusDetails, "desc");
    const bool overridden = boolean(json, "override_dependencies");
    task.setFlag(TaskFlag::Activated, boolean(json, "activated"));
    task.setFlag(TaskFlag::Aborted, boolean(json, "aborted"));
    task.setFlag(TaskFlag::Blocked, boolean(json, "blocked") && !overridden);
    task.setFlag(TaskFlag::HasAnnotations, boolean(json, "has_annotations"));
    task.setFlag(TaskFlag::TimedOut, boolean(statusDetails, "timed_out"));
    task.setFlag(TaskFlag::OverrideDependencies, overridden);
    task.setFlag(TaskFlag::DisplayTask, boolean(json, "display_only"));
    task.setFlag(TaskFlag::ExecutionTask, !text(json, "parent_task_id").empty());
    task.setFlag(TaskFlag::ResetWhenFinished, boolean(json, "reset_when_finished"));
    task.commandType = EvergreenStatus::commandTypeFromString(string(statusDetails, "type"));
    task.timeoutType = EvergreenStatus::timeoutTypeFromString(string(statusDetails, "timeout_type"));

    EvergreenRawStatus raw;
    raw.status = status;
    raw.detailsType = task.commandType;
    raw.timedOut = task.hasFlag(TaskFlag::TimedOut);
    raw.detailsDescription = description;
    raw.activated = task.hasFlag(TaskFlag::Activated);
    raw.aborted = task.hasFlag(TaskFlag::Aborted);
    raw.blocked = task.hasFlag(TaskFlag::Blocked);
    raw.hasAnnotations = task.hasFlag(TaskFlag::HasAnnotations);
    task.status = EvergreenStatus::derive(raw);
    task.nativeStatus = InternedString(status);
    task.message = InternedString(description);
    task.reason = interned(statusDetails, "failing_command");
    task.updatedAt = statusTime(task, time(json, "activated_time"), time(json, "dispatch_time"));

    readDetails(json, statusDetails, task, task.editDetails());
    *serverDisplayStatus = string(json, "display_status");
    *out = std::move(task);
    return {};
}

void readTaskInto(const Json &json, EvergreenParser::TaskList &list, qsizetype index)
{
    Task task;
    QString displayStatus;
    const QString problem = readTask(json, &task, &displayStatus);
    if (!problem.isEmpty()) {
        list.problems.append(QCoreApplication::translate("EvergreenParser", "element %1 skipped: %2").arg(index).arg(problem));
        return;
    }
    if (!displayStatus.isEmpty() && !EvergreenParser::sameDisplayStatus(task.status, displayStatus))
        list.mismatches.append({task.id, displayStatus, task.status});
    list.tasks.append(std::move(task));
}

IssueLink readIssue(const Json &json)
{
    IssueLink link;
    link.url = string(json, "url");
    link.key = string(json, "issue_key");
    const Json &confidence = member(json, "confidence_score");
    if (confidence.is_number())
        link.confidence = confidence.get<double>();
    return link;
}

QList<IssueLink> readIssues(const Json &list)
{
    QList<IssueLink> result;
    if (!list.is_array())
        return result;
    for (const Json &item : list) {
        IssueLink link = readIssue(item);
        if (!link.url.isEmpty() || !link.key.isEmpty())
            result.append(std::move(link));
    }
    return result;
}
} // namespace

EvergreenParser::TaskList EvergreenParser::parseTasks(const QByteArray &body)
{
    TaskList result;
    Json json;
    if (!parseDocument(body, &json, &result.error, &result.repairedUtf8))
        return result;
    if (json.is_array()) {
        result.tasks.reserve(qsizetype(json.size()));
        qsizetype index = 0;
        for (const Json &element : json)
            readTaskInto(element, result, index++);
    } else if (json.is_object() && !text(json, "task_id").empty()) {
        readTaskInto(json, result, 0);
    } else {
        result.error = QCoreApplication::translate("EvergreenParser", "the answer holds no task: %1").arg(HttpReply::snippet(body));
    }
    return result;
}

EvergreenParser::BuildList EvergreenParser::parseBuilds(const QByteArray &body)
{
    BuildList result;
    Json json;
    if (!parseList(body, QCoreApplication::translate("EvergreenParser", "the answer holds no builds: %1"), &json, &result.error))
        return result;
    qsizetype index = 0;
    for (const Json &element : json) {
        Build build;
        build.id = string(element, "_id");
        if (build.id.isEmpty())
            build.id = string(element, "id");
        if (build.id.isEmpty()) {
            result.problems.append(QCoreApplication::translate("EvergreenParser", "element %1 skipped: a build without _id").arg(index++));
            continue;
        }
        build.variant = string(element, "build_variant");
        build.displayName = string(element, "display_name");
        build.status = string(element, "status");
        result.builds.append(build);
        ++index;
    }
    return result;
}

EvergreenParser::Annotations EvergreenParser::parseAnnotations(const QByteArray &body, int execution)
{
    Annotations result;
    Json json;
    if (!parseList(body, QCoreApplication::translate("EvergreenParser", "the answer holds no annotations: %1"), &json, &result.error))
        return result;
    const Json *chosen = nullptr;
    for (const Json &element : json) {
        if (!element.is_object())
            continue;
        if (!chosen || integer(element, "task_execution") == std::optional<qint64>(execution))
            chosen = &element;
    }
    result.annotations.loaded = true;
    if (chosen) {
        result.annotations.issues = readIssues(member(*chosen, "issues"));
        result.annotations.suspectedIssues = readIssues(member(*chosen, "suspected_issues"));
        result.annotations.note = string(member(*chosen, "note"), "message");
    }
    return result;
}

QUrl EvergreenParser::nextLink(const QByteArray &header, const QUrl &base)
{
    // Link: <https://host/rest/v2/builds/b/tasks?start_at=t3&limit=100>; rel="next", <…>; rel="prev"
    qsizetype from = 0;
    while (from < header.size()) {
        const qsizetype open = header.indexOf('<', from);
        const qsizetype close = open < 0 ? -1 : header.indexOf('>', open + 1);
        if (close < 0)
            break;
        qsizetype end = header.indexOf('<', close + 1);
        if (end < 0)
            end = header.size();
        const QByteArray target = header.mid(open + 1, close - open - 1).trimmed();
        for (const QByteArray &parameter : header.mid(close + 1, end - close - 1).split(';')) {
            const qsizetype equals = parameter.indexOf('=');
            if (equals < 0 || parameter.left(equals).trimmed().toLower() != "rel")
                continue;
            QByteArray value = parameter.mid(equals + 1).trimmed();
            if (value.endsWith(','))
                value.chop(1);
            value = value.trimmed();
            if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            for (const QByteArray &relation : value.simplified().split(' ')) {
                if (relation.toLower() == "next") {
                    const QUrl url = QUrl::fromEncoded(target);
                    return url.isValid() ? base.resolved(url) : QUrl();
                }
            }
        }
        from = end;
    }
    return {};
}

bool EvergreenParser::sameDisplayStatus(Status derived, QStringView displayStatus)
{
    const auto canonical = [](Status status) {
        switch (EvergreenSystem::local(status).value_or(EvgStatus::Count_)) {
        case EvgStatus::Aborting:
            return evg(EvgStatus::Aborted);
        case EvgStatus::TestTimedOut:
            return evg(EvgStatus::TaskTimedOut);
        case EvgStatus::Inactive:
            return evg(EvgStatus::Unscheduled);
        default:
            return status;
        }
    };
    return canonical(EvergreenStatus::fromDisplayStatus(displayStatus)) == canonical(derived);
}

QString EvergreenParser::prettyJson(const QByteArray &body, bool *ok)
{
    Json json;
    QString error;
    // dump() recurses per level: too deep a record is refused before it is parsed.
    if (const int levels = JsonPretty::depth(body); levels > JsonPretty::Limits().maxDepth) {
        if (ok)
            *ok = false;
        return JsonPretty::tooDeep(levels);
    }
    const bool parsed = parseDocument(body, &json, &error);
    if (ok)
        *ok = parsed;
    if (!parsed)
        return error;
    return JsonPretty::format(QByteArray::fromStdString(json.dump(-1, ' ', false, Json::error_handler_t::replace)));
}

QByteArray EvergreenParser::activationBody(bool activated)
{
    return QByteArray::fromStdString(Json{{"activated", activated}}.dump());
}

QByteArray EvergreenParser::priorityBody(qint32 priority)
{
    return QByteArray::fromStdString(Json{{"priority", priority}}.dump());
}
