// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/evergreen/evergreensystem.h"
#include "system/backend.h"

// A backend driven by the test: it records what the session asks of it and lets the test
// decide what the server "answers".
class FakeBackend final : public Backend
{
    Q_OBJECT

public:
    explicit FakeBackend(SystemId source = EvergreenSystem::id(), QObject *parent = nullptr)
        : Backend(parent)
        , m_source(source)
    {
    }

    SystemId system() const override { return m_source; }
    QString displayName() const override { return QStringLiteral("fake %1").arg(connectionId()); }
    void start() override { ++starts; }
    void stop() override { ++stops; }
    void perform(const ActionRequest &request) override
    {
        requests.append(request);
        if (answerAtOnce)
            answer(request, true);   // before perform() returns, as a synchronous client could
    }
    QList<std::pair<TaskAction, QString>> unsupportedActions() const override { return unsupported; }
    qint64 retentionMs() const override { return retention; }

    // What the test makes the "server" say.
    void sendBatch(const TaskBatch &batch) { emitBatch(batch); }
    void sendSnapshot(const TaskSnapshot &snapshot) { emitSnapshot(snapshot); }
    void sendStatus(const ConnectionStatus &status) { setConnectionStatus(status); }
    void answer(const ActionRequest &request, bool ok, const QString &message = {}, int status = 200)
    {
        ActionOutcome outcome;
        outcome.requestId = request.id;
        outcome.action = request.action;
        for (const QByteArray &id : request.taskIds)
            outcome.results.append(ActionResult{id, ok, status, message, false, {}});
        emit actionFinished(outcome);
    }

    QList<ActionRequest> requests;
    QList<std::pair<TaskAction, QString>> unsupported;
    qint64 retention = 0;
    bool answerAtOnce = false;
    int starts = 0;
    int stops = 0;

private:
    SystemId m_source;
};
