// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// How a duration reads everywhere: the table, the details pane, the status bar, taskmon-cli
// and the systems' own messages.
namespace Duration {
// "45 s", "12 min", "3 h 12 min", "2 d 4 h"; empty for negative input.
QString text(qint64 milliseconds);
}
