// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/isotime.h"

#include <QDateTime>
#include <QObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

// IsoTime: the ISO-8601 UTC times of both APIs (isotime.h). Expected instants are built
// with QDateTime from their calendar fields, never from IsoTime itself.
namespace {
qint64 utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}
} // namespace

class TestIsoTime final : public QObject
{
    Q_OBJECT

private slots:
    void knownInstant();
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void format();
    void roundTrip_data();
    void roundTrip();
    void nowIsCurrent();
};

void TestIsoTime::knownInstant()
{
    // 2015-09-30T12:47:11.286Z is 1443617231286 ms after the epoch.
    QCOMPARE(utc(2015, 9, 30, 12, 47, 11, 286), Q_INT64_C(1443617231286));
    QCOMPARE(IsoTime::parse("2015-09-30T12:47:11.286Z"), Q_INT64_C(1443617231286));
    QCOMPARE(IsoTime::parse("1970-01-01T00:00:00.001Z"), Q_INT64_C(1));
}

void TestIsoTime::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected");

    const qint64 base = utc(2015, 9, 30, 12, 47, 11);
    QTest::newRow("Marathon/Evergreen form") << QByteArray("2015-09-30T12:47:11.286Z") << base + 286;
    QTest::newRow("no fraction") << QByteArray("2015-09-30T12:47:11Z") << base;
    QTest::newRow("1 fraction digit") << QByteArray("2015-09-30T12:47:11.2Z") << base + 200;
    QTest::newRow("2 fraction digits") << QByteArray("2015-09-30T12:47:11.28Z") << base + 280;
    QTest::newRow("3 fraction digits") << QByteArray("2015-09-30T12:47:11.286Z") << base + 286;
    QTest::newRow("4 fraction digits") << QByteArray("2015-09-30T12:47:11.2860Z") << base + 286;
    QTest::newRow("5 fraction digits") << QByteArray("2015-09-30T12:47:11.28600Z") << base + 286;
    QTest::newRow("6 fraction digits (Go)") << QByteArray("2015-09-30T12:47:11.286000Z") << base + 286;
    QTest::newRow("fraction .000") << QByteArray("2015-09-30T12:47:11.000Z") << base;
    QTest::newRow("fraction .999") << QByteArray("2015-09-30T12:47:11.999Z") << base + 999;
    QTest::newRow("lower-case z") << QByteArray("2015-09-30T12:47:11.286z") << base + 286;
    QTest::newRow("+02:00") << QByteArray("2015-09-30T14:47:11.286+02:00") << base + 286;
    QTest::newRow("-05:30") << QByteArray("2015-09-30T07:17:11.286-05:30") << base + 286;
    QTest::newRow("-0530") << QByteArray("2015-09-30T07:17:11.286-0530") << base + 286;
    QTest::newRow("+0200") << QByteArray("2015-09-30T14:47:11+0200") << base;
    QTest::newRow("+00:00") << QByteArray("2015-09-30T12:47:11.286+00:00") << base + 286;
    QTest::newRow("offset crosses midnight")
        << QByteArray("2015-10-01T01:30:00+03:00") << utc(2015, 9, 30, 22, 30, 0);
    QTest::newRow("negative offset crosses midnight")
        << QByteArray("2015-09-30T22:00:00-04:00") << utc(2015, 10, 1, 2, 0, 0);
    QTest::newRow("leap year Feb 29 2016") << QByteArray("2016-02-29T23:59:59.500Z") << utc(2016, 2, 29, 23, 59, 59, 500);
    QTest::newRow("leap year Feb 29 2000") << QByteArray("2000-02-29T00:00:00Z") << utc(2000, 2, 29, 0, 0, 0);
    QTest::newRow("Mar 1 after leap day") << QByteArray("2016-03-01T00:00:00Z") << utc(2016, 3, 1, 0, 0, 0);
    QTest::newRow("Dec 31") << QByteArray("2023-12-31T23:59:59.999Z") << utc(2023, 12, 31, 23, 59, 59, 999);
    QTest::newRow("epoch + 1 s") << QByteArray("1970-01-01T00:00:01Z") << qint64(1000);
    QTest::newRow("before the epoch") << QByteArray("1969-12-31T23:59:59.500Z") << qint64(-500);
    QTest::newRow("year 2038+") << QByteArray("2040-06-15T08:00:00Z") << utc(2040, 6, 15, 8, 0, 0);
}

