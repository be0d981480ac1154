// SPDX-License-Identifier: GPL-3.0-or-later
// Marathon's decoders: listings, events, action answers and the raw record. The first byte
// picks the decoder; for events the frame's event name runs up to the first newline.
#include "fuzzsupport.h"

#include "backends/marathon/marathonparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::Input input(data, size);
    switch (input.takeByte() % 5) {
    case 0: {
        const auto listing = MarathonParser::parseTasks(input.rest());
        Fuzz::check(listing.error.isEmpty() || listing.tasks.isEmpty(), "a rejected listing still has tasks");
        for (const Task &task : listing.tasks)
            Fuzz::check(!task.id.isEmpty(), "a listed task has no id");
        break;
    }
    case 1: {
        const QByteArrayView name = input.takeUntil('\n');
        const MarathonParser::Event event = MarathonParser::parseEvent(name, input.rest());
        Fuzz::check(event.kind != MarathonParser::Event::Kind::Malformed || !event.error.isEmpty(),
                    "a malformed event does not say why");
        break;
    }
    case 2:
        MarathonParser::killedIds(input.rest());
        break;
    case 3:
        MarathonParser::deploymentId(input.rest());
        break;
    case 4: {
        const QByteArrayView id = input.takeUntil('\n');
        QString error;
        const QString text = MarathonParser::prettyTask(input.rest(), id, &error);
        Fuzz::check(!text.isEmpty() || !error.isEmpty(), "no record and no reason");
        break;
    }
    }
    return 0;
}
