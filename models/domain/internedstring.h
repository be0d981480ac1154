// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QHashFunctions>
#include <QString>
#include <QStringView>

// A 4-byte handle to a string stored once per process. Values that repeat across many
// tasks (app ids, hosts, build variants, native statuses, messages) are interned so that a
// million tasks share a few thousand strings and comparing two of them is an integer
// comparison. The pool only grows and its strings never change, which is what makes
// lock-free reads safe: an id is published under the pool's mutex before anyone can hold it.
class InternedString
{
public:
    constexpr InternedString() = default;
    explicit InternedString(QStringView text) : m_id(intern(text)) {}
    static InternedString fromUtf8(QByteArrayView utf8);
    static constexpr InternedString fromId(quint32 id) { return InternedString(id, 0); }

    constexpr quint32 id() const { return m_id; }
    constexpr bool isEmpty() const { return m_id == 0; }
    // A shallow, reference-counted copy of the pooled string.
    QString toString() const;
    QStringView view() const;
    QByteArrayView utf8() const;

    constexpr bool operator==(const InternedString &) const = default;

    // Number of distinct strings interned so far (including the empty string, id 0).
    static quint32 poolSize();

private:
    constexpr InternedString(quint32 id, int) : m_id(id) {}
    static quint32 intern(QStringView text);

    quint32 m_id = 0;
};

inline size_t qHash(InternedString s, size_t seed = 0) noexcept
{
    return ::qHash(s.id(), seed);
}
