// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonparser.h"

#include "domain/isotime.h"
#include "marathonstatus.h"
#include "marathonsystem.h"
#include "net/httpreply.h"
#include "domain/jsonfields.h"
#include "net/jsonpretty.h"
#include "net/utf8repair.h"

#include <QCoreApplication>
#include <QSet>

#include <array>

#include <nlohmann/json.hpp>

using json = nlohmann::json;

namespace {
// Fields are read without trusting their types (domain/jsonfields.h).
using JsonFields::boolean;
using JsonFields::interned;
using JsonFields::text;

// nlohmann's messages start with "[json.exception.parse_error.101] "; the rest is useful.
QString shortWhat(const std::exception &error)
{
    QString what = QString::fromUtf8(error.what());
    if (what.startsWith(u'[')) {
        const qsizetype end = what.indexOf(QStringLiteral("] "));
        if (end > 0)
            what = what.sliced(end + 2);
    }
    return what;
}

// One bad byte in a message must not cost the event (nlohmann rejects ill-formed UTF-8):
// it is read as U+FFFD and counted. A raw NUL stays an error, as the JSON grammar says;
// an escaped \u0000 is fine.
std::optional<json> parseJson(QByteArrayView data, QString *error, qsizetype *repaired = nullptr)
{
    const Utf8Repair::Result repair = Utf8Repair::repair(data);
    if (repaired)
        *repaired = repair.replaced;
    const QByteArrayView text = repair.text(data);
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::exception &e) {
        *error = QCoreApplication::translate("MarathonParser", "malformed JSON (%1) near: %2").arg(shortWhat(e), HttpReply::snippet(data));
    }
    return std::nullopt;
}

// --- Tasks ------------------------------------------------------------------------------

void setApp(Task &task, QByteArrayView appId)
{
    QByteArray derived;
    if (appId.isEmpty()) {
        derived = MarathonIds::appIdOfTask(task.id).toUtf8();
        appId = derived;
    }
    task.group = InternedString::fromUtf8(appId);
    task.name = InternedString::fromUtf8(appId.sliced(appId.lastIndexOf('/') + 1));
}

// marathon-ui's rule: healthy when every result has succeeded once and is alive now.
Health healthOf(const json &results, QList<HealthCheckResult> *details)
{
    if (!results.is_array() || results.empty())
        return Health::None;
    bool healthy = true;
    for (const json &result : results) {
        HealthCheckResult check;
        check.alive = boolean(result, "alive").value_or(false);
        if (const json *failures = JsonFields::lookup(result, "consecutiveFailures"); failures && failures->is_number_integer())
            check.consecutiveFailures = failures->get<int>();
        check.lastSuccessAt = JsonFields::time(result, "lastSuccess");
        check.lastFailureAt = JsonFields::time(result, "lastFailure");
        check.lastFailureCause = JsonFields::string(result, "lastFailureCause");
        healthy = healthy && check.alive && !text(result, "firstSuccess").isEmpty();
        details->append(check);
    }
    return healthy ? Health::Healthy : Health::Unhealthy;
}

bool taskFromJson(const json &object, Task *task, quint8 *indexFlags)
{
    const QByteArrayView id = text(object, "id");
    if (id.isEmpty())
        return false;
    task->id = id.toByteArray();
    task->source = MarathonSystem::id();
    setApp(*task, text(object, "appId"));
    task->host = interned(object, "host");
    // /v2/tasks derives state from the condition: TASK_LOST never appears here.
    const QByteArrayView state = text(object, "state");
    task->nativeStatus = InternedString::fromUtf8(state);
    task->status = MarathonStatus::fromMesosState(task->nativeStatus.view());
    // Inactive tasks (terminal, UnreachableInactive) carry neither time nor version.
    task->startedAt = JsonFields::time(object, "startedAt");
    task->scheduledAt = JsonFields::time(object, "stagedAt");
    task->version = interned(object, "version");
    *indexFlags = quint8((task->startedAt ? MarathonTaskIndex::Started : 0)
                         | (task->scheduledAt ? MarathonTaskIndex::Staged : 0));

    // Details only where there is something to show: most tasks have no health checks, and
    // ports and addresses are one click away in the raw record.
    QList<HealthCheckResult> checks;
    if (const json *results = JsonFields::lookup(object, "healthCheckResults"))
        task->health = healthOf(*results, &checks);
    if (!checks.isEmpty())
        task->editDetails().healthChecks = std::move(checks);
    task->setFlag(TaskFlag::HasLocalVolumes, !JsonFields::array(object, "localVolumes").empty());
    return true;
}

