// SPDX-License-Identifier: GPL-3.0-or-later
// Evergreen's decoders: task lists, builds, annotations, Link headers and the raw record.
// The first byte picks the decoder (and, for annotations, the execution).
#include "fuzzsupport.h"

#include "backends/evergreen/evergreenparser.h"

#include <QUrl>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::Input input(data, size);
    const quint8 selector = input.takeByte();
    const QByteArray body = input.rest().toByteArray();
    switch (selector % 5) {
    case 0: {
        const auto list = EvergreenParser::parseTasks(body);
        Fuzz::check(list.error.isEmpty() || list.tasks.isEmpty(), "an unreadable answer still has tasks");
        break;
    }
    case 1:
        EvergreenParser::parseBuilds(body);
        break;
    case 2:
        EvergreenParser::parseAnnotations(body, int(selector >> 3) - 1);
        break;
    case 3: {
        static const QUrl base(QStringLiteral("https://evergreen.example.com/rest/v2/versions/v1/tasks"));
        const QUrl next = EvergreenParser::nextLink(body, base);
        Fuzz::check(!next.isValid() || !next.isRelative(), "a next link that is not absolute");
        break;
    }
    case 4: {
        bool ok = false;
        const QString text = EvergreenParser::prettyJson(body, &ok);
        Fuzz::check(ok || !text.isEmpty(), "unreadable, and no reason given");
        break;
    }
    }
    return 0;
}
