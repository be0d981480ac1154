// SPDX-License-Identifier: GPL-3.0-or-later
#include "marathonevents.h"

#include "marathonstatus.h"
#include "net/httpreply.h"

#include <QCoreApplication>

namespace {
constexpr size_t recentCapacity = 256;
// Marathon stamps a status update and the instance event it causes separately.
constexpr Timestamp sameUpdateMs = 2000;
// A server inventing a new type per event must not grow the counters without bound.
constexpr qsizetype maxUnknownTypes = 256;
const QByteArray otherTypes = QByteArrayLiteral("(other types)");
constexpr QLatin1StringView lostState("TASK_LOST");

using Event = MarathonParser::Event;
} // namespace

MarathonEvents::MarathonEvents(const MarathonConfig &config, LogFunction log)
    : m_config(config)
    , m_log(std::move(log))
{
}

void MarathonEvents::sseFrame(QByteArrayView eventName, QByteArrayView data)
{
    ++m_counters.frames;
    Event event = MarathonParser::parseEvent(eventName, data);
    if (event.repairedUtf8 > 0) {
        // Kept, not dropped: a TASK_FAILED with a mangled message is still a failure.
        ++m_counters.repairedUtf8;
        problem(QCoreApplication::translate("MarathonEvents", "An event of type %1 held %2 invalid UTF-8 sequences; they are shown as U+FFFD.")
                    .arg(HttpReply::snippet(event.type, 80))
                    .arg(event.repairedUtf8));
    }
    switch (event.kind) {
    case Event::Kind::TaskUpdate:
        ++m_counters.taskEvents;
        taskUpdate(event);
        break;
    case Event::Kind::InstanceUpdate:
        ++m_counters.taskEvents;
        instanceUpdate(event);
        break;
    case Event::Kind::Attached:
        ++m_counters.attached;
        break;
    case Event::Kind::Ignored:
        ++m_counters.ignored;
        break;
    case Event::Kind::Unknown:
        unknownType(event.type);
        break;
    case Event::Kind::Malformed:
        ++m_counters.malformed;
        problem(QCoreApplication::translate("MarathonEvents", "Skipped a malformed event: %1").arg(event.error));
        break;
    }
    if (!event.logText.isEmpty())
        m_log(event.logSeverity, LogEntry::Category::Server, event.logText);
}

void MarathonEvents::sseError(SseParser::Error, qint64 droppedBytes, QByteArrayView head)
{
    ++m_counters.oversized;
    problem(QCoreApplication::translate("MarathonEvents", "Dropped an event of more than %1 bytes (the limit is %2); the stream goes on. It began: %3")
                .arg(droppedBytes - 1)
                .arg(m_config.maxFrameBytes)
                .arg(HttpReply::snippet(head, 80)));
}

void MarathonEvents::taskUpdate(Event &event)
{
    Task &task = event.delta.task;
    if (event.type != "status_update_event") {
        // Other task events (unhealthy kills) only annotate rows that exist.
        if (!m_index.contains(task.id)) {
            ++m_counters.unmatched;
            return;
        }
        m_batch.append(std::move(event.delta));
        return;
    }
    quint8 flags = 0;
    if (!event.statusDeferred && task.status == mar(MarStatus::Running))
        flags = MarathonTaskIndex::Started;
    else if (!event.statusDeferred && task.status == mar(MarStatus::Staging))
        flags = MarathonTaskIndex::Staged;
    const quint8 before = m_index.add(task.id, event.at ? flags : 0);
    // Marathon publishes the first TASK_RUNNING of a task once; later ones (health changes,
    // a return from unreachable) must not move the start.
    if (event.at && (flags & ~before & MarathonTaskIndex::Started)) {
        task.startedAt = event.at;
        event.delta.fields |= TaskField::StartedAt;
    }
    if (event.at && (flags & ~before & MarathonTaskIndex::Staged)) {
        task.scheduledAt = event.at;
        event.delta.fields |= TaskField::ScheduledAt;
    }
    m_recent.push_back(Recent{task.id, task.nativeStatus, task.reason, event.at});
    if (m_recent.size() > recentCapacity)
        m_recent.pop_front();
    m_batch.append(std::move(event.delta));   // the event is done with it
}