// --- Events -----------------------------------------------------------------------------

using Event = MarathonParser::Event;

constexpr QLatin1StringView lostState("TASK_LOST");
constexpr QLatin1StringView reconciliationUnknown("Reconciliation: Task is unknown to the");

void statusUpdate(const json &object, Event &event)
{
    const QByteArrayView taskId = text(object, "taskId");
    const QByteArrayView state = text(object, "taskStatus");
    if (taskId.isEmpty() || state.isEmpty()) {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "status_update_event without %1")
                          .arg(taskId.isEmpty() ? QStringLiteral("taskId") : QStringLiteral("taskStatus"));
        return;
    }
    event.kind = Event::Kind::TaskUpdate;
    Task &task = event.delta.task;
    task.id = taskId.toByteArray();
    task.source = MarathonSystem::id();
    setApp(task, text(object, "appId"));
    const QByteArrayView message = text(object, "message");
    // Marathon's event carries no reason; taskmon reads one where a proxy or a newer
    // version adds it (reference §5).
    const QByteArrayView reason = text(object, "reason");
    task.message = InternedString::fromUtf8(message);
    task.reason = InternedString::fromUtf8(reason);
    task.nativeStatus = InternedString::fromUtf8(state);
    const bool lost = task.nativeStatus.view().compare(lostState, Qt::CaseInsensitive) == 0;
    // Reason and message matter only to TASK_LOST; the rest maps by the state alone.
    task.status = MarathonStatus::fromMesosState(task.nativeStatus.view(), task.reason.view(), task.message.view());
    task.updatedAt = event.at;

    quint32 fields = TaskField::Source | TaskField::Name | TaskField::Group | TaskField::Message
        | TaskField::UpdatedAt | TaskField::Status;
    const QByteArrayView host = text(object, "host");
    if (!host.isEmpty() && host != "unknown") {
        task.host = InternedString::fromUtf8(host);
        fields |= TaskField::Host;
    }
    if (const QByteArrayView version = text(object, "version"); !version.isEmpty()) {
        task.version = InternedString::fromUtf8(version);
        fields |= TaskField::Version;
    }
    if (lost && reason.isEmpty() && !task.message.view().startsWith(reconciliationUnknown)) {
        // Without the reason only Marathon can tell Unreachable from Gone, and it says so in
        // the instance_changed_event that follows. A new row still needs a status: Gone.
        event.statusDeferred = true;
        fields &= ~quint32(TaskField::Status);
    }
    if (task.stage() == Stage::Finished && !event.statusDeferred) {
        task.finishedAt = event.at;
        fields |= TaskField::FinishedAt;
    }
    event.delta.fields = fields;
}

bool needInstance(const json &object, const char *key, Event &event)
{
    const QByteArrayView id = text(object, key);
    if (id.isEmpty()) {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "%1 without %2").arg(QString::fromUtf8(event.type), QLatin1StringView(key));
        return false;
    }
    // failed_health_check_event calls it taskId but sends the instance id; a task id works too.
    const MarathonIds::Parsed parsed = MarathonIds::parse(id);
    event.instanceId = parsed.valid ? parsed.instanceId : id.toByteArray();
    event.kind = Event::Kind::InstanceUpdate;
    return true;
}

void instanceChanged(const json &object, Event &event)
{
    if (!needInstance(object, "instanceId", event))
        return;
    event.conditionName = JsonFields::string(object, "condition");
    if (event.conditionName.isEmpty()) {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "instance_changed_event without condition");
        return;
    }
    event.condition = MarathonStatus::fromCondition(event.conditionName);
    event.host = JsonFields::string(object, "host");
}

void healthChanged(const json &object, Event &event, const char *key, const char *flag)
{
    if (!needInstance(object, key, event))
        return;
    const json *value = JsonFields::lookup(object, flag);
    if (value && value->is_boolean())
        event.health = value->get<bool>() ? Health::Healthy : Health::Unhealthy;
    else if (value && value->is_null())
        event.health = Health::None;
    else {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "%1 without a true/false %2").arg(QString::fromUtf8(event.type), QLatin1StringView(flag));
    }
}

