// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/taskidindex.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTest>

#include <random>
#include <vector>

// TaskIdIndex (taskidindex.h): id -> slot, open addressing with backward-shift deletion,
// checked against a QHash reference under random inserts, finds and erases with growth.
namespace {
// The storage the index points into: slot -> id, with a free list, as the task store keeps it.
class SlotStore
{
public:
    quint32 add(const QByteArray &id)
    {
        if (!m_free.isEmpty()) {
            const quint32 slot = m_free.takeLast();
            m_ids[slot] = id;
            return slot;
        }
        m_ids.append(id);
        return quint32(m_ids.size() - 1);
    }
    void remove(quint32 slot)
    {
        m_ids[slot] = QByteArray("\x01<freed>");
        m_free.append(slot);
    }
    auto keyOf() const
    {
        return [this](quint32 slot) { return QByteArrayView(m_ids.at(slot)); };
    }

private:
    QList<QByteArray> m_ids;
    QList<quint32> m_free;
};

QByteArray numbered(const char *prefix, int n)
{
    QByteArray id(prefix);
    id.append(QByteArray::number(n));
    return id;
}

// The index's bucket hash, reproduced only to *generate* hostile ids (ids whose home buckets
// crowd together, or whose 32-bit hashes are equal). The expectations never use it.
quint32 bucketHash(QByteArrayView id)
{
    const size_t h = qHash(id, 0x9e3779b9u);
    return quint32(h ^ (h >> 32));
}
} // namespace

class TestTaskIdIndex final : public QObject
{
    Q_OBJECT

private slots:
    void emptyIndex();
    void insertFindErase();
    void eraseMissingReturnsFalse();
    void growthKeepsEverything();
    void clusteredIdsWrapAround();
    void fullHashCollisions();
    void randomizedAgainstQHash_data();
    void randomizedAgainstQHash();
    void clear();
};

void TestTaskIdIndex::emptyIndex()
{
    TaskIdIndex index;
    SlotStore store;
    QCOMPARE(index.size(), size_t(0));
    QCOMPARE(index.find("nothing", store.keyOf()), TaskIdIndex::NotFound);
    QCOMPARE(index.erase("nothing", store.keyOf()), false);
}

void TestTaskIdIndex::insertFindErase()
{
    TaskIdIndex index;
    SlotStore store;
    const QByteArray a("web.1a2b"), b("web.3c4d"), c("mongo_rhel8_compile_a1");
    index.insert(a, store.add(a));
    index.insert(b, store.add(b));
    index.insert(c, store.add(c));
    QCOMPARE(index.size(), size_t(3));
    QCOMPARE(index.find(a, store.keyOf()), 0u);
    QCOMPARE(index.find(b, store.keyOf()), 1u);
    QCOMPARE(index.find(c, store.keyOf()), 2u);
    QCOMPARE(index.find("web.1a2", store.keyOf()), TaskIdIndex::NotFound);
    QCOMPARE(index.find("", store.keyOf()), TaskIdIndex::NotFound);

    QCOMPARE(index.erase(b, store.keyOf()), true);
    store.remove(1);
    QCOMPARE(index.size(), size_t(2));
    QCOMPARE(index.find(b, store.keyOf()), TaskIdIndex::NotFound);
    QCOMPARE(index.find(a, store.keyOf()), 0u);
    QCOMPARE(index.find(c, store.keyOf()), 2u);
    QCOMPARE(index.erase(b, store.keyOf()), false);
    QCOMPARE(index.size(), size_t(2));
}

void TestTaskIdIndex::eraseMissingReturnsFalse()
{
    TaskIdIndex index;
    SlotStore store;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray id = numbered("present-", i);
        index.insert(id, store.add(id));
    }
    for (int i = 0; i < 1000; ++i) {
        QCOMPARE(index.erase(numbered("absent-", i), store.keyOf()), false);
        QCOMPARE(index.erase(numbered("present-", i + 1000), store.keyOf()), false);
    }
    QCOMPARE(index.size(), size_t(1000));
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(index.find(numbered("present-", i), store.keyOf()), quint32(i));
}

