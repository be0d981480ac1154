// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QHashFunctions>

#include <vector>

// Maps a task id to its storage slot in O(1). The ids themselves stay in the tasks; the
// table holds only (hash, slot) pairs, 8 bytes a bucket, which at a million tasks is a
// fraction of what a QHash<QByteArray, int> node costs. Linear probing with backward-shift
// deletion, so there are no tombstones to clean up.
class TaskIdIndex
{
public:
    static constexpr quint32 NotFound = 0xFFFFFFFFu;

    // keyOf(slot) returns the id stored in that slot.
    template<typename KeyOf>
    quint32 find(QByteArrayView id, KeyOf keyOf) const
    {
        if (m_size == 0)
            return NotFound;
        const quint32 hash = hashOf(id);
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Bucket &bucket = m_buckets[i];
            if (bucket.slot == NotFound)
                return NotFound;
            if (bucket.hash == hash && keyOf(bucket.slot) == id)
                return bucket.slot;
        }
    }

    // The id must not be present yet.
    void insert(QByteArrayView id, quint32 slot)
    {
        if ((m_size + 1) * 4 > m_buckets.size() * 3)
            grow();
        place({hashOf(id), slot});
        ++m_size;
    }

    template<typename KeyOf>
    bool erase(QByteArrayView id, KeyOf keyOf)
    {
        if (m_size == 0)
            return false;
        const quint32 hash = hashOf(id);
        size_t i = hash & m_mask;
        for (;; i = (i + 1) & m_mask) {
            const Bucket &bucket = m_buckets[i];
            if (bucket.slot == NotFound)
                return false;
            if (bucket.hash == hash && keyOf(bucket.slot) == id)
                break;
        }
        // Backward shift: pull later members of the probe run into the hole.
        size_t hole = i;
        for (size_t j = (hole + 1) & m_mask; m_buckets[j].slot != NotFound; j = (j + 1) & m_mask) {
            const size_t home = m_buckets[j].hash & m_mask;
            const bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                m_buckets[hole] = m_buckets[j];
                hole = j;
            }
        }
        m_buckets[hole] = Bucket{};
        --m_size;
        return true;
    }

    void clear()
    {
        m_buckets.clear();
        m_size = 0;
        m_mask = 0;
    }

    size_t size() const { return m_size; }
    size_t memoryBytes() const { return m_buckets.capacity() * sizeof(Bucket); }

private:
    struct Bucket
    {
        quint32 hash = 0;
        quint32 slot = NotFound;
    };

    static quint32 hashOf(QByteArrayView id)
    {
        const size_t h = qHash(id, 0x9e3779b9u);
        return quint32(h ^ (h >> 32));
    }

    void place(Bucket entry)
    {
        for (size_t i = entry.hash & m_mask;; i = (i + 1) & m_mask) {
            if (m_buckets[i].slot == NotFound) {
                m_buckets[i] = entry;
                return;
            }
        }
    }

    void grow()
    {
        std::vector<Bucket> old;
        old.swap(m_buckets);
        const size_t capacity = old.empty() ? 64 : old.size() * 2;
        m_buckets.assign(capacity, Bucket{});
        m_mask = capacity - 1;
        for (const Bucket &bucket : old) {
            if (bucket.slot != NotFound)
                place(bucket);
        }
    }

    std::vector<Bucket> m_buckets;
    size_t m_size = 0;
    size_t m_mask = 0;
};