void unhealthyKill(const json &object, Event &event)
{
    const QByteArrayView taskId = text(object, "taskId");
    if (taskId.isEmpty()) {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "%1 without taskId").arg(QString::fromUtf8(event.type));
        return;
    }
    event.kind = Event::Kind::TaskUpdate;
    Task &task = event.delta.task;
    task.id = taskId.toByteArray();
    task.health = Health::Unhealthy;
    task.updatedAt = event.at;
    event.delta.fields = TaskField::Health | TaskField::UpdatedAt;
    QString line = QCoreApplication::translate("MarathonParser", "Marathon killed unhealthy task %1 of %2").arg(QString::fromUtf8(taskId), JsonFields::string(object, "appId"));
    if (const QString host = JsonFields::string(object, "host"); !host.isEmpty())
        line += QCoreApplication::translate("MarathonParser", " on %1").arg(host);
    if (const QString reason = JsonFields::string(object, "reason"); !reason.isEmpty())
        line += QStringLiteral(": ") + reason;
    event.logText = line;
    event.logSeverity = LogEntry::Severity::Warning;
}

QString shortId(QByteArrayView id)
{
    return QString::fromUtf8(id.first(std::min<qsizetype>(id.size(), 8)));
}

// "ScaleApplication /my-app, StopApplication /b" from a step's actions.
QString actionsText(const json &actions)
{
    QStringList parts;
    for (const json &action : actions) {
        QByteArrayView target = text(action, "app");
        if (target.isEmpty())
            target = text(action, "pod");
        parts.append(QString(JsonFields::string(action, "action") + u' ' + QString::fromUtf8(target)).trimmed());
    }
    const qsizetype shown = std::min<qsizetype>(parts.size(), 5);
    QString result = parts.mid(0, shown).join(QStringLiteral(", "));
    if (parts.size() > shown)
        result += QCoreApplication::translate("MarathonParser", " and %1 more").arg(parts.size() - shown);
    return result;
}

// The apps and pods a deployment plan touches, in order.
QString planTargets(const json &plan)
{
    QStringList targets;
    for (const json &step : JsonFields::array(plan, "steps")) {
        for (const json &action : JsonFields::array(step, "actions")) {
            QString target = JsonFields::string(action, "app");
            if (target.isEmpty())
                target = JsonFields::string(action, "pod");
            if (!target.isEmpty() && !targets.contains(target))
                targets.append(target);
        }
    }
    return targets.join(QStringLiteral(", "));
}

void deployment(const json &object, Event &event)
{
    static const json none;
    const json *planPointer = JsonFields::lookup(object, "plan");
    const json &plan = planPointer ? *planPointer : none;
    QByteArrayView id = text(object, "id");
    if (id.isEmpty())
        id = text(plan, "id");
    const QString deploymentName = QCoreApplication::translate("MarathonParser", "Deployment %1").arg(shortId(id));
    const json *step = JsonFields::lookup(object, "currentStep");
    const QString stepText = step ? actionsText(JsonFields::array(*step, "actions")) : QString();
    const QString targets = planTargets(plan);
    const QString reason = JsonFields::string(object, "reason");
    event.kind = Event::Kind::Ignored;
    event.logSeverity = LogEntry::Severity::Info;
    if (event.type == "deployment_info") {
        event.logText = QCoreApplication::translate("MarathonParser", "%1: %2").arg(deploymentName, stepText.isEmpty() ? targets : stepText);
    } else if (event.type == "deployment_step_success") {
        event.logText = QCoreApplication::translate("MarathonParser", "%1: step done: %2").arg(deploymentName, stepText);
    } else if (event.type == "deployment_step_failure") {
        event.logText = QCoreApplication::translate("MarathonParser", "%1: step failed: %2").arg(deploymentName, stepText);
        event.logSeverity = LogEntry::Severity::Warning;
    } else if (event.type == "deployment_success") {
        event.logText = QCoreApplication::translate("MarathonParser", "%1 succeeded").arg(deploymentName);
        if (!targets.isEmpty())
            event.logText += QStringLiteral(": ") + targets;
    } else {
        event.logText = QCoreApplication::translate("MarathonParser", "%1 failed").arg(deploymentName);
        if (!targets.isEmpty())
            event.logText += QStringLiteral(" (") + targets + u')';
        if (!reason.isEmpty())
            event.logText += QStringLiteral(": ") + reason;
        event.logSeverity = LogEntry::Severity::Warning;
    }
}

