// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "internedstring.h"

#include <functional>
#include <vector>

// Keeps the pool of InternedString bounded. Interning is cheap and lock-free to read because
// a string is never changed while anyone holds its id; so the pool cannot count references
// per copy. Instead its owner (the session, which knows every store) compacts it from time
// to time: it marks every string it still holds, and the pool frees the others and gives
// their ids to new strings. Strings interned since the previous compaction are never freed,
// so a parser that interned them on a worker thread and has not handed them over yet loses
// nothing, provided that hand-over takes less than one compaction interval.
namespace InternPool {

class Marks
{
public:
    void keep(InternedString string)
    {
        if (string.id() < m_kept.size())
            m_kept[string.id()] = true;
    }

private:
    friend struct Access;
    std::vector<bool> m_kept;
};

struct Compaction
{
    quint32 freed = 0;
    quint32 live = 0;   // strings left, the empty one included
};

// markLiveStrings runs under the pool's lock and must not intern anything itself.
Compaction compact(const std::function<void(Marks &)> &markLiveStrings);

// Strings held now, the empty one included (InternedString::poolSize() says the same).
quint32 liveCount();

// Changes with each compaction that freed something: caches keyed by id (TaskQuery's memo)
// must be cleared when it does.
quint32 generation();

} // namespace InternPool
