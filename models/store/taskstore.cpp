// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskstore.h"

#include "domain/isotime.h"
#include "rowruns.h"
#include "system/systemregistry.h"

#include <QMetaMethod>

#include <algorithm>

// Collects what one public call did, so that each call ends with one round of signals:
// removals first (they bracket the erase), then the appended range, transitions, changed().
class TaskStore::BatchScope
{
public:
    explicit BatchScope(TaskStore *store)
        : store(store)
        , firstNewRow(store->size())
        , transitionsWanted(store->wantsTransitions())
    {
    }

    void finish()
    {
        store->eraseDoomed(*this);
        if (newRows > 0)
            emit store->rowsAppended(store->size() - newRows, store->size() - 1);
        if (!transitions.isEmpty())
            emit store->transitionsRecorded(transitions);
        if (somethingChanged)
            emit store->changed();
        store->compactHistoryIfNeeded();
    }

    TaskStore *store;
    int firstNewRow;
    int newRows = 0;
    bool transitionsWanted;
    bool somethingChanged = false;
    std::vector<int> doomedRows;
    QList<StatusTransition> transitions;
};

namespace {
quint64 replacementKey(quint8 connection, InternedString group)
{
    return (quint64(connection) << 32) | group.id();
}
} // namespace

TaskStore::TaskStore(QObject *parent)
    : QObject(parent)
    , m_clock(&IsoTime::now)
{
    m_monotonic.start();
}

TaskStore::~TaskStore() = default;

quint32 TaskStore::findSlot(QByteArrayView id) const
{
    return m_index.find(id, [this](quint32 slot) { return QByteArrayView(m_slots[slot].task.id); });
}

int TaskStore::rowOf(QByteArrayView id) const
{
    const quint32 slot = findSlot(id);
    return slot == TaskIdIndex::NotFound ? -1 : int(m_slots[slot].row);
}

const Task *TaskStore::find(QByteArrayView id) const
{
    const quint32 slot = findSlot(id);
    return slot == TaskIdIndex::NotFound ? nullptr : &m_slots[slot].task;
}

Timestamp TaskStore::statusSince(int row) const
{
    const Slot &slot = m_slots[m_rows[size_t(row)]];
    if (const TaskHistory::Entry *entry = m_history.newest(slot.historyHead))
        return entry->at;
    return slot.task.firstSeenAt;
}

QList<TaskHistory::Entry> TaskStore::history(int row) const
{
    return m_history.entries(m_slots[m_rows[size_t(row)]].historyHead);
}

bool TaskStore::wantsTransitions() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&TaskStore::transitionsRecorded);
    return isSignalConnected(signal);
}

void TaskStore::apply(const TaskBatch &batch)
{
    BatchScope scope(this);
    for (const TaskDelta &delta : batch) {
        if (delta.kind == TaskDelta::Kind::Remove) {
            const quint32 slot = findSlot(delta.task.id);
            if (slot != TaskIdIndex::NotFound)
                doom(slot, scope);
        } else if (!delta.task.id.isEmpty()) {
            const quint32 slot = upsertOne(delta, findSlot(delta.task.id), scope);
            if (m_snapshot.active)
                m_slots[slot].liveDuringSnapshot = true;
        }
    }
    scope.finish();
}

void TaskStore::upsert(const Task &task, quint32 fields)
{
    apply(TaskBatch{TaskDelta::upsert(task, fields)});
}

bool TaskStore::remove(QByteArrayView id)
{
    const quint32 slot = findSlot(id);
    if (slot == TaskIdIndex::NotFound)
        return false;
    BatchScope scope(this);
    doom(slot, scope);
    scope.finish();
    return true;
}