void TestIsoTime::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(IsoTime::parse(text), expected);
    // The same text through a view of a larger buffer (no terminating NUL).
    const QByteArray padded = text + "XYZ";
    QCOMPARE(IsoTime::parse(QByteArrayView(padded).first(text.size())), expected);
}

void TestIsoTime::rejects_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("empty string") << QByteArray("");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("garbage") << QByteArray("garbage");
    QTest::newRow("spaces") << QByteArray("   ");
    QTest::newRow("missing zone") << QByteArray("2015-09-30T12:47:11.286");
    QTest::newRow("missing zone, no fraction") << QByteArray("2015-09-30T12:47:11");
    QTest::newRow("date only") << QByteArray("2015-09-30");
    QTest::newRow("trailing junk") << QByteArray("2015-09-30T12:47:11.286Zjunk");
    QTest::newRow("month 13") << QByteArray("2015-13-01T00:00:00Z");
    QTest::newRow("month 0") << QByteArray("2015-00-10T00:00:00Z");
    QTest::newRow("day 0") << QByteArray("2015-09-00T00:00:00Z");
    QTest::newRow("day 32") << QByteArray("2015-01-32T00:00:00Z");
    QTest::newRow("Feb 29 of a common year") << QByteArray("2015-02-29T00:00:00Z");
    QTest::newRow("Feb 30") << QByteArray("2016-02-30T00:00:00Z");
    QTest::newRow("Apr 31") << QByteArray("2015-04-31T00:00:00Z");
    QTest::newRow("hour 25") << QByteArray("2015-09-30T25:00:00Z");
    QTest::newRow("minute 60") << QByteArray("2015-09-30T12:60:00Z");
    QTest::newRow("letters in the date") << QByteArray("2015-0a-30T12:47:11Z");
    QTest::newRow("truncated") << QByteArray("2015-09-30T12:4");
    QTest::newRow("epoch seconds") << QByteArray("1443617231");
}

void TestIsoTime::rejects()
{
    QFETCH(QByteArray, text);
    QCOMPARE(IsoTime::parse(text), qint64(0));
}

void TestIsoTime::format()
{
    QCOMPARE(IsoTime::format(utc(2015, 9, 30, 12, 47, 11, 286)), u"2015-09-30T12:47:11.286Z"_s);
    QCOMPARE(IsoTime::format(utc(2016, 2, 29, 0, 0, 0, 5)), u"2016-02-29T00:00:00.005Z"_s);
    QCOMPARE(IsoTime::format(1000), u"1970-01-01T00:00:01.000Z"_s);
    // 0 means "not known".
    QVERIFY(IsoTime::format(0).isEmpty());
}

void TestIsoTime::roundTrip_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::newRow("known instant") << utc(2015, 9, 30, 12, 47, 11, 286);
    QTest::newRow("whole second") << utc(2021, 1, 1, 0, 0, 0);
    QTest::newRow("leap day") << utc(2024, 2, 29, 12, 0, 0, 1);
    QTest::newRow("one ms") << qint64(1);
    QTest::newRow("before epoch") << qint64(-1500);
    QTest::newRow("far future") << utc(2199, 12, 31, 23, 59, 59, 999);
}

void TestIsoTime::roundTrip()
{
    QFETCH(qint64, ms);
    const QString text = IsoTime::format(ms);
    QVERIFY(text.endsWith(u'Z'));
    QCOMPARE(IsoTime::parse(text.toUtf8()), ms);
}

void TestIsoTime::nowIsCurrent()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 now = IsoTime::now();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(before <= now && now <= after);
}

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
