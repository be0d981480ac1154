// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// nlohmann/json rejects a whole document for one ill-formed UTF-8 sequence in a string,
// which would drop an event or a whole listing for a byte. Decoders pass their input through
// here first: valid input (the usual case) costs one validation pass and no copy; invalid
// input is copied once with each bad sequence replaced by U+FFFD, as QString decodes it.
namespace Utf8Repair {

struct Result
{
    QByteArray repaired;      // empty when the input needed no repair
    qsizetype replaced = 0;   // bad sequences replaced

    bool wasRepaired() const { return replaced > 0; }
    // What to parse: the repaired copy, or the input itself.
    QByteArrayView text(QByteArrayView input) const { return wasRepaired() ? QByteArrayView(repaired) : input; }
};

Result repair(QByteArrayView input);

} // namespace Utf8Repair