quint32 TaskStore::upsertOne(const TaskDelta &delta, quint32 slotIndex, BatchScope &scope)
{
    if (slotIndex == TaskIdIndex::NotFound)
        return insertNew(delta, scope);
    Slot &slot = m_slots[slotIndex];
    if (m_snapshot.active)
        slot.seen = true;
    if (mergeInto(slotIndex, delta, scope)) {
        slot.changedAt = changeStamp();
        markDirty(slotIndex);
        scope.somethingChanged = true;
        if (m_snapshot.active)
            ++m_snapshot.stats.updated;
    } else if (m_snapshot.active) {
        ++m_snapshot.stats.unchanged;
    }
    return slotIndex;
}

quint32 TaskStore::insertNew(const TaskDelta &delta, BatchScope &scope)
{
    quint32 slotIndex;
    if (!m_freeSlots.empty()) {
        slotIndex = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slotIndex = quint32(m_slots.size());
        m_slots.emplaceBack();
    }
    Slot &slot = m_slots[slotIndex];
    slot.task = delta.task;
    Task &task = slot.task;
    task.id.squeeze();  // a parser's spare capacity would be kept for the task's lifetime
    if (delta.fields & TaskField::Flags)
        task.flags &= delta.flagMask;
    else
        task.flags = 0;
    const Timestamp now = m_clock();
    if (task.firstSeenAt == 0)
        task.firstSeenAt = now;
    if (task.updatedAt == 0)
        task.updatedAt = now;
    slot.row = quint32(m_rows.size());
    slot.historyHead = TaskHistory::None;
    // A listing's tasks are not news; tasks that appear live are.
    slot.changedAt = m_snapshot.active ? 0 : changeStamp();
    ++slot.generation;
    slot.live = true;
    slot.dirty = false;
    slot.doomed = false;
    slot.seen = m_snapshot.active;
    m_rows.push_back(slotIndex);
    m_index.insert(task.id, slotIndex);
    m_counts.add(task);
    ++scope.newRows;
    scope.somethingChanged = true;
    if (m_snapshot.active)
        ++m_snapshot.stats.inserted;
    if (scope.transitionsWanted)
        scope.transitions.append({task.id, Status::Unset, task.status, task.updatedAt});
    if (task.stage() == Stage::Finished)
        noteFinished(slotIndex);
    else if (SystemRegistry::retention(task.system()).linksReplacements)
        linkReplacement(slotIndex);
    return slotIndex;
}

bool TaskStore::mergeInto(quint32 slotIndex, const TaskDelta &delta, BatchScope &scope)
{
    Task &current = m_slots[slotIndex].task;
    const Task &incoming = delta.task;
    const quint32 fields = delta.fields;
    bool changed = false;
    auto set = [&changed](auto &field, const auto &value) {
        if (!(field == value)) {
            field = value;
            changed = true;
        }
    };

    const bool countsAffected = ((fields & TaskField::Status) && incoming.status != current.status)
        || ((fields & TaskField::Source) && incoming.source != current.source)
        || ((fields & TaskField::Group) && incoming.group != current.group);
    if (countsAffected)
        m_counts.remove(current);
    const Status previousStatus = current.status;

    if (fields & TaskField::Name)
        set(current.name, incoming.name);
    if (fields & TaskField::Group)
        set(current.group, incoming.group);
    if (fields & TaskField::Host)
        set(current.host, incoming.host);
    if (fields & TaskField::Message)
        set(current.message, incoming.message);
    if (fields & TaskField::Status) {
        set(current.status, incoming.status);
        set(current.nativeStatus, incoming.nativeStatus);
        set(current.reason, incoming.reason);
        set(current.commandType, incoming.commandType);
        set(current.timeoutType, incoming.timeoutType);
    }
    if (fields & TaskField::Priority)
        set(current.priority, incoming.priority);
    if (fields & TaskField::CreatedAt)
        set(current.createdAt, incoming.createdAt);
    if (fields & TaskField::ScheduledAt)
        set(current.scheduledAt, incoming.scheduledAt);
    if (fields & TaskField::StartedAt)
        set(current.startedAt, incoming.startedAt);
    if (fields & TaskField::FinishedAt)
        set(current.finishedAt, incoming.finishedAt);
    if (fields & TaskField::Health)
        set(current.health, incoming.health);
    if (fields & TaskField::Version)
        set(current.version, incoming.version);
    if (fields & TaskField::Scope)
        set(current.scope, incoming.scope);
    if (fields & TaskField::Execution)
        set(current.execution, incoming.execution);
    if (fields & TaskField::Source)
        set(current.source, incoming.source);
    if (fields & TaskField::Flags) {
        const auto merged = quint16((current.flags & ~delta.flagMask) | (incoming.flags & delta.flagMask));
        set(current.flags, merged);
    }
    if ((fields & TaskField::Details) && !current.sameDetailsAs(incoming)) {
        current.details = incoming.details;
        changed = true;
    }

    if (countsAffected)
        m_counts.add(current);
    if (!changed)
        return false;

    // A repeated report with a newer timestamp is not news; only a real change moves
    // updatedAt (and flashes the row).
    current.updatedAt = (fields & TaskField::UpdatedAt) && incoming.updatedAt ? incoming.updatedAt
                                                                              : m_clock();
    if (current.status != previousStatus)
        recordTransition(slotIndex, previousStatus, current.updatedAt, scope);
    return true;
}

