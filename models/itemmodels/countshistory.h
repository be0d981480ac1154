// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/task.h"

#include <array>
#include <deque>

class StatusCounts;

// Samples of the task counts over time, for the overview charts: by stage, by failure
// kind, and the event rate. A bounded window; the oldest samples fall off.
class CountsHistory
{
public:
    struct Sample
    {
        Timestamp at = 0;
        std::array<int, StageCount> stages{};
        std::array<int, FailureKindCount> kinds{};
        double eventsPerSecond = 0;
    };

    explicit CountsHistory(int capacity = 600) : m_capacity(std::max(2, capacity)) {}

    void record(Timestamp at, const StatusCounts &counts, double eventsPerSecond);
    const std::deque<Sample> &samples() const { return m_samples; }
    // The largest count of any series in the window, for the axis range.
    int peak() const;
    double peakRate() const;

private:
    int m_capacity;
    std::deque<Sample> m_samples;
};
