// Times on the journey graph: for every directly-follows step, the durations ts(to) - ts(from).
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

// Summary of a set of durations, in seconds.
struct DurationStats {
    uint64_t count = 0;
    double mean = 0, median = 0, min = 0, max = 0, sum = 0;
    double stdev = 0; // sample standard deviation (n - 1); meaningless when count < 2
    double p90 = 0;   // 90th percentile, linear interpolation between closest ranks
    bool has_stdev() const { return count >= 2; }
};

struct EdgePerformance {
    uint32_t from = 0, to = 0;
    DurationStats stats;
};

// One entry per DFG edge, sorted by (from, to). Empty when the log has no timestamps.
std::vector<EdgePerformance> mine_edge_performance(const EventLog& log);

// Statistics of a list of values (the list is reordered).
DurationStats summarize_durations(std::vector<double>& seconds);

} // namespace tabiji
