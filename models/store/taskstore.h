// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunkedvector.h"
#include "statuscounts.h"
#include "taskdelta.h"
#include "taskhistory.h"
#include "taskidindex.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <deque>
#include <functional>
#include <span>
#include <vector>

// Holds every task the session knows, in arrival order, on the GUI thread.
//
// Tasks live in stable slots; rows are a separate vector of slot numbers, so removing a row
// moves 4-byte entries, not tasks. Lookups go through an id→slot index, so one event costs
// O(1): find, compare the masked fields, update in place, adjust the counts.
//
// The store does not announce changed rows itself: it marks them dirty and the table model
// takes them on its own timer (takeChangedRows), which is what keeps 10,000 events a second
// from becoming 10,000 dataChanged signals. Structural changes are signalled right away:
// removals bracket the actual erase, appends are reported after the fact (rows only ever
// append, so a model may announce them later without confusing anyone).
class TaskStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskStore)

public:
    // Which tasks a snapshot speaks for: everything of one connection, or one scope of it
    // (an Evergreen build).
    struct SnapshotScope
    {
        quint8 connection = 0;
        InternedString scope;
        bool wholeConnection = true;
        // Finished tasks the server no longer lists stay as history (Marathon expunges
        // them); the retention window removes them later.
        bool keepFinished = false;
        quint32 fields = TaskField::All;   // what the snapshot knows about each task
        quint16 flagMask = 0xFFFF;
    };

    struct MergeStats
    {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
    };

    explicit TaskStore(QObject *parent = nullptr);
    ~TaskStore() override;

    int size() const { return int(m_rows.size()); }
    const Task &at(int row) const { return m_slots[m_rows[size_t(row)]].task; }
    int rowOf(QByteArrayView id) const;
    const Task *find(QByteArrayView id) const;

    // Milliseconds of the store's monotonic clock when the row last changed (for flashing);
    // 0 for a task that has not changed since a snapshot listed it.
    quint32 changedAt(int row) const { return m_slots[m_rows[size_t(row)]].changedAt; }
    quint32 clock() const { return quint32(m_monotonic.elapsed()); }
    // When the task entered its current status (first seen, if it never changed).
    Timestamp statusSince(int row) const;
    QList<TaskHistory::Entry> history(int row) const;
    // Marathon: the task that replaced this one, and the one this one replaced.
    QByteArray replacedBy(QByteArrayView id) const { return m_replacedBy.value(id.toByteArray()); }
    QByteArray replaces(QByteArrayView id) const { return m_replaces.value(id.toByteArray()); }

    const StatusCounts &counts() const { return m_counts; }

    void apply(const TaskBatch &batch);
    void upsert(const Task &task, quint32 fields = TaskField::All);
    bool remove(QByteArrayView id);

    // Diff-merge of a full listing: insert new tasks, update changed ones, remove the ones the
    // server no longer lists. Large snapshots may arrive in chunks between begin and end;
    // live updates applied meanwhile count as seen, and the rest of the listing, which is
    // older than they are, does not overwrite them.
    void beginSnapshot(const SnapshotScope &scope);
    void addSnapshotTasks(const QList<Task> &tasks);
    void addSnapshotTasks(std::span<const Task> tasks);   // a chunk, without copying it out
    MergeStats endSnapshot();
    MergeStats mergeSnapshot(const SnapshotScope &scope, const QList<Task> &tasks);
    bool snapshotInProgress() const { return m_snapshot.active; }

    // Finished tasks of a connection whose system does not keep them (RetentionPolicy:
    // Marathon expunges them) are removed this long after they finished; taskmon keeps them
    // as history for a while. 0 keeps them until a snapshot no longer lists them.
    void setRetention(quint8 connection, qint64 milliseconds);
    int expireRetained();

    void setClock(std::function<Timestamp()> clock) { m_clock = std::move(clock); }
    Timestamp now() const { return m_clock(); }

    // Rows changed since the last call, ascending; the table model's flush takes them.
    std::vector<int> takeChangedRows();

    // Bytes held by the slots, rows, id index, history and ids: what grows with the number
    // of tasks. Interned strings, counts and the retention queues are not counted.
    size_t memoryBytes() const;

signals:
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved(int first, int last);
    void rowsAppended(int first, int last);
    // Once per apply, merge or removal that changed anything.
    void changed();
    // Emitted only when something is connected, so the GUI does not pay for the CLI's watch.
    void transitionsRecorded(const QList<StatusTransition> &transitions);

private:
    struct Slot
    {
        Task task;
        quint32 row = 0;
        quint32 historyHead = TaskHistory::None;
        quint32 changedAt = 0;
        // Bumped when the slot is reused; 16 bits and bit fields keep a slot at 144 bytes,
        // which a million tasks notice (a wrapped generation only shortens one retention).
        quint16 generation = 0;
        quint8 historyLength = 0;   // entries reachable from historyHead, at most MaxPerTask
        bool live : 1 = false;
        bool dirty : 1 = false;
        bool seen : 1 = false;      // during a snapshot
        bool liveDuringSnapshot : 1 = false;  // a live update came while a snapshot merged
        bool doomed : 1 = false;    // tombstoned, awaiting the batched erase
    };
    static_assert(sizeof(Slot) <= sizeof(Task) + 16, "a slot adds 16 bytes to its task, no more");

    struct SlotRef
    {
        quint32 slot;
        quint32 generation;
        Timestamp at;
    };

    class BatchScope;

    quint32 findSlot(QByteArrayView id) const;
    quint32 changeStamp() const { return std::max<quint32>(1, clock()); }
    // Both return the task's slot; slotIndex is findSlot(delta.task.id), looked up once.
    quint32 upsertOne(const TaskDelta &delta, quint32 slotIndex, BatchScope &scope);
    quint32 insertNew(const TaskDelta &delta, BatchScope &scope);
    bool mergeInto(quint32 slotIndex, const TaskDelta &delta, BatchScope &scope);
    void recordTransition(quint32 slotIndex, Status from, Timestamp at, BatchScope &scope);
    void doom(quint32 slotIndex, BatchScope &scope);
    void eraseDoomed(BatchScope &scope);
    void markDirty(quint32 slotIndex);
    void noteFinished(quint32 slotIndex);
    void linkReplacement(quint32 slotIndex);
    bool slotMatches(const SlotRef &ref) const;
    void compactHistoryIfNeeded();
    bool wantsTransitions() const;

    ChunkedVector<Slot> m_slots;
    std::vector<quint32> m_freeSlots;
    std::vector<quint32> m_rows;
    std::vector<quint32> m_dirtySlots;
    TaskIdIndex m_index;
    TaskHistory m_history;
    size_t m_historyGarbage = 0;  // log entries no task reaches any more
    StatusCounts m_counts;
    QElapsedTimer m_monotonic;
    std::function<Timestamp()> m_clock;

    struct SnapshotState
    {
        bool active = false;
        SnapshotScope scope;
        MergeStats stats;
    } m_snapshot;

    QHash<quint8, qint64> m_retention;
    QHash<quint8, std::deque<SlotRef>> m_retained;
    QHash<quint64, std::deque<SlotRef>> m_awaitingReplacement; // (connection, group) → finished
    QHash<QByteArray, QByteArray> m_replacedBy;
    QHash<QByteArray, QByteArray> m_replaces;
};

Q_DECLARE_METATYPE(TaskStore::MergeStats)
