// SPDX-License-Identifier: GPL-3.0-or-later
#include "countshistory.h"

#include "store/statuscounts.h"

void CountsHistory::record(Timestamp at, const StatusCounts &counts, double eventsPerSecond)
{
    Sample sample;
    sample.at = at;
    for (int s = 0; s < StageCount; ++s)
        sample.stages[size_t(s)] = counts.stage(Stage(s));
    for (int k = 0; k < FailureKindCount; ++k)
        sample.kinds[size_t(k)] = counts.kind(FailureKind(k));
    sample.eventsPerSecond = eventsPerSecond;
    m_samples.push_back(sample);
    while (int(m_samples.size()) > m_capacity)
        m_samples.pop_front();
}

int CountsHistory::peak() const
{
    int peak = 0;
    for (const Sample &sample : m_samples) {
        for (int count : sample.stages)
            peak = std::max(peak, count);
        for (int k = 1; k < FailureKindCount; ++k)
            peak = std::max(peak, sample.kinds[size_t(k)]);
    }
    return peak;
}

double CountsHistory::peakRate() const
{
    double peak = 0;
    for (const Sample &sample : m_samples)
        peak = std::max(peak, sample.eventsPerSecond);
    return peak;
}
