// SPDX-License-Identifier: GPL-3.0-or-later
#include "systems/connectionoptions.h"

#include <QCommandLineParser>
#include <QTest>

namespace {
bool read(const QStringList &arguments, ConnectionOptions *options, QString *error)
{
    QCommandLineParser parser;
    ConnectionOptions::addTo(&parser);
    if (!parser.parse(QStringList{QStringLiteral("taskmon")} + arguments)) {
        *error = parser.errorText();
        return false;
    }
    return options->read(parser, error);
}
} // namespace

class TestConnectionOptions : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        for (const char *name : {"TASKMON_MARATHON_USER", "TASKMON_MARATHON_PASSWORD", "TASKMON_MARATHON_TOKEN",
                                 "TASKMON_EVERGREEN_USER", "TASKMON_EVERGREEN_KEY"}) {
            qunsetenv(name);
        }
    }

    void nothingMeansTheDemo()
    {
        ConnectionOptions options;
        QString error;
        QVERIFY(read({}, &options, &error));
        QVERIFY(options.demo);
        QVERIFY(options.marathon.isEmpty() && options.evergreen.isEmpty());
        const QList<Backend *> backends = options.createBackends();
        QCOMPARE(backends.size(), 1);
        qDeleteAll(backends);
    }

    void marathonOptions()
    {
        ConnectionOptions options;
        QString error;
        QVERIFY2(read({QStringLiteral("--marathon"), QStringLiteral("http://leader:8080/"),
                       QStringLiteral("--marathon"), QStringLiteral("https://dcos.example/service/marathon"),
                       QStringLiteral("--marathon-user"), QStringLiteral("ops"), QStringLiteral("--marathon-password"),
                       QStringLiteral("pw"), QStringLiteral("--keep-finished"), QStringLiteral("5"),
                       QStringLiteral("--stale-after"), QStringLiteral("12"), QStringLiteral("--insecure")},
                      &options, &error),
                 qPrintable(error));
        QVERIFY(!options.demo);
        QCOMPARE(options.marathon.size(), 2);
        QCOMPARE(options.marathon[0].url, QUrl(QStringLiteral("http://leader:8080")));
        QCOMPARE(options.marathon[1].url.path(), QStringLiteral("/service/marathon"));
        QCOMPARE(options.marathon[0].credentials.scheme, Credentials::Scheme::Basic);
        QCOMPARE(options.marathon[0].credentials.user, QStringLiteral("ops"));
        QCOMPARE(options.marathon[0].credentials.secret, QStringLiteral("pw"));
        QCOMPARE(options.marathon[0].retentionMs, qint64(5 * 60 * 1000));
        QCOMPARE(options.marathon[0].staleAfterMs, 12000);
        QVERIFY(options.marathon[1].ignoreSslErrors);
    }

    void marathonTokenFromTheEnvironment()
    {
        qputenv("TASKMON_MARATHON_TOKEN", "acs-token");
        ConnectionOptions options;
        QString error;
        QVERIFY(read({QStringLiteral("--marathon"), QStringLiteral("https://dcos.example/service/marathon")}, &options, &error));
        QCOMPARE(options.marathon[0].credentials.scheme, Credentials::Scheme::MarathonToken);
        QCOMPARE(options.marathon[0].credentials.secret, QStringLiteral("acs-token"));
    }

    void evergreenOptions()
    {
        qputenv("TASKMON_EVERGREEN_USER", "bot");
        qputenv("TASKMON_EVERGREEN_KEY", "k3y");
        ConnectionOptions options;
        QString error;
        QVERIFY2(read({QStringLiteral("--evergreen"), QStringLiteral("https://evergreen.example"), QStringLiteral("--version"),
                       QStringLiteral("v1"), QStringLiteral("--build"), QStringLiteral("b1"), QStringLiteral("--build"),
                       QStringLiteral("b2"), QStringLiteral("--poll-interval"), QStringLiteral("5"), QStringLiteral("--demo")},
                      &options, &error),
                 qPrintable(error));
        QVERIFY(options.demo);   // --demo adds the demo to the servers
        QCOMPARE(options.evergreen.size(), 1);
        const EvergreenConfig &config = options.evergreen.first();
        QCOMPARE(config.versions, QStringList{QStringLiteral("v1")});
        QCOMPARE(config.builds, (QStringList{QStringLiteral("b1"), QStringLiteral("b2")}));
        QCOMPARE(config.credentials.scheme, Credentials::Scheme::EvergreenKey);
        QCOMPARE(config.credentials.user, QStringLiteral("bot"));
        QCOMPARE(config.pollIntervalMs, 5000);
        QVERIFY(config.fastPollIntervalMs <= 5000);
        const QList<Backend *> backends = options.createBackends();
        QCOMPARE(backends.size(), 2);
        qDeleteAll(backends);
    }

    void aKeyWithoutAUserIsABearerToken()
    {
        ConnectionOptions options;
        QString error;
        QVERIFY(read({QStringLiteral("--evergreen"), QStringLiteral("https://e.example"), QStringLiteral("--version"),
                      QStringLiteral("v"), QStringLiteral("--evergreen-key"), QStringLiteral("oauth")},
                     &options, &error));
        QCOMPARE(options.evergreen.first().credentials.scheme, Credentials::Scheme::Bearer);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no version") << QStringList{QStringLiteral("--evergreen"), QStringLiteral("https://e.example")} << QStringLiteral("--version");
        QTest::newRow("version alone") << QStringList{QStringLiteral("--version"), QStringLiteral("v1")} << QStringLiteral("--evergreen");
        QTest::newRow("not a url") << QStringList{QStringLiteral("--marathon"), QStringLiteral("ftp://x")} << QStringLiteral("http");
        QTest::newRow("password not echoed") << QStringList{QStringLiteral("--marathon"), QStringLiteral("ftp://ops:s3cret@x")} << QStringLiteral("ops@x");
        QTest::newRow("user without key") << QStringList{QStringLiteral("--evergreen"), QStringLiteral("https://e.example"), QStringLiteral("--version"),
                                                         QStringLiteral("v"), QStringLiteral("--evergreen-user"), QStringLiteral("bot")} << QStringLiteral("--evergreen-key");
        QTest::newRow("marathon option alone") << QStringList{QStringLiteral("--keep-finished"), QStringLiteral("3")} << QStringLiteral("--marathon");
        QTest::newRow("nan") << QStringList{QStringLiteral("--demo-rate"), QStringLiteral("nan")} << QStringLiteral("nan");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        ConnectionOptions options;
        QString error;
        QVERIFY(!read(arguments, &options, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("s3cret")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionOptions)
#include "tst_connectionoptions.moc"
