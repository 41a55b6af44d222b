// SPDX-License-Identifier: GPL-3.0-or-later
// The timing the case-store benchmarks share (bench_queries, bench_replay, bench_stitch): the median wall time of a
// query run `runs` times in a row (warm cache). Benchmark code only; the calling thread.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <algorithm>
#include <functional>

namespace Deck::Bench {

// Milliseconds; -1 when a run of `query` returned false (it failed).
inline double medianMs(int runs, const std::function<bool()> &query)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!query())
            return -1;
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace Deck::Bench
