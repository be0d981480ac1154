// SPDX-License-Identifier: GPL-3.0-or-later
// Error bodies and Retry-After: the server's message from any body, snippets, and the
// Retry-After value as seconds or an HTTP date (UBSan watches the arithmetic).
#include "fuzzsupport.h"

#include "net/httpreply.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::Input input(data, size);
    const quint8 selector = input.takeByte();
    const QByteArray bytes = input.rest().toByteArray();
    switch (selector % 3) {
    case 0: {
        const QString message = HttpReply::serverMessage(bytes);
        Fuzz::check(message.size() <= 1000 + 1, "a server message longer than its cap");
        break;
    }
    case 1: {
        const int maxChars = 1 + (selector >> 2);
        const QString text = HttpReply::snippet(bytes, maxChars);
        Fuzz::check(text.size() <= maxChars + 1, "a snippet longer than asked");
        break;
    }
    case 2: {
        // A fixed "now" keeps a reproducer's result the same on every run.
        const qint64 now = 1445412390000;   // 2015-10-21T07:26:30Z
        const RetryAfter wait = HttpReply::parseRetryAfter(bytes, now);
        Fuzz::check(wait.ms >= 0, "a negative wait");
        Fuzz::check(wait.valid() || wait.ms == 0, "an invalid value with a wait");
        break;
    }
    }
    return 0;
}
