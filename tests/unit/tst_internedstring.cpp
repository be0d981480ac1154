// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/internedstring.h"
#include "domain/internpool.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

// InternedString (internedstring.h): one process-wide pool; the same text always gives the
// same id, from UTF-16 or UTF-8, from any thread. The pool is shared by the whole process,
// so every test uses strings with a prefix of its own.
class TestInternedString final : public QObject
{
    Q_OBJECT

private slots:
    void emptyIsIdZero();
    void sameTextSameId();
    void accessorsAgree_data();
    void accessorsAgree();
    void utf8AndUtf16EntryPointsAgree_data();
    void utf8AndUtf16EntryPointsAgree();
    void poolSizeGrowsByOne();
    void fromIdRoundTrip();
    void hashFollowsIdentity();
    void concurrentInterning();
    // Last: it frees what the tests before it interned and no longer hold.
    void compactionFreesWhatNobodyHolds();
};

void TestInternedString::emptyIsIdZero()
{
    QCOMPARE(InternedString().id(), 0u);
    QVERIFY(InternedString().isEmpty());
    QCOMPARE(InternedString(QStringView()).id(), 0u);
    QCOMPARE(InternedString(u""_s).id(), 0u);
    QCOMPARE(InternedString::fromUtf8(QByteArrayView()).id(), 0u);
    QCOMPARE(InternedString::fromUtf8("").id(), 0u);
    QVERIFY(InternedString().toString().isEmpty());
    QVERIFY(InternedString().view().isEmpty());
    QVERIFY(InternedString().utf8().isEmpty());
    QVERIFY(InternedString::poolSize() >= 1u); // the empty string counts
    QVERIFY(!InternedString(u"x-nonempty"_s).isEmpty());
}

void TestInternedString::sameTextSameId()
{
    const InternedString a(u"same-text/prod/web"_s);
    const InternedString b(u"same-text/prod/web"_s);
    const InternedString c(u"same-text/prod/db"_s);
    QCOMPARE(a, b);
    QCOMPARE(a.id(), b.id());
    QVERIFY(a != c);
    QVERIFY(a.id() != c.id());
    QVERIFY(a.id() != 0u);
    // Built from a different buffer, same text.
    const QString copy = QStringLiteral("same-text/prod/") + QStringLiteral("web");
    QCOMPARE(InternedString(copy), a);
    // Case matters: ids are for exact text.
    QVERIFY(InternedString(u"same-text/PROD/web"_s) != a);
}

void TestInternedString::accessorsAgree_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ASCII") << u"accessors-agent-1.dc1"_s;
    QTest::newRow("Latin-1") << u"accessors-über-dienst"_s;
    QTest::newRow("CJK") << u"accessors-任务-失败"_s;
    QTest::newRow("surrogate pair") << u"accessors-\U0001F680-rocket"_s;
    QTest::newRow("long") << QString(5000, u'q') + u"accessors"_s;
}

void TestInternedString::accessorsAgree()
{
    QFETCH(QString, text);
    const InternedString s(text);
    QCOMPARE(s.toString(), text);
    QCOMPARE(s.view(), QStringView(text));
    QCOMPARE(s.utf8(), QByteArrayView(text.toUtf8()));
    QCOMPARE(QString::fromUtf8(s.utf8()), s.toString());
}

void TestInternedString::utf8AndUtf16EntryPointsAgree_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("utf8First");
    QTest::newRow("ASCII, UTF-16 first") << u"entry-utf16-first-ascii"_s << false;
    QTest::newRow("ASCII, UTF-8 first") << u"entry-utf8-first-ascii"_s << true;
    QTest::newRow("non-ASCII, UTF-16 first") << u"entry-utf16-first-ümlaut-€"_s << false;
    QTest::newRow("non-ASCII, UTF-8 first") << u"entry-utf8-first-ümlaut-€"_s << true;
    QTest::newRow("surrogates, UTF-8 first") << u"entry-utf8-first-\U0001F600"_s << true;
}

void TestInternedString::utf8AndUtf16EntryPointsAgree()
{
    QFETCH(QString, text);
    QFETCH(bool, utf8First);
    const QByteArray utf8 = text.toUtf8();
    const quint32 before = InternedString::poolSize();
    InternedString first;
    InternedString second;
    if (utf8First) {
        first = InternedString::fromUtf8(utf8);
        second = InternedString(text);
    } else {
        first = InternedString(text);
        second = InternedString::fromUtf8(utf8);
    }
    QCOMPARE(first.id(), second.id());
    QCOMPARE(InternedString::poolSize(), before + 1);
    QCOMPARE(InternedString::fromUtf8(utf8), first);
    QCOMPARE(InternedString(text), first);
    QCOMPARE(first.toString(), text);
    QCOMPARE(first.utf8(), QByteArrayView(utf8));
}

void TestInternedString::poolSizeGrowsByOne()
{
    const quint32 before = InternedString::poolSize();
    const InternedString fresh(u"pool-size-fresh-string-1"_s);
    QVERIFY(!fresh.isEmpty());
    QCOMPARE(InternedString::poolSize(), before + 1);
    // Repeats cost nothing, from either entry point.
    InternedString(u"pool-size-fresh-string-1"_s);
    InternedString::fromUtf8("pool-size-fresh-string-1");
    InternedString();
    InternedString(u""_s);
    QCOMPARE(InternedString::poolSize(), before + 1);
    // A second new string, this time through UTF-8.
    InternedString::fromUtf8("pool-size-fresh-string-2");
    QCOMPARE(InternedString::poolSize(), before + 2);
}

