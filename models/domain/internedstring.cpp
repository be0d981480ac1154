// SPDX-License-Identifier: GPL-3.0-or-later
#include "internedstring.h"
#include "internpool.h"

#include <QMutex>

#include <algorithm>
#include <array>
#include <atomic>
#include <string_view>
#include <unordered_map>

namespace {
// Strings live in fixed-size chunks that never move, so a reader can index them without
// the mutex while a writer appends, and the lookup tables can key on views into them.
constexpr quint32 ChunkBits = 12;
constexpr quint32 ChunkSize = 1u << ChunkBits;
constexpr quint32 MaxChunks = 1u << 14; // 67 million distinct strings

struct Entry
{
    QString text;        // empty: a free slot (interned strings are never empty)
    QByteArray utf8;
    quint32 born = 0;    // the compaction count when last interned
};

struct Utf16Hash
{
    size_t operator()(QStringView s) const noexcept { return qHash(s); }
};

class StringPool
{
public:
    StringPool()
    {
        // id 0 is the empty string, so a zero-initialised handle is valid.
        appendLocked(QString(), QByteArray());
    }

    ~StringPool()
    {
        for (auto &chunk : m_chunks)
            delete[] chunk.load(std::memory_order_relaxed);
    }

    quint32 intern(QStringView text)
    {
        if (text.isEmpty())
            return 0;
        QMutexLocker lock(&m_mutex);
        const auto it = m_byUtf16.find(text);
        if (it != m_byUtf16.end())
            return touched(it->second);
        const QString owned = text.toString();
        return appendLocked(owned, owned.toUtf8());
    }

    // Parsers hand over UTF-8 straight from the wire: a hit costs no allocation.
    quint32 internUtf8(QByteArrayView utf8)
    {
        if (utf8.isEmpty())
            return 0;
        QMutexLocker lock(&m_mutex);
        const auto it = m_byUtf8.find(std::string_view(utf8.data(), size_t(utf8.size())));
        if (it != m_byUtf8.end())
            return touched(it->second);
        const QString text = QString::fromUtf8(utf8);
        const auto same = m_byUtf16.find(QStringView(text));
        if (same != m_byUtf16.end()) {
            // Invalid UTF-8 decodes to U+FFFD; two different byte strings can land here.
            return touched(same->second);
        }
        return appendLocked(text, utf8.toByteArray());
    }

    const Entry &at(quint32 id) const
    {
        const Entry *chunk = m_chunks[id >> ChunkBits].load(std::memory_order_acquire);
        return chunk[id & (ChunkSize - 1)];
    }

    quint32 live() const { return m_live.load(std::memory_order_acquire); }
    quint32 generation() const { return m_generation.load(std::memory_order_acquire); }

    InternPool::Compaction compact(const std::function<void(InternPool::Marks &)> &mark);

private:
    // A string interned again is as young as a new one: whoever interned it may be about
    // to hand it to a store.
    quint32 touched(quint32 id)
    {
        entryAt(id).born = m_compactions;
        return id;
    }
    Entry &entryAt(quint32 id)
    {
        return m_chunks[id >> ChunkBits].load(std::memory_order_relaxed)[id & (ChunkSize - 1)];
    }

    quint32 appendLocked(const QString &text, const QByteArray &utf8)
    {
        // Freed ids are reused lowest first, so that the high chunks empty out and go.
        quint32 id = m_size.load(std::memory_order_relaxed);
        const bool reused = !m_free.empty();
        if (reused) {
            id = m_free.back();
            m_free.pop_back();
        }
        const quint32 chunkIndex = id >> ChunkBits;
        Q_ASSERT(chunkIndex < MaxChunks);
        Entry *chunk = m_chunks[chunkIndex].load(std::memory_order_relaxed);
        if (!chunk) {
            chunk = new Entry[ChunkSize];
            m_chunks[chunkIndex].store(chunk, std::memory_order_release);
        }
        Entry &entry = chunk[id & (ChunkSize - 1)];
        entry.text = text;
        entry.utf8 = utf8;
        entry.born = m_compactions;
        m_live.store(m_live.load(std::memory_order_relaxed) + 1, std::memory_order_release);
        if (id != 0) {
            m_byUtf16.emplace(QStringView(entry.text), id);
            m_byUtf8.emplace(std::string_view(entry.utf8.constData(), size_t(entry.utf8.size())),
                             id);
        }
        if (!reused)
            m_size.store(id + 1, std::memory_order_release);
        return id;
    }

