// SPDX-License-Identifier: GPL-3.0-or-later
#include "internedstring.h"

#include <QMutex>

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
    QString text;
    QByteArray utf8;
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
            return it->second;
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
            return it->second;
        const QString text = QString::fromUtf8(utf8);
        const auto same = m_byUtf16.find(QStringView(text));
        if (same != m_byUtf16.end()) {
            // Invalid UTF-8 decodes to U+FFFD; two different byte strings can land here.
            return same->second;
        }
        return appendLocked(text, utf8.toByteArray());
    }

    const Entry &at(quint32 id) const
    {
        const Entry *chunk = m_chunks[id >> ChunkBits].load(std::memory_order_acquire);
        return chunk[id & (ChunkSize - 1)];
    }

    quint32 size() const { return m_size.load(std::memory_order_acquire); }

private:
    quint32 appendLocked(const QString &text, const QByteArray &utf8)
    {
        const quint32 id = m_size.load(std::memory_order_relaxed);
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
        if (id != 0) {
            m_byUtf16.emplace(QStringView(entry.text), id);
            m_byUtf8.emplace(std::string_view(entry.utf8.constData(), size_t(entry.utf8.size())),
                             id);
        }
        m_size.store(id + 1, std::memory_order_release);
        return id;
    }

    QMutex m_mutex;
    std::unordered_map<QStringView, quint32, Utf16Hash> m_byUtf16;
    std::unordered_map<std::string_view, quint32> m_byUtf8;
    std::array<std::atomic<Entry *>, MaxChunks> m_chunks{};
    std::atomic<quint32> m_size{0};
};

StringPool &pool()
{
    static StringPool instance;
    return instance;
}
} // namespace

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
    return pool().size();
}
