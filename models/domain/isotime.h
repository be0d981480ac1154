// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "task.h"

#include <QByteArrayView>
#include <QString>

namespace IsoTime {
// Parses the ISO-8601 UTC times both APIs send ("2015-09-30T12:47:11.286Z", with or without
// fraction, "Z" or "+hh:mm"). A fast path handles those without allocating; anything else
// goes through QDateTime. Returns 0 for empty, null or unparsable input.
Timestamp parse(QByteArrayView text);
QString format(Timestamp ms);   // "2015-09-30T12:47:11.286Z"; empty for 0
Timestamp now();
}