    QMutex m_mutex;
    std::unordered_map<QStringView, quint32, Utf16Hash> m_byUtf16;
    std::unordered_map<std::string_view, quint32> m_byUtf8;
    std::array<std::atomic<Entry *>, MaxChunks> m_chunks{};
    std::atomic<quint32> m_size{0};   // ids handed out so far, free ones included
    std::atomic<quint32> m_live{0};
    std::atomic<quint32> m_generation{0};
    quint32 m_compactions = 0;
    std::vector<quint32> m_free;      // sorted from the highest id to the lowest
};

StringPool &pool()
{
    static StringPool instance;
    return instance;
}
} // namespace

namespace InternPool {
struct Access
{
    static std::vector<bool> &kept(Marks &marks) { return marks.m_kept; }
};
} // namespace InternPool

InternPool::Compaction StringPool::compact(const std::function<void(InternPool::Marks &)> &mark)
{
    QMutexLocker lock(&m_mutex);
    const quint32 size = m_size.load(std::memory_order_relaxed);
    InternPool::Marks marks;
    std::vector<bool> &kept = InternPool::Access::kept(marks);
    kept.assign(size, false);
    kept[0] = true;
    mark(marks);

    InternPool::Compaction result;
    for (quint32 chunkIndex = 0; chunkIndex <= (size - 1) >> ChunkBits; ++chunkIndex) {
        Entry *chunk = m_chunks[chunkIndex].load(std::memory_order_relaxed);
        if (!chunk)
            continue;
        bool chunkInUse = chunkIndex == 0;   // chunk 0 holds the empty string for good
        for (quint32 slot = 0; slot < ChunkSize; ++slot) {
            const quint32 id = (chunkIndex << ChunkBits) | slot;
            if (id >= size)
                break;
            Entry &entry = chunk[slot];
            if (id == 0 || entry.text.isEmpty())
                continue;
            if (kept[id] || entry.born >= m_compactions) {
                chunkInUse = true;
                continue;
            }
            m_byUtf16.erase(QStringView(entry.text));
            m_byUtf8.erase(std::string_view(entry.utf8.constData(), size_t(entry.utf8.size())));
            entry = Entry();
            ++result.freed;
        }
        if (!chunkInUse) {
            // Nobody holds an id of this chunk (that is the caller's promise), so nobody
            // reads it; a reused id of it allocates it again.
            m_chunks[chunkIndex].store(nullptr, std::memory_order_release);
            delete[] chunk;
        }
    }
    ++m_compactions;
    m_free.clear();
    for (quint32 id = size; id-- > 1;) {
        const Entry *chunk = m_chunks[id >> ChunkBits].load(std::memory_order_relaxed);
        if (!chunk || chunk[id & (ChunkSize - 1)].text.isEmpty())
            m_free.push_back(id);
    }
    m_free.shrink_to_fit();
    if (result.freed > 0) {
        m_byUtf16.rehash(0);
        m_byUtf8.rehash(0);
        m_live.store(m_live.load(std::memory_order_relaxed) - result.freed, std::memory_order_release);
        m_generation.fetch_add(1, std::memory_order_acq_rel);
    }
    result.live = m_live.load(std::memory_order_relaxed);
    return result;
}

InternPool::Compaction InternPool::compact(const std::function<void(Marks &)> &markLiveStrings)
{
    return pool().compact(markLiveStrings);
}

quint32 InternPool::liveCount()
{
    return pool().live();
}

quint32 InternPool::generation()
{
    return pool().generation();
}

quint32 InternedString::intern(QStringView text)
{
    return pool().intern(text);
}

InternedString InternedString::fromUtf8(QByteArrayView utf8)
{
    return fromId(pool().internUtf8(utf8));
}

QString InternedString::toString() const
{
    return pool().at(m_id).text;
}

QStringView InternedString::view() const
{
    return pool().at(m_id).text;
}

QByteArrayView InternedString::utf8() const
{
    return pool().at(m_id).utf8;
}

quint32 InternedString::poolSize()
{
    return pool().live();
}