void MarathonEvents::instanceUpdate(const Event &event)
{
    const QList<QByteArray> tasks = m_index.tasksOf(event.instanceId);
    if (tasks.isEmpty()) {
        // Scheduled instances have no task yet, and /v2/tasks does not list them either.
        ++m_counters.unmatched;
        return;
    }
    for (const QByteArray &id : tasks) {
        TaskDelta delta;
        Task &task = delta.task;
        task.id = id;
        task.updatedAt = event.at;
        quint32 fields = 0;
        if (event.health) {
            task.health = *event.health;
            fields |= TaskField::Health;
        }
        // A pod instance's condition is its worst container's; each container's own state
        // came with its status update.
        if (event.condition != Status::Unset && MarathonIds::parse(id).appTask) {
            task.status = event.condition;
            // Keep the Mesos state of the status update that came with this event, if it
            // matches (or is the TASK_LOST this event resolves); otherwise say the condition.
            const Recent *last = recent(id, event.at);
            const bool matches = last
                && (last->nativeStatus.view().compare(lostState, Qt::CaseInsensitive) == 0
                    || MarathonStatus::fromMesosState(last->nativeStatus.view(), last->reason.view()) == event.condition);
            task.nativeStatus = matches ? last->nativeStatus : InternedString(event.conditionName);
            task.reason = matches ? last->reason : InternedString();
            fields |= TaskField::Status;
            if (task.stage() == Stage::Finished) {
                task.finishedAt = event.at;
                fields |= TaskField::FinishedAt;
            }
            if (!event.host.isEmpty()) {
                task.host = InternedString(event.host);
                fields |= TaskField::Host;
            }
        }
        if (fields == 0)
            continue;
        delta.fields = fields | TaskField::UpdatedAt;
        m_batch.append(std::move(delta));
    }
}

const MarathonEvents::Recent *MarathonEvents::recent(const QByteArray &taskId, Timestamp at) const
{
    for (auto it = m_recent.crbegin(); it != m_recent.crend(); ++it) {
        if (it->taskId == taskId)
            return (at == 0 || qAbs(at - it->at) <= sameUpdateMs) ? &*it : nullptr;
    }
    return nullptr;
}

void MarathonEvents::unknownType(const QByteArray &type)
{
    ++m_counters.unknown;
    const bool known = m_counters.unknownTypes.contains(type);
    const QByteArray &key = known || m_counters.unknownTypes.size() < maxUnknownTypes ? type : otherTypes;
    ++m_counters.unknownTypes[key];
    if (known || key == otherTypes) {
        ++m_unknownSinceSummary[key];
        return;
    }
    m_log(LogEntry::Severity::Info, LogEntry::Category::Input,
          QCoreApplication::translate("MarathonEvents", "Ignoring events of type \"%1\", which taskmon does not know; further ones are only counted.")
              .arg(HttpReply::snippet(type, 80)));
}

void MarathonEvents::problem(const QString &text)
{
    if (m_problemLines < m_config.problemLinesPerInterval) {
        ++m_problemLines;
        m_log(LogEntry::Severity::Warning, LogEntry::Category::Input, text);
    } else {
        ++m_problemsSuppressed;
    }
}

void MarathonEvents::logSummary(const QString &interval)
{
    if (m_problemsSuppressed > 0) {
        m_log(LogEntry::Severity::Warning, LogEntry::Category::Input,
              QCoreApplication::translate("MarathonEvents", "%1 more malformed or oversized events in the last %2 were skipped without a line each.")
                  .arg(m_problemsSuppressed)
                  .arg(interval));
    }
    m_problemLines = 0;
    m_problemsSuppressed = 0;
    if (m_unknownSinceSummary.isEmpty())
        return;
    quint64 total = 0;
    QStringList parts;
    for (auto it = m_unknownSinceSummary.cbegin(); it != m_unknownSinceSummary.cend(); ++it) {
        total += it.value();
        parts.append(QStringLiteral("%1 ×%2").arg(HttpReply::snippet(it.key(), 80)).arg(it.value()));
    }
    parts.sort();
    m_log(LogEntry::Severity::Info, LogEntry::Category::Input,
          QCoreApplication::translate("MarathonEvents", "Ignored %1 more events of unknown types in the last %2: %3")
              .arg(total)
              .arg(interval, parts.join(QStringLiteral(", "))));
    m_unknownSinceSummary.clear();
}

TaskBatch MarathonEvents::takeBatch()
{
    return std::exchange(m_batch, {});
}

void MarathonEvents::resetIndex(MarathonTaskIndex index)
{
    m_index = std::move(index);
    for (const TaskDelta &delta : std::as_const(m_batch)) {
        if (!(delta.fields & TaskField::Source))
            continue;   // only status updates create rows
        quint8 flags = 0;
        if (delta.fields & TaskField::StartedAt)
            flags |= MarathonTaskIndex::Started;
        if (delta.fields & TaskField::ScheduledAt)
            flags |= MarathonTaskIndex::Staged;
        m_index.add(delta.task.id, flags);
    }
}
