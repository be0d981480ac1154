// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded pretty-printer of raw records: any bytes give text within the limits, never a
// crash or a stack overflow, and accepted JSON comes out as JSON again.
#include "fuzzsupport.h"

#include "net/jsonpretty.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::Input input(data, size);
    const quint8 control = input.takeByte();
    // Small limits, so that short inputs reach the depth and size caps.
    JsonPretty::Limits limits;
    limits.maxDepth = 1 + (control & 0x1F);
    limits.maxOutputBytes = 16 + qsizetype(control >> 5) * 512;
    bool ok = false;
    const QString text = JsonPretty::format(input.rest(), &ok, limits);
    Fuzz::check(!text.isEmpty(), "no text at all");
    if (ok) {
        // The note after a cut is at most a few hundred characters.
        Fuzz::check(text.size() <= limits.maxOutputBytes + 400, "output past its cap");
        Fuzz::check(JsonPretty::depth(text.toUtf8()) <= limits.maxDepth, "printed deeper than allowed");
    }
    return 0;
}