void TestTaskIdIndex::growthKeepsEverything()
{
    TaskIdIndex index;
    SlotStore store;
    constexpr int Count = 20000;
    size_t lastMemory = 0;
    int growths = 0;
    for (int i = 0; i < Count; ++i) {
        const QByteArray id = numbered("grow-", i);
        index.insert(id, store.add(id));
        if (index.memoryBytes() != lastMemory) {
            ++growths;
            lastMemory = index.memoryBytes();
            // Right after a growth every id inserted so far must still be found.
            for (int j = 0; j <= i; ++j)
                QCOMPARE(index.find(numbered("grow-", j), store.keyOf()), quint32(j));
        }
    }
    QVERIFY(growths > 5);
    QCOMPARE(index.size(), size_t(Count));
    // 8 bytes a bucket, load at most 3/4: memory stays proportional to the size.
    QVERIFY(index.memoryBytes() >= size_t(Count) * 8);
    QVERIFY(index.memoryBytes() <= size_t(Count) * 8 * 4);
}

void TestTaskIdIndex::clusteredIdsWrapAround()
{
    // Fill a 1,024-bucket table (after growth from 64) with ids whose home buckets are the
    // last few, so probe runs wrap past the end of the table, then erase them in an order
    // that makes backward shifts cross the wrap.
    TaskIdIndex index;
    SlotStore store;
    QHash<QByteArray, quint32> reference;
    // 700 filler ids take the table to 1,024 buckets (700 * 4 > 512 * 3).
    for (int i = 0; i < 700; ++i) {
        const QByteArray id = numbered("filler-", i);
        const quint32 slot = store.add(id);
        index.insert(id, slot);
        reference.insert(id, slot);
    }
    QList<QByteArray> crowd;
    for (int i = 0; crowd.size() < 60; ++i) {
        const QByteArray id = numbered("crowd-", i);
        if ((bucketHash(id) & 1023u) >= 1020u)
            crowd.append(id);
    }
    for (const QByteArray &id : crowd) {
        const quint32 slot = store.add(id);
        index.insert(id, slot);
        reference.insert(id, slot);
    }
    std::mt19937 random(11);
    QList<QByteArray> order = crowd;
    std::shuffle(order.begin(), order.end(), random);
    for (const QByteArray &id : order) {
        QCOMPARE(index.erase(id, store.keyOf()), true);
        store.remove(reference.take(id));
        for (auto it = reference.cbegin(); it != reference.cend(); ++it)
            QCOMPARE(index.find(it.key(), store.keyOf()), it.value());
        QCOMPARE(index.find(id, store.keyOf()), TaskIdIndex::NotFound);
    }
    QCOMPARE(index.size(), size_t(reference.size()));
}

void TestTaskIdIndex::fullHashCollisions()
{
    // Ids with equal 32-bit hashes: only the id comparison tells them apart.
    QHash<quint32, QByteArray> seen;
    QList<std::pair<QByteArray, QByteArray>> pairs;
    for (int i = 0; i < 400000 && pairs.size() < 3; ++i) {
        const QByteArray id = numbered("twin-", i);
        const quint32 hash = bucketHash(id);
        const auto it = seen.constFind(hash);
        if (it != seen.cend())
            pairs.append({it.value(), id});
        else
            seen.insert(hash, id);
    }
    if (pairs.isEmpty())
        QSKIP("no 32-bit hash collision among the generated ids");

    for (const auto &[first, second] : pairs) {
        TaskIdIndex index;
        SlotStore store;
        const quint32 a = store.add(first);
        const quint32 b = store.add(second);
        index.insert(first, a);
        QCOMPARE(index.find(second, store.keyOf()), TaskIdIndex::NotFound);
        QCOMPARE(index.erase(second, store.keyOf()), false);
        index.insert(second, b);
        QCOMPARE(index.find(first, store.keyOf()), a);
        QCOMPARE(index.find(second, store.keyOf()), b);
        QCOMPARE(index.erase(first, store.keyOf()), true);
        QCOMPARE(index.find(first, store.keyOf()), TaskIdIndex::NotFound);
        QCOMPARE(index.find(second, store.keyOf()), b);
        QCOMPARE(index.erase(second, store.keyOf()), true);
        QCOMPARE(index.size(), size_t(0));
    }
}

void TestTaskIdIndex::randomizedAgainstQHash_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("universe"); // how many distinct ids the operations draw from
    QTest::addColumn<int>("operations");
    QTest::newRow("50k ids, insert-heavy") << 1u << 50000 << 150000;
    QTest::newRow("small universe, churn") << 2u << 300 << 100000;
    QTest::newRow("50k ids, another seed") << 3u << 50000 << 150000;
}