// The frequent names as shared constants: a stream of them then costs no allocation.
QByteArray typeName(QByteArrayView name)
{
    static const std::array<QByteArray, 5> frequent{
        QByteArrayLiteral("status_update_event"), QByteArrayLiteral("instance_changed_event"),
        QByteArrayLiteral("instance_health_changed_event"), QByteArrayLiteral("health_status_changed_event"),
        QByteArrayLiteral("failed_health_check_event")};
    for (const QByteArray &known : frequent) {
        if (known == name)
            return known;
    }
    return name.toByteArray();
}

// Types that change nothing taskmon shows; they are neither logged nor counted as unknown.
bool isQuietType(QByteArrayView type)
{
    static const QSet<QByteArray> quiet{
        "event_stream_detached", "api_post_event", "pod_created_event", "pod_updated_event",
        "pod_deleted_event", "add_health_check_event", "remove_health_check_event",
        "framework_message_event", "subscribe_event", "unsubscribe_event",
        "unknown_instance_terminated_event", "group_change_success",
    };
    return quiet.contains(type.toByteArray());
}

void logOnly(const json &object, Event &event)
{
    event.kind = Event::Kind::Ignored;
    if (event.type == "app_terminated_event") {
        event.logText = QCoreApplication::translate("MarathonParser", "App %1 was removed from Marathon").arg(JsonFields::string(object, "appId"));
    } else if (event.type == "group_change_failed") {
        event.logText = QCoreApplication::translate("MarathonParser", "Group change of %1 failed: %2").arg(JsonFields::string(object, "groupId"), JsonFields::string(object, "reason"));
        event.logSeverity = LogEntry::Severity::Warning;
    } else if (event.type == "scheduler_disconnected_event") {
        event.logText = QCoreApplication::translate("MarathonParser", "Marathon lost its connection to the Mesos master");
        event.logSeverity = LogEntry::Severity::Warning;
    } else {
        event.logText = QCoreApplication::translate("MarathonParser", "Marathon registered with the Mesos master %1").arg(JsonFields::string(object, "master"));
    }
}

void dispatchEvent(const json &object, Event &event)
{
    const QByteArrayView type = event.type;
    if (type == "status_update_event")
        statusUpdate(object, event);
    else if (type == "instance_changed_event")
        instanceChanged(object, event);
    else if (type == "instance_health_changed_event")
        healthChanged(object, event, "instanceId", "healthy");
    else if (type == "health_status_changed_event")
        healthChanged(object, event, object.contains("instanceId") ? "instanceId" : "taskId", "alive");
    else if (type == "failed_health_check_event") {
        if (needInstance(object, "taskId", event))
            event.health = Health::Unhealthy;
    } else if (type == "unhealthy_instance_kill_event" || type == "unhealthy_task_kill_event")
        unhealthyKill(object, event);
    else if (type.startsWith("deployment_"))
        deployment(object, event);
    else if (type == "app_terminated_event" || type == "group_change_failed"
             || type.startsWith("scheduler_"))
        logOnly(object, event);
    else if (type == "event_stream_attached")
        event.kind = Event::Kind::Attached;
    else
        event.kind = isQuietType(type) ? Event::Kind::Ignored : Event::Kind::Unknown;
}
} // namespace

quint32 MarathonParser::snapshotFields()
{
    return TaskField::All
        & ~quint32(TaskField::Message | TaskField::Priority | TaskField::CreatedAt | TaskField::FinishedAt
                   | TaskField::UpdatedAt | TaskField::Scope | TaskField::Execution);
}

