// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8repair.h"

#include <QString>

namespace {
constexpr QByteArrayView replacement("\xEF\xBF\xBD");

qsizetype countReplacements(QByteArrayView bytes)
{
    qsizetype count = 0;
    for (qsizetype at = bytes.indexOf(replacement); at >= 0; at = bytes.indexOf(replacement, at + 3))
        ++count;
    return count;
}
} // namespace

Utf8Repair::Result Utf8Repair::repair(QByteArrayView input)
{
    if (input.isValidUtf8())
        return {};
    // QString's decoder already follows the Unicode rule for replacing ill-formed sequences
    // (one U+FFFD per maximal invalid subpart); the round trip is only paid for bad input.
    Result result;
    result.repaired = QString::fromUtf8(input).toUtf8();
    // U+FFFD the server sent itself is not a repair.
    result.replaced = std::max<qsizetype>(1, countReplacements(result.repaired) - countReplacements(input));
    return result;
}
