// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/jsonpretty.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// JSON written with single quotes, so that moc's tokenizer (which knows no raw strings)
// can read this file: q("{'a':1}") is {"a":1}.
QByteArray q(const char *text)
{
    QByteArray json(text);
    json.replace('\'', '"');
    return json;
}
} // namespace

// The bounded pretty-printer of raw records (finding 1 of issue 15): a hostile record must
// give a sentence, not a crash, and never gigabytes of indentation.
class TestJsonPretty : public QObject
{
    Q_OBJECT

private slots:
    void indentsAndKeepsTheTextOfValues()
    {
        bool ok = false;
        const QString text = JsonPretty::format(q("{'b':[1,2.50,{}],'a':'x\\'y','c':[],'d':{'e':null}}"), &ok);
        QVERIFY(ok);
        const QByteArray expected = q("{\n  'b': [\n    1,\n    2.50,\n    {}\n  ],\n  'a': 'x\\'y',\n"
                                      "  'c': [],\n  'd': {\n    'e': null\n  }\n}");
        QCOMPARE(text, QString::fromUtf8(expected));
    }

    void notJsonSaysSo()
    {
        bool ok = true;
        const QString text = JsonPretty::format("{\"a\":", &ok);
        QVERIFY(!ok);
        QVERIFY2(text.startsWith(u"not JSON"_s), qPrintable(text));
    }

    void invalidUtf8IsShownAsReplacement()
    {
        bool ok = false;
        const QString text = JsonPretty::format("{\"m\":\"caf\xE9\"}", &ok);
        QVERIFY(ok);
        QVERIFY2(text.contains(u"caf\uFFFD"_s), qPrintable(text));
    }

    void depthSkipsStrings()
    {
        QCOMPARE(JsonPretty::depth(q("{'a':[[1]],'b':'[[[[{{{'}")), 3);
        QCOMPARE(JsonPretty::depth(q("['\\'[[']")), 1);
        QCOMPARE(JsonPretty::depth("42"), 0);
    }

    // 100,000 levels in 200 KB used to overflow the stack (and 30,000 took 5.3 GB).
    void aRecordTooDeepIsRefusedQuickly()
    {
        constexpr int levels = 100000;
        const QByteArray deep = QByteArray(levels, '[') + QByteArray(levels, ']');
        QElapsedTimer timer;
        timer.start();
        bool ok = true;
        const QString text = JsonPretty::format(deep, &ok);
        QVERIFY(!ok);
        QVERIFY2(text.startsWith(u"record too deep to show: 100000 levels"_s), qPrintable(text));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void aRecordAtTheDepthLimitIsShown()
    {
        JsonPretty::Limits limits;
        const QByteArray deep = QByteArray(limits.maxDepth, '[') + QByteArray(limits.maxDepth, ']');
        bool ok = false;
        const QString text = JsonPretty::format(deep, &ok, limits);
        QVERIFY(ok);
        QCOMPARE(JsonPretty::depth(text.toUtf8()), limits.maxDepth);
        QVERIFY(text.contains(QString(2 * (limits.maxDepth - 1), u' ')));
    }

    void theOutputIsCutWithANote()
    {
        JsonPretty::Limits limits;
        limits.maxOutputBytes = 1000;
        QByteArray big = "[";
        for (int i = 0; i < 1000; ++i)
            big += "\"caf\xC3\xA9\",";
        big += "1]";
        bool ok = false;
        const QString text = JsonPretty::format(big, &ok, limits);
        QVERIFY(ok);
        QVERIFY2(text.size() < 1400, qPrintable(QString::number(text.size())));
        QVERIFY2(text.contains(u"… (cut: "_s), qPrintable(text.right(200)));
        QVERIFY(!text.contains(u'\uFFFD'));   // cut at a character boundary
    }
};

QTEST_GUILESS_MAIN(TestJsonPretty)
#include "tst_jsonpretty.moc"
