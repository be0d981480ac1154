// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/clirunner.h"
#include "session/session.h"
#include "systems/connectionoptions.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

// taskmon-cli run in the test's process: the arguments a user types, the session and
// backends they make, the runner's output captured in strings. Starts at once.
struct CliRun
{
    explicit CliRun(const QStringList &arguments)
        : out(&outText)
        , err(&errText)
    {
        QString error;
        const CliInvocation::ConnectionParsing parsing{
            &ConnectionOptions::addTo,
            [this](const QCommandLineParser &parser, QString *problem) { return connections.read(parser, problem); }};
        parsed = CliInvocation::parse(arguments, parsing, &invocation, &error);
        parseError = error;
        session.setReadOnly(connections.readOnly);
        for (Backend *backend : connections.createBackends())
            session.addBackend(backend);
        runner = std::make_unique<CliRunner>(invocation, &session, &out, &err, CliTerminal{});
        QObject::connect(runner.get(), &CliRunner::finished, runner.get(), [this](int code) { exitCode = code; });
        runner->start();
    }

    // The objects of `list --format json`, by task id.
    QHash<QString, QJsonObject> listedTasks() const
    {
        QHash<QString, QJsonObject> tasks;
        for (const QJsonValue &value : QJsonDocument::fromJson(outText.toUtf8()).array())
            tasks.insert(value[QStringLiteral("id")].toString(), value.toObject());
        return tasks;
    }

    bool parsed = false;
    QString parseError;
    CliInvocation invocation;
    ConnectionOptions connections;
    Session session;
    QString outText, errText;
    QTextStream out, err;
    std::unique_ptr<CliRunner> runner;
    int exitCode = -1;
};
