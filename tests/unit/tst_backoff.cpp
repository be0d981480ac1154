// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/backoff.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTest>

// Reconnect delays (DESIGN.md §7): 0.5 s doubling to 30 s, without limit on attempts, with
// equal jitter (half fixed, half random), seedable.
class TestBackoff final : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void baseDelaysDoubleToTheCap();
    void manyAttemptsStayAtTheCap();
    void jitterStaysInTheUpperHalf();
    void jitterActuallyVaries();
    void sameSeedSameSequence();
    void differentSeedsDiffer();
    void resetStartsOver();
    void customLimits_data();
    void customLimits();
};

void TestBackoff::defaults()
{
    const Backoff backoff;
    QCOMPARE(backoff.initialMs(), 500);
    QCOMPARE(backoff.maximumMs(), 30000);
    QCOMPARE(backoff.attempt(), 0);
    QCOMPARE(backoff.baseDelay(), 500);
}

void TestBackoff::baseDelaysDoubleToTheCap()
{
    Backoff backoff(500, 30000, 42);
    const QList<int> expected{500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(backoff.attempt(), i);
        QCOMPARE(backoff.baseDelay(), expected[i]);
        const int delay = backoff.nextDelay();
        QVERIFY2(delay >= expected[i] / 2 && delay <= expected[i],
                 qPrintable(QStringLiteral("attempt %1: %2").arg(i).arg(delay)));
    }
    QCOMPARE(backoff.attempt(), expected.size());
}

void TestBackoff::manyAttemptsStayAtTheCap()
{
    // "Without limit": far past any exponent that would overflow an int or a qint64.
    Backoff backoff(500, 30000, 7);
    for (int i = 0; i < 100000; ++i) {
        const int base = backoff.baseDelay();
        const int delay = backoff.nextDelay();
        if (i >= 6) {
            QCOMPARE(base, 30000);
        } else {
            QVERIFY(base < 30000);
        }
        QVERIFY(delay >= base / 2 && delay <= base);
    }
    QCOMPARE(backoff.attempt(), 100000);
    QCOMPARE(backoff.baseDelay(), 30000);
}

void TestBackoff::jitterStaysInTheUpperHalf()
{
    for (quint32 seed = 1; seed <= 50; ++seed) {
        Backoff backoff(500, 30000, seed);
        for (int i = 0; i < 40; ++i) {
            const int base = backoff.baseDelay();
            const int delay = backoff.nextDelay();
            QVERIFY2(delay >= base / 2 && delay <= base,
                     qPrintable(QStringLiteral("seed %1 attempt %2: base %3 delay %4")
                                    .arg(seed).arg(i).arg(base).arg(delay)));
        }
    }
}

void TestBackoff::jitterActuallyVaries()
{
    // At the cap the delay is 15 s fixed plus up to 15 s random: over many draws it must
    // spread across the range, not sit at one value.
    Backoff backoff(500, 30000, 1234);
    for (int i = 0; i < 10; ++i)
        backoff.nextDelay();
    QSet<int> seen;
    int low = 0;
    int high = 0;
    for (int i = 0; i < 1000; ++i) {
        const int delay = backoff.nextDelay();
        seen.insert(delay);
        if (delay < 22500)
            ++low;
        else
            ++high;
    }
    QVERIFY(seen.size() > 100);
    QVERIFY(low > 100);
    QVERIFY(high > 100);
}

void TestBackoff::sameSeedSameSequence()
{
    Backoff a(500, 30000, 99);
    Backoff b(500, 30000, 99);
    for (int i = 0; i < 200; ++i)
        QCOMPARE(a.nextDelay(), b.nextDelay());
}

void TestBackoff::differentSeedsDiffer()
{
    Backoff a(500, 30000, 1);
    Backoff b(500, 30000, 2);
    QList<int> first;
    QList<int> second;
    for (int i = 0; i < 20; ++i) {
        first.append(a.nextDelay());
        second.append(b.nextDelay());
    }
    QVERIFY(first != second);
}

void TestBackoff::resetStartsOver()
{
    Backoff backoff(500, 30000, 5);
    for (int i = 0; i < 12; ++i)
        backoff.nextDelay();
    QCOMPARE(backoff.baseDelay(), 30000);
    backoff.reset();
    QCOMPARE(backoff.attempt(), 0);
    QCOMPARE(backoff.baseDelay(), 500);
    const int delay = backoff.nextDelay();
    QVERIFY(delay >= 250 && delay <= 500);
    QCOMPARE(backoff.attempt(), 1);
    QCOMPARE(backoff.baseDelay(), 1000);
}

void TestBackoff::customLimits_data()
{
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<QList<int>>("bases");

    QTest::newRow("100 to 1000") << 100 << 1000 << QList<int>{100, 200, 400, 800, 1000, 1000};
    QTest::newRow("cap is a power of two") << 250 << 2000 << QList<int>{250, 500, 1000, 2000, 2000};
    QTest::newRow("cap equals initial") << 700 << 700 << QList<int>{700, 700, 700};
    QTest::newRow("one ms, large cap") << 1 << 1000000
                                        << QList<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
    // Doubling goes on until the maximum, however many doublings that takes.
    QList<int> slow;
    for (int power = 0; power <= 21; ++power)
        slow.append(1 << power); // up to 2,097,152
    slow << 4000000 << 4000000;
    QTest::newRow("1 ms to 4,000,000 ms") << 1 << 4000000 << slow;
}

void TestBackoff::customLimits()
{
    QFETCH(int, initial);
    QFETCH(int, maximum);
    QFETCH(QList<int>, bases);

    Backoff backoff(initial, maximum, 3);
    for (int base : bases) {
        QCOMPARE(backoff.baseDelay(), base);
        const int delay = backoff.nextDelay();
        QVERIFY(delay >= base / 2 && delay <= base);
    }
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
