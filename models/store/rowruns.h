// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>
#include <vector>

// The contiguous runs of ascending row numbers, as (first, length): one signal per run
// instead of one per row when the store and the models announce changed, new or gone rows.
inline std::vector<std::pair<int, int>> contiguousRuns(const std::vector<int> &ascendingRows)
{
    std::vector<std::pair<int, int>> runs;
    for (int row : ascendingRows) {
        if (!runs.empty() && runs.back().first + runs.back().second == row)
            ++runs.back().second;
        else
            runs.push_back({row, 1});
    }
    return runs;
}
