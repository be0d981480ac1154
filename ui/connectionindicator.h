// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "system/connectionstatus.h"

#include <QLabel>

// One connection in the status bar: a coloured dot and "Live", "Reconnecting in 4 s
// (attempt 3)", "Polling every 30 s · last at 12:04:31" or "Stale since 12:04".
class ConnectionIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    ConnectionIndicator(const QString &name, QWidget *parent = nullptr);

    void setStatus(const ConnectionStatus &status);
    const ConnectionStatus &status() const { return m_status; }
    // Countdowns and "last at" move on; call once a second.
    void refresh();

private:
    QString m_name;
    ConnectionStatus m_status;
};
