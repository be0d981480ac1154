// SPDX-License-Identifier: GPL-3.0-or-later
#include "evergreenharness.h"

#include <QElapsedTimer>
#include <QSignalSpy>

Harness::Harness()
{
    if (!server.listen())
        qFatal("cannot listen on 127.0.0.1");
    server.requireApiKey(User, Secret);
    config.url = server.url();
    config.credentials.scheme = Credentials::Scheme::EvergreenKey;
    config.credentials.user = User;
    config.credentials.secret = Secret;
    config.versions = {QStringLiteral("v1")};
    config.pollIntervalMs = 3600000;
    config.fastPollIntervalMs = 1800000;
    config.pageLimit = 2;
    config.backoffInitialMs = 20;
    config.backoffMaximumMs = 80;
    config.backoffSeed = 7;
    config.requestTimeoutMs = 5000;
}

QJsonObject &Harness::given(const char *id, const char *status, const char *build, bool activated)
{
    const QString buildId = QString::fromLatin1(build);
    if (!server.hasBuild(buildId)) {
        server.addBuild(buildId, QStringLiteral("v1"),
                        buildId == u"b2" ? QStringLiteral("rhel") : QStringLiteral("ubuntu"));
    }
    return server.addTask(QString::fromLatin1(id), buildId, QString::fromLatin1(status), activated);
}

bool Harness::start()
{
    backend = new EvergreenBackend(config);
    session.addBackend(backend);
    return waitForPoll(true);
}

bool Harness::poll()
{
    return waitForPoll(false);
}

bool Harness::waitForPoll(bool startFirst)
{
    QSignalSpy polled(backend, &EvergreenBackend::pollFinished);
    if (startFirst)
        session.start();
    else
        backend->pollNow();
    if (!polled.wait(5000) || !polled.first().first().toBool())
        return false;
    QElapsedTimer timer;
    timer.start();
    while (session.isMerging() && timer.elapsed() < 5000)
        QCoreApplication::processEvents();
    return !session.isMerging();
}

ActionOutcome Harness::act(TaskAction action, const QList<QByteArray> &ids, const ActionOptions &options)
{
    QSignalSpy finished(&session, &Session::actionFinished);
    session.perform(action, ids, options);
    if (finished.isEmpty() && !finished.wait(5000))
        return {};
    return finished.first().first().value<ActionOutcome>();
}

ActionVerdict Harness::check(const char *id, TaskAction action) const
{
    return ActionRules::check(*task(id), action, session.actionContext());
}

QStringList Harness::log() const
{
    QStringList texts;
    EventLogModel *model = const_cast<Session &>(session).eventLog();
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->entry(row).text);
    return texts;
}

int Harness::logLinesContaining(const QString &text) const
{
    const QStringList lines = log();
    return int(std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(text); }));
}

QJsonObject details(const char *type, bool timedOut, const char *desc)
{
    return {{QStringLiteral("type"), QString::fromLatin1(type)},
            {QStringLiteral("timed_out"), timedOut},
            {QStringLiteral("desc"), QString::fromLatin1(desc)}};
}
