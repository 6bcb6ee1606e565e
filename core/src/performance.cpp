// Edge performance: the durations of every directly-follows step, gathered per edge, then summarised.
// Median and p90 follow the usual (pandas/numpy "linear") definition; stdev is the sample deviation.
#include "tabiji/performance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace tabiji {

namespace {
// Linear interpolation between closest ranks of sorted values, q in [0, 1].
double quantile_sorted(const std::vector<double>& v, double q) {
    const double pos = q * double(v.size() - 1);
    const size_t lo = size_t(std::floor(pos));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}
} // namespace

DurationStats summarize_durations(std::vector<double>& v) {
    DurationStats s;
    s.count = v.size();
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.min = v.front();
    s.max = v.back();
    // Pairwise (sorted) summation keeps the sum exact enough for the 1e-6 relative parity bound.
    s.sum = std::accumulate(v.begin(), v.end(), 0.0);
    s.mean = s.sum / double(v.size());
    s.median = quantile_sorted(v, 0.5);
    s.p90 = quantile_sorted(v, 0.9);
    if (v.size() >= 2) {
        double ss = 0;
        for (double x : v) ss += (x - s.mean) * (x - s.mean);
        s.stdev = std::sqrt(ss / double(v.size() - 1));
    }
    return s;
}

std::vector<EdgePerformance> mine_edge_performance(const EventLog& log) {
    std::vector<EdgePerformance> out;
    if (!log.has_time) return out;
    // Number the edges in (from, to) order first, so durations go straight into one vector per edge.
    std::unordered_map<uint64_t, uint32_t> edge_index;
    std::vector<std::pair<uint32_t, uint32_t>> edges;
    const uint32_t* act = log.activity.data();
    for (uint32_t c = 0; c < log.num_cases(); ++c)
        for (uint64_t i = log.case_begin(c); i + 1 < log.case_end(c); ++i) {
            const uint64_t key = (uint64_t(act[i]) << 32) | act[i + 1];
            if (edge_index.emplace(key, 0).second) edges.emplace_back(act[i], act[i + 1]);
        }
    std::sort(edges.begin(), edges.end());
    for (uint32_t k = 0; k < edges.size(); ++k)
        edge_index[(uint64_t(edges[k].first) << 32) | edges[k].second] = k;

    std::vector<std::vector<double>> durations(edges.size());
    for (uint32_t c = 0; c < log.num_cases(); ++c)
        for (uint64_t i = log.case_begin(c); i + 1 < log.case_end(c); ++i) {
            const uint32_t k = edge_index[(uint64_t(act[i]) << 32) | act[i + 1]];
            durations[k].push_back(double(log.time[i + 1] - log.time[i]) / 1e6);
        }
    out.reserve(edges.size());
    for (uint32_t k = 0; k < edges.size(); ++k)
        out.push_back({edges[k].first, edges[k].second, summarize_durations(durations[k])});
    return out;
}

} // namespace tabiji
