// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/backend.h"

#include <QObject>

class MarathonHttp;
struct HttpOutcome;

// Kill, Kill & scale, Kill & wipe and Restart app (reference §3), each answered with one
// result per task. A 409 (a deployment holds the app) comes back forceable, so the user can
// be offered to retry with force=true, which cancels that deployment. A successful kill is
// not shown as killed here: the event stream reports TASK_KILLING and TASK_KILLED when they
// happen.
class MarathonActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarathonActions)

public:
    explicit MarathonActions(MarathonHttp *http, QObject *parent = nullptr);

    void perform(const ActionRequest &request);

signals:
    void finished(const ActionOutcome &outcome);

private:
    void kill(const ActionRequest &request);
    void restartApps(const ActionRequest &request);
    static ActionResult failure(const QByteArray &taskId, const HttpOutcome &outcome, bool forced);

    MarathonHttp *m_http;
};
