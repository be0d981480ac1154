// SPDX-License-Identifier: GPL-3.0-or-later
#include "demonames.h"

#include <QRandomGenerator>

const QList<DemoNames::App> &DemoNames::apps()
{
    static const QList<App> list = {
        {"/prod/web", 24, false, true, false},
        {"/prod/api", 18, false, true, false},
        {"/prod/payments", 8, false, true, true},
        {"/prod/search", 12, false, true, false},
        {"/data/kafka", 6, true, true, false},
        {"/data/cassandra", 9, true, true, false},
        {"/batch/etl-nightly", 14, false, false, false},
        {"/batch/thumbnailer", 10, false, false, false},
        {"/infra/metrics-agent", 20, false, true, false},
        {"/infra/log-shipper", 20, false, false, false},
        {"/staging/web", 6, false, true, false},
        {"/staging/api", 6, false, true, false},
    };
    return list;
}

const QStringList &DemoNames::buildVariants()
{
    static const QStringList list = {
        QStringLiteral("ubuntu2204"),        QStringLiteral("ubuntu2204-arm64"),
        QStringLiteral("rhel80"),            QStringLiteral("enterprise-rhel-80-64-bit"),
        QStringLiteral("windows"),           QStringLiteral("macos-arm64"),
        QStringLiteral("amazon2023"),        QStringLiteral("debian12"),
        QStringLiteral("linux-debug-aubsan"), QStringLiteral("linux-tsan"),
    };
    return list;
}

const QStringList &DemoNames::evergreenTasks()
{
    static const QStringList list = {
        QStringLiteral("compile_dist_test"), QStringLiteral("unittests"),
        QStringLiteral("jsCore"),            QStringLiteral("aggregation"),
        QStringLiteral("replica_sets"),      QStringLiteral("sharding_jscore_passthrough"),
        QStringLiteral("concurrency"),       QStringLiteral("change_streams"),
        QStringLiteral("auth"),              QStringLiteral("sharded_collections_jscore"),
        QStringLiteral("noPassthrough"),     QStringLiteral("query_golden"),
        QStringLiteral("lint_clang_format"), QStringLiteral("integration_tests_standalone"),
        QStringLiteral("fle2"),              QStringLiteral("search_e2e"),
    };
    return list;
}

QStringList DemoNames::hosts()
{
    QStringList list;
    for (int rack = 1; rack <= 6; ++rack) {
        for (int node = 1; node <= 8; ++node)
            list.append(QStringLiteral("agent-r%1n%2.dc1.example.net").arg(rack).arg(node, 2, 10, QLatin1Char('0')));
    }
    return list;
}

QByteArray DemoNames::marathonTaskId(const char *appId, QRandomGenerator &random)
{
    // Current format: <path with / as _>.instance-<uuid>._app
    QByteArray path = QByteArray(appId).mid(1).replace('/', '_');
    QByteArray uuid;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            uuid += '-';
        uuid += QByteArray::number(random.bounded(256), 16).rightJustified(2, '0');
    }
    return path + ".instance-" + uuid + "._app";
}

QByteArray DemoNames::evergreenTaskId(const QString &variant, const QString &task, const QByteArray &revision)
{
    QByteArray id = "mongodb_mongo_master_" + variant.toUtf8() + '_' + task.toUtf8() + '_'
        + revision + "_26_11_21_09_40_12";
    return id.replace('-', '_');
}

QString DemoNames::failureMessage(QRandomGenerator &random)
{
    static const QStringList messages = {
        QStringLiteral("Container exited with status 1"),
        QStringLiteral("Container exited with status 137 (OOM killed)"),
        QStringLiteral("Health check failed: GET /health returned 503"),
        QStringLiteral("Command failed: exit code 2"),
        QStringLiteral("disk full on /data"),
        QStringLiteral("connection refused by upstream"),
    };
    return messages[random.bounded(int(messages.size()))];
}
