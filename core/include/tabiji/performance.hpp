// Times on the journey graph: for every directly-follows step, the durations ts(to) - ts(from).
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

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
// Over the kept cases and events of a view (steps between consecutive kept events).
std::vector<EdgePerformance> mine_edge_performance(const EventLog& log, const LogView& view);

// Per touchpoint (indexed by activity id): "time to next step", the durations from each of its events to
// the next kept event of the same case (the last event of a case has no next step). Empty without time.
std::vector<DurationStats> mine_time_to_next(const EventLog& log, const LogView& view);

// Case durations (throughput time): last - first kept timestamp of every case of the view, in seconds.
struct CaseDurations {
    std::vector<uint32_t> cases;      // case numbers, log order
    std::vector<double> seconds;      // per entry of `cases`
    DurationStats stats;              // over `seconds`
    std::vector<double> bin_edges;    // ascending, seconds
    std::vector<uint64_t> bin_counts; // bin k: bin_edges[k] <= s < bin_edges[k + 1] (last bin open above)
};

// Fixed edges: 0, 1 min, 5 min, 15 min, 1 h, 4 h, 1 d, 3 d, 7 d, 30 d, 90 d.
const std::vector<double>& default_duration_bin_edges();

// Empty (no cases) when the log has no timestamps.
CaseDurations mine_case_durations(const EventLog& log, const LogView& view,
                                  const std::vector<double>& bin_edges = default_duration_bin_edges());

// Statistics of a list of values (the values are reordered).
DurationStats summarize_durations(double* begin, double* end);
inline DurationStats summarize_durations(std::vector<double>& seconds) {
    return summarize_durations(seconds.data(), seconds.data() + seconds.size());
}

} // namespace tabiji
