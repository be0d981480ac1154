// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"
#include "democluster.h"

#include <QElapsedTimer>
#include <QTimer>

// The built-in demo: a DemoCluster advanced on a timer, reported like a live connection.
class DemoBackend final : public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoBackend)

public:
    explicit DemoBackend(const DemoConfig &config = {}, QObject *parent = nullptr);

    // Reports tasks of both systems it simulates, so it stands for neither.
    SystemId system() const override { return NoSystem; }
    QString displayName() const override;
    void start() override;
    void stop() override;
    void perform(const ActionRequest &request) override;
    void fetchRawRecord(const QByteArray &taskId) override;
    qint64 retentionMs() const override { return m_config.retentionMs; }


private:
    void tick();

    DemoConfig m_config;
    DemoCluster m_cluster;
    QTimer m_timer;
    double m_eventCredit = 0;
    bool m_populated = false;
};