void TestTaskIdIndex::randomizedAgainstQHash()
{
    QFETCH(quint32, seed);
    QFETCH(int, universe);
    QFETCH(int, operations);

    // Ids of the shapes the systems produce, many sharing long prefixes and differing in
    // one character, plus ids that differ only at the end or only in case.
    QList<QByteArray> ids;
    ids.reserve(universe);
    for (int i = 0; i < universe; ++i) {
        switch (i % 5) {
        case 0:
            ids.append("web.instance-" + QByteArray::number(i, 36));
            break;
        case 1:
            ids.append("mongodb_mongo_master_enterprise_rhel_80_64_bit_jsCore_" + QByteArray::number(i, 16));
            break;
        case 2:
            ids.append(QByteArray::number(i) + "_prod_db." + QByteArray(i % 7, 'x'));
            break;
        case 3:
            ids.append(QByteArray::number(i - 1) + "_PROD_DB." + QByteArray((i - 1) % 7, 'x')); // case twin of i - 1
            break;
        default:
            ids.append(QByteArray(1 + i % 40, char('a' + i % 26)) + QByteArray::number(i));
            break;
        }
    }

    TaskIdIndex index;
    SlotStore store;
    QHash<QByteArray, quint32> reference;
    std::mt19937 random(seed);
    int inserts = 0, erases = 0, missedErases = 0, finds = 0;
    for (int n = 0; n < operations; ++n) {
        const QByteArray &id = ids[int(random() % quint32(universe))];
        // Grow for the first half, churn around a plateau after.
        const quint32 roll = random() % 100;
        const bool growing = n < operations / 2;
        if (roll < (growing ? 60u : 40u)) {
            if (!reference.contains(id)) {
                const quint32 slot = store.add(id);
                index.insert(id, slot);
                reference.insert(id, slot);
                ++inserts;
            }
        } else if (roll < 80) {
            const bool present = reference.contains(id);
            QCOMPARE(index.erase(id, store.keyOf()), present);
            if (present) {
                store.remove(reference.take(id));
                ++erases;
            } else {
                ++missedErases;
            }
        } else {
            QCOMPARE(index.find(id, store.keyOf()), reference.value(id, TaskIdIndex::NotFound));
            ++finds;
        }
        if (index.size() != size_t(reference.size()))
            QFAIL(qPrintable(QStringLiteral("size %1 != %2 after %3 operations")
                                 .arg(index.size()).arg(reference.size()).arg(n)));
    }
    QVERIFY(inserts > 1000);
    QVERIFY(erases > 1000);
    QVERIFY(missedErases > 100);
    QVERIFY(finds > 1000);

    // Full sweep: every id of the universe, present or not.
    for (const QByteArray &id : ids)
        QCOMPARE(index.find(id, store.keyOf()), reference.value(id, TaskIdIndex::NotFound));
    // Erase everything that is left, checking the rest stays reachable now and then.
    int left = int(reference.size());
    const QList<QByteArray> remaining = reference.keys();
    for (const QByteArray &id : remaining) {
        QCOMPARE(index.erase(id, store.keyOf()), true);
        store.remove(reference.take(id));
        if (--left % 997 == 0) {
            for (auto it = reference.cbegin(); it != reference.cend(); ++it)
                QCOMPARE(index.find(it.key(), store.keyOf()), it.value());
        }
    }
    QCOMPARE(index.size(), size_t(0));
    for (const QByteArray &id : ids)
        QCOMPARE(index.find(id, store.keyOf()), TaskIdIndex::NotFound);
}

void TestTaskIdIndex::clear()
{
    TaskIdIndex index;
    SlotStore store;
    for (int i = 0; i < 500; ++i) {
        const QByteArray id = numbered("clear-", i);
        index.insert(id, store.add(id));
    }
    index.clear();
    QCOMPARE(index.size(), size_t(0));
    QCOMPARE(index.find("clear-1", store.keyOf()), TaskIdIndex::NotFound);
    QCOMPARE(index.erase("clear-1", store.keyOf()), false);
    // Usable again after clear().
    SlotStore fresh;
    const QByteArray id("after-clear");
    index.insert(id, fresh.add(id));
    QCOMPARE(index.find(id, fresh.keyOf()), 0u);
    QCOMPARE(index.size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestTaskIdIndex)
#include "tst_taskidindex.moc"