void TestInternedString::fromIdRoundTrip()
{
    const InternedString s(u"from-id-round-trip"_s);
    const InternedString back = InternedString::fromId(s.id());
    QCOMPARE(back, s);
    QCOMPARE(back.toString(), u"from-id-round-trip"_s);
    QCOMPARE(InternedString::fromId(0), InternedString());
}

void TestInternedString::hashFollowsIdentity()
{
    QHash<InternedString, int> counts;
    counts[InternedString(u"hash-a"_s)] += 1;
    counts[InternedString::fromUtf8("hash-a")] += 1;
    counts[InternedString(u"hash-b"_s)] += 1;
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.value(InternedString(u"hash-a"_s)), 2);
    QCOMPARE(qHash(InternedString(u"hash-a"_s)), qHash(InternedString::fromUtf8("hash-a")));
}

void TestInternedString::concurrentInterning()
{
    // Four threads intern the same 5,000 new strings, each in its own order and alternating
    // entry points, while reading back what they got. Every thread must see the same id for
    // a string, distinct strings must get distinct ids, and the pool must grow by exactly
    // the number of distinct strings (more than one 4,096-string chunk).
    constexpr int Count = 5000;
    constexpr int Threads = 4;
    QList<QString> texts;
    texts.reserve(Count);
    for (int i = 0; i < Count; ++i)
        texts.append(u"concurrent-%1-über-%2"_s.arg(i).arg(i * 7919 % 1013));

    const quint32 before = InternedString::poolSize();
    std::vector<std::vector<quint32>> ids(Threads, std::vector<quint32>(Count, 0));
    std::atomic<int> mismatches{0};
    std::atomic<int> ready{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < Threads; ++t) {
        workers.emplace_back([&, t] {
            std::vector<int> order(Count);
            for (int i = 0; i < Count; ++i)
                order[size_t(i)] = i;
            std::mt19937 random(quint32(t + 1));
            std::shuffle(order.begin(), order.end(), random);
            ready.fetch_add(1);
            while (ready.load() < Threads) {
                // start together to maximise contention
            }
            for (int n = 0; n < Count; ++n) {
                const int i = order[size_t(n)];
                const InternedString s = (n + t) % 2 ? InternedString::fromUtf8(texts[i].toUtf8())
                                                     : InternedString(texts[i]);
                ids[size_t(t)][size_t(i)] = s.id();
                if (s.view() != texts[i] || s.utf8() != QByteArrayView(texts[i].toUtf8()))
                    mismatches.fetch_add(1);
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();

    QCOMPARE(mismatches.load(), 0);
    for (int t = 1; t < Threads; ++t) {
        for (int i = 0; i < Count; ++i)
            QCOMPARE(ids[size_t(t)][size_t(i)], ids[0][size_t(i)]);
    }
    std::vector<quint32> sorted = ids[0];
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    QVERIFY(sorted.front() >= before);
    QCOMPARE(InternedString::poolSize(), before + quint32(Count));
    for (int i = 0; i < Count; ++i)
        QCOMPARE(InternedString::fromId(ids[0][size_t(i)]).toString(), texts[i]);
}

// Finding 10: the pool only grew, by every unique message and host. A compaction frees the
// strings nobody marked, once they are older than the previous compaction.
void TestInternedString::compactionFreesWhatNobodyHolds()
{
    const InternedString kept(u"compact:kept"_s);
    const auto mark = [&](InternPool::Marks &marks) { marks.keep(kept); };
    // Two compactions free what the earlier tests left (young strings survive the first).
    InternPool::compact(mark);
    InternPool::compact(mark);
    const quint32 base = InternPool::liveCount();
    QVERIFY2(base <= 16, qPrintable(QString::number(base)));   // the empty string, `kept`, little else
    QCOMPARE(InternedString::poolSize(), base);

    constexpr quint32 count = 1000000;
    for (quint32 i = 0; i < count; ++i)
        InternedString::fromUtf8(QByteArray("compact:" + QByteArray::number(i)));
    QCOMPARE(InternPool::liveCount(), base + count);

    // A parser on a worker thread may hold new strings it has not handed over yet: they
    // survive one compaction...
    const quint32 generation = InternPool::generation();
    QCOMPARE(InternPool::compact(mark).freed, 0u);
    QCOMPARE(InternPool::generation(), generation);
    // ...and go with the next.
    const InternPool::Compaction second = InternPool::compact(mark);
    QCOMPARE(second.freed, count);
    QCOMPARE(second.live, base);
    QCOMPARE(InternPool::liveCount(), base);
    QVERIFY(InternPool::generation() != generation);   // id-keyed caches must be cleared

    // What was marked is untouched; freed ids are given out again, lowest first.
    QCOMPARE(kept.toString(), u"compact:kept"_s);
    QCOMPARE(InternedString(u"compact:kept"_s), kept);
    const InternedString again = InternedString::fromUtf8("compact:again");
    QVERIFY2(again.id() < 4096, qPrintable(QString::number(again.id())));
    QCOMPARE(again.toString(), u"compact:again"_s);
    QCOMPARE(InternedString::fromUtf8("compact:12345").toString(), u"compact:12345"_s);
}

QTEST_GUILESS_MAIN(TestInternedString)
#include "tst_internedstring.moc"