MarathonParser::TaskListing MarathonParser::parseTasks(QByteArrayView body)
{
    TaskListing result;
    bool sawTasks = false;
    // Each task object is converted as soon as it is complete and then discarded, so a
    // 100,000-task listing never exists as one JSON tree in memory.
    auto callback = [&](int depth, json::parse_event_t event, json &parsed) {
        if (depth == 1 && event == json::parse_event_t::key)
            sawTasks = sawTasks || parsed == "tasks";
        if (depth == 2 && event == json::parse_event_t::object_end) {
            Task task;
            quint8 flags = 0;
            if (taskFromJson(parsed, &task, &flags)) {
                result.index.add(task.id, flags);
                result.tasks.append(std::move(task));
            } else {
                ++result.skipped;
            }
            return false;
        }
        return true;
    };
    // A listing with one bad byte is still the listing (see parseJson).
    const Utf8Repair::Result repair = Utf8Repair::repair(body);
    result.repairedUtf8 = repair.replaced;
    const QByteArrayView text = repair.text(body);
    try {
        const json root = json::parse(text.begin(), text.end(), callback);
        const json *tasks = JsonFields::lookup(root, "tasks");
        if (!sawTasks || !tasks || !tasks->is_array())
            result.error = QCoreApplication::translate("MarathonParser", "not a task listing: %1").arg(HttpReply::snippet(body));
        else
            result.skipped += int(tasks->size());   // entries that were not objects
    } catch (const json::exception &e) {
        result.error = QCoreApplication::translate("MarathonParser", "malformed JSON (%1) near: %2").arg(shortWhat(e), HttpReply::snippet(body));
    }
    if (!result.error.isEmpty()) {
        // The tasks read before the error was found are not a listing (found by fuzz_marathon).
        result.tasks.clear();
        result.index = MarathonTaskIndex();
        result.skipped = 0;
    }
    return result;
}

MarathonParser::Event MarathonParser::parseEvent(QByteArrayView eventName, QByteArrayView data)
{
    Event event;
    event.type = typeName(eventName);
    const std::optional<json> parsed = parseJson(data, &event.error, &event.repairedUtf8);
    if (!parsed) {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "%1 frame: %2").arg(QString::fromUtf8(event.type), event.error);
        return event;
    }
    if (!parsed->is_object()) {
        event.kind = Event::Kind::Malformed;
        event.error = QCoreApplication::translate("MarathonParser", "%1 frame is not a JSON object: %2")
                          .arg(QString::fromUtf8(event.type), HttpReply::snippet(data));
        return event;
    }
    if (const QByteArrayView type = text(*parsed, "eventType"); !type.isEmpty() && type != event.type)
        event.type = typeName(type);
    event.at = JsonFields::time(*parsed, "timestamp");
    dispatchEvent(*parsed, event);
    if (event.kind == Event::Kind::Malformed)
        event.error += QCoreApplication::translate("MarathonParser", " near: %1").arg(HttpReply::snippet(data));
    return event;
}

QByteArray MarathonParser::killBody(const QList<QByteArray> &ids)
{
    json array = json::array();
    for (const QByteArray &id : ids)
        array.push_back(id.toStdString());
    // Ids typed on a command line need not be UTF-8; replace rather than throw.
    return QByteArray::fromStdString(json{{"ids", array}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::optional<QList<QByteArray>> MarathonParser::killedIds(QByteArrayView body)
{
    QString error;
    const std::optional<json> parsed = parseJson(body, &error);
    if (!parsed || !JsonFields::lookup(*parsed, "tasks"))
        return std::nullopt;
    QList<QByteArray> ids;
    for (const json &task : JsonFields::array(*parsed, "tasks"))
        ids.append(text(task, "id").toByteArray());
    return ids;
}

QString MarathonParser::deploymentId(QByteArrayView body)
{
    QString error;
    const std::optional<json> parsed = parseJson(body, &error);
    return parsed ? JsonFields::string(*parsed, "deploymentId") : QString();
}

QString MarathonParser::prettyTask(QByteArrayView body, QByteArrayView taskId, QString *error)
{
    // dump() recurses per level: a listing deeper than the printer shows is refused before
    // it is parsed.
    if (const int levels = JsonPretty::depth(body); levels > JsonPretty::Limits().maxDepth) {
        *error = JsonPretty::tooDeep(levels);
        return {};
    }
    const std::optional<json> parsed = parseJson(body, error);
    if (!parsed)
        return {};
    for (const json &task : JsonFields::array(*parsed, "tasks")) {
        if (text(task, "id") == taskId)
            return JsonPretty::format(QByteArray::fromStdString(task.dump(-1, ' ', false, json::error_handler_t::replace)));
    }
    *error = QCoreApplication::translate("MarathonParser", "Marathon does not list task %1 any more.").arg(QString::fromUtf8(taskId));
    return {};
}