void TaskStore::recordTransition(quint32 slotIndex, Status from, Timestamp at, BatchScope &scope)
{
    Slot &slot = m_slots[slotIndex];
    const Task &task = slot.task;
    slot.historyHead = m_history.append(slot.historyHead, from, task.status, at);
    if (slot.historyLength < TaskHistory::MaxPerTask)
        ++slot.historyLength;
    else
        ++m_historyGarbage;  // the oldest entry fell off the end of this task's history
    if (scope.transitionsWanted)
        scope.transitions.append({task.id, from, task.status, at});
    const bool wasFinished = StatusTaxonomy::stage(from) == Stage::Finished;
    if (task.stage() == Stage::Finished && !wasFinished) {
        noteFinished(slotIndex);
    } else if (wasFinished && task.stage() != Stage::Finished) {
        // Restarted: what was queued for its earlier finish no longer applies.
        ++slot.generation;
    }
}

void TaskStore::markDirty(quint32 slotIndex)
{
    Slot &slot = m_slots[slotIndex];
    if (!slot.dirty) {
        slot.dirty = true;
        m_dirtySlots.push_back(slotIndex);
    }
}

std::vector<int> TaskStore::takeChangedRows()
{
    std::vector<int> rows;
    rows.reserve(m_dirtySlots.size());
    for (quint32 slotIndex : m_dirtySlots) {
        Slot &slot = m_slots[slotIndex];
        if (slot.live && slot.dirty) {
            rows.push_back(int(slot.row));
            slot.dirty = false;
        }
    }
    m_dirtySlots.clear();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TaskStore::doom(quint32 slotIndex, BatchScope &scope)
{
    Slot &slot = m_slots[slotIndex];
    if (slot.doomed || !slot.live)
        return;
    slot.doomed = true;
    slot.dirty = false;
    m_index.erase(slot.task.id,
                  [this](quint32 other) { return QByteArrayView(m_slots[other].task.id); });
    m_counts.remove(slot.task);
    if (int(slot.row) >= scope.firstNewRow)
        --scope.newRows;
    scope.doomedRows.push_back(int(slot.row));
    scope.somethingChanged = true;
    const QByteArray &id = slot.task.id;
    if (const auto it = m_replacedBy.constFind(id); it != m_replacedBy.cend()) {
        m_replaces.remove(it.value());
        m_replacedBy.erase(it);
    }
    if (const auto it = m_replaces.constFind(id); it != m_replaces.cend()) {
        m_replacedBy.remove(it.value());
        m_replaces.erase(it);
    }
}

void TaskStore::eraseDoomed(BatchScope &scope)
{
    std::vector<int> &rows = scope.doomedRows;
    if (rows.empty())
        return;
    std::sort(rows.begin(), rows.end());
    const std::vector<std::pair<int, int>> runs = contiguousRuns(rows);
    // Highest range first, so the rows of the ranges still to come do not move. Slot row
    // numbers are fixed once at the end, so rowOf() is not to be trusted from inside these
    // signals (views may react to them; they go through the models' rows, not rowOf()).
    int lowestErased = size();
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        const int first = run->first;
        const int last = first + run->second - 1;
        emit rowsAboutToBeRemoved(first, last);
        for (int row = first; row <= last; ++row) {
            const quint32 slotIndex = m_rows[size_t(row)];
            Slot &slot = m_slots[slotIndex];
            m_historyGarbage += slot.historyLength;
            slot.historyLength = 0;
            slot.task = Task();
            slot.live = false;
            slot.doomed = false;
            slot.liveDuringSnapshot = false;
            slot.historyHead = TaskHistory::None;
            m_freeSlots.push_back(slotIndex);
        }
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        lowestErased = first;
        emit rowsRemoved(first, last);
    }
    for (size_t r = size_t(lowestErased); r < m_rows.size(); ++r)
        m_slots[m_rows[r]].row = quint32(r);
    rows.clear();
}

