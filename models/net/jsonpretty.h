// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

// Indents JSON text for people, within bounds: the details pane (and the CLI) show raw
// records that a server, or an attacker behind it, chose. A record nested 100,000 deep would
// overflow the stack of any recursive printer, and its indented form grows with the square
// of the depth; so this printer never recurses, refuses records deeper than maxDepth with a
// sentence saying so, and cuts its output at maxOutputBytes with a note. It works on the
// text, token by token, and keeps strings and numbers exactly as they were written.
namespace JsonPretty {

struct Limits
{
    int maxDepth = 200;
    qsizetype maxOutputBytes = 2 * 1024 * 1024;
    int indent = 2;
};

// The deepest nesting of arrays and objects, strings skipped; no validation.
int depth(QByteArrayView json);

// "record too deep to show: N levels (taskmon shows up to M)".
QString tooDeep(int levels, const Limits &limits = {});

// The indented text, or on input that is not JSON (or too deep) the reason, with ok false.
// Invalid UTF-8 is shown as U+FFFD.
QString format(QByteArrayView json, bool *ok = nullptr, const Limits &limits = {});

} // namespace JsonPretty