void TaskStore::beginSnapshot(const SnapshotScope &scope)
{
    m_snapshot = SnapshotState{true, scope, {}};
    for (quint32 slotIndex : m_rows) {
        m_slots[slotIndex].seen = false;
        m_slots[slotIndex].liveDuringSnapshot = false;
    }
}

void TaskStore::addSnapshotTasks(const QList<Task> &tasks)
{
    addSnapshotTasks(std::span<const Task>(tasks.constData(), size_t(tasks.size())));
}

void TaskStore::addSnapshotTasks(std::span<const Task> tasks)
{
    Q_ASSERT(m_snapshot.active);
    BatchScope scope(this);
    TaskDelta delta;
    delta.fields = m_snapshot.scope.fields;
    delta.flagMask = m_snapshot.scope.flagMask;
    for (const Task &task : tasks) {
        if (task.id.isEmpty())
            continue;
        // A live update applied since the listing began merging is newer than the listing.
        const quint32 slot = findSlot(task.id);
        if (slot != TaskIdIndex::NotFound && m_slots[slot].liveDuringSnapshot) {
            m_slots[slot].seen = true;
            ++m_snapshot.stats.unchanged;
            continue;
        }
        delta.task = task;
        upsertOne(delta, slot, scope);
    }
    scope.finish();
}

TaskStore::MergeStats TaskStore::endSnapshot()
{
    Q_ASSERT(m_snapshot.active);
    const SnapshotScope &snapshot = m_snapshot.scope;
    BatchScope scope(this);
    for (quint32 slotIndex : m_rows) {
        Slot &slot = m_slots[slotIndex];
        const Task &task = slot.task;
        if (slot.seen || slot.doomed || task.connection != snapshot.connection)
            continue;
        if (!snapshot.wholeConnection && task.scope != snapshot.scope)
            continue;
        if (snapshot.keepFinished && task.stage() == Stage::Finished)
            continue;
        doom(slotIndex, scope);
        ++m_snapshot.stats.removed;
    }
    const MergeStats stats = m_snapshot.stats;
    m_snapshot = SnapshotState{};
    scope.finish();
    return stats;
}

TaskStore::MergeStats TaskStore::mergeSnapshot(const SnapshotScope &scope, const QList<Task> &tasks)
{
    beginSnapshot(scope);
    addSnapshotTasks(tasks);
    return endSnapshot();
}

void TaskStore::setRetention(quint8 connection, qint64 milliseconds)
{
    m_retention.insert(connection, milliseconds);
}

bool TaskStore::slotMatches(const SlotRef &ref) const
{
    if (ref.slot >= m_slots.size())
        return false;
    const Slot &slot = m_slots[ref.slot];
    return slot.live && !slot.doomed && slot.generation == ref.generation;
}

void TaskStore::noteFinished(quint32 slotIndex)
{
    const Slot &slot = m_slots[slotIndex];
    // Some systems expunge finished tasks and launch replacements (Marathon); others keep
    // listing their finished tasks, so they neither expire nor get replaced (Evergreen).
    const RetentionPolicy policy = SystemRegistry::retention(slot.task.system());
    const SlotRef ref{slotIndex, slot.generation, m_clock()};
    if (policy.keepsFinished && m_retention.value(slot.task.connection) > 0)
        m_retained[slot.task.connection].push_back(ref);
    if (policy.linksReplacements) {
        std::deque<SlotRef> &waiting = m_awaitingReplacement[replacementKey(slot.task.connection, slot.task.group)];
        waiting.push_back(ref);
        // An app that is never relaunched must not collect these forever.
        if (waiting.size() > 256)
            waiting.pop_front();
    }
}

void TaskStore::linkReplacement(quint32 slotIndex)
{
    const Task &task = m_slots[slotIndex].task;
    const auto it = m_awaitingReplacement.find(replacementKey(task.connection, task.group));
    if (it == m_awaitingReplacement.end())
        return;
    std::deque<SlotRef> &waiting = it.value();
    while (!waiting.empty()) {
        const SlotRef ref = waiting.front();
        waiting.pop_front();
        if (!slotMatches(ref) || m_slots[ref.slot].task.stage() != Stage::Finished)
            continue;
        const QByteArray &oldId = m_slots[ref.slot].task.id;
        if (m_replacedBy.contains(oldId))
            continue;
        m_replacedBy.insert(oldId, task.id);
        m_replaces.insert(task.id, oldId);
        m_slots[ref.slot].changedAt = changeStamp();
        markDirty(ref.slot);
        break;
    }
    if (waiting.empty())
        m_awaitingReplacement.erase(it);
}

int TaskStore::expireRetained()
{
    const Timestamp now = m_clock();
    BatchScope scope(this);
    int expired = 0;
    for (auto it = m_retained.begin(); it != m_retained.end(); ++it) {
        const qint64 retention = m_retention.value(it.key());
        std::deque<SlotRef> &queue = it.value();
        while (!queue.empty() && queue.front().at + retention <= now) {
            const SlotRef ref = queue.front();
            queue.pop_front();
            if (slotMatches(ref) && m_slots[ref.slot].task.stage() == Stage::Finished) {
                doom(ref.slot, scope);
                ++expired;
            }
        }
    }
    // Finished tasks nobody replaced within the window will not be linked any more.
    for (auto it = m_awaitingReplacement.begin(); it != m_awaitingReplacement.end();) {
        const qint64 retention = m_retention.value(quint8(it.key() >> 32));
        std::deque<SlotRef> &queue = it.value();
        while (retention > 0 && !queue.empty() && queue.front().at + retention <= now)
            queue.pop_front();
        it = queue.empty() ? m_awaitingReplacement.erase(it) : std::next(it);
    }
    scope.finish();
    return expired;
}

void TaskStore::compactHistoryIfNeeded()
{
    // Only when at least half the log is garbage, so the work is paid for by as many
    // appends as it touches entries.
    if (m_historyGarbage < 65536 || m_historyGarbage * 2 < m_history.entryCount())
        return;
    m_history.compact([this](auto visit) {
        for (quint32 slotIndex : m_rows)
            visit(m_slots[slotIndex].historyHead);
    });
    m_historyGarbage = 0;
}

size_t TaskStore::memoryBytes() const
{
    size_t ids = 0;
    for (quint32 slotIndex : m_rows)
        ids += size_t(m_slots[slotIndex].task.id.capacity()) + 24;
    return m_slots.capacityBytes() + m_rows.capacity() * sizeof(quint32)
        + m_freeSlots.capacity() * sizeof(quint32) + m_index.memoryBytes()
        + m_history.memoryBytes() + ids;
}
