// Times on the journey graph: the durations of every directly-follows step, gathered per edge (and per
// source touchpoint for "time to next step"), then summarised; case durations with a histogram.
// Median and p90 follow the usual (pandas/numpy "linear") definition; stdev is the sample deviation.
#include "tabiji/performance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace tabiji {

namespace {

// Quantile q in [0, 1] by linear interpolation between the closest ranks (numpy/pandas "linear"), found by
// selection instead of a sort: nth_element puts the rank-lo value in place, and the rank-lo+1 value is
// the smallest of those after it. Exactly the values a full sort would give, in linear time.
double quantile_select(double* v, size_t n, double q) {
    const double pos = q * double(n - 1);
    const size_t lo = size_t(std::floor(pos));
    std::nth_element(v, v + lo, v + n);
    const double a = v[lo];
    if (lo + 1 >= n || pos == double(lo)) return a;
    const double b = *std::min_element(v + lo + 1, v + n);
    return a + (b - a) * (pos - double(lo));
}

constexpr uint32_t kDenseLimit = 2048;
constexpr uint32_t kNoEdge = 0xffffffffu;

// Calls f(from, to, microseconds) for every directly-follows step of the view.
template <class F>
void for_each_step(const EventLog& log, const LogView& view, F&& f) {
    for_each_case(log, view, [&](const CaseEvents& ce) {
        for (uint64_t i = 0; i + 1 < ce.size; ++i)
            f(ce.activity[i], ce.activity[i + 1], ce.time[i + 1] - ce.time[i]);
    });
}

// Durations grouped by a key in [0, groups) and summarised per group. walk(emit) must call
// emit(key, seconds) for every value, the same way both times it is called (a counting sort by key puts
// all values in one array).
template <class Walk>
std::vector<DurationStats> grouped_stats(size_t groups, Walk&& walk) {
    std::vector<uint64_t> offset(groups + 1, 0);
    walk([&](size_t k, double) { ++offset[k + 1]; });
    for (size_t k = 0; k < groups; ++k) offset[k + 1] += offset[k];
    std::vector<double> durations(offset.back());
    std::vector<uint64_t> cursor(offset.begin(), offset.end() - 1);
    walk([&](size_t k, double s) { durations[cursor[k]++] = s; });
    std::vector<DurationStats> out(groups);
    for (size_t k = 0; k < groups; ++k)
        out[k] = summarize_durations(durations.data() + offset[k], durations.data() + offset[k + 1]);
    return out;
}

} // namespace

DurationStats summarize_durations(double* begin, double* end) {
    DurationStats s;
    const size_t n = size_t(end - begin);
    s.count = n;
    if (n == 0) return s;
    const auto [lo, hi] = std::minmax_element(begin, end);
    s.min = *lo;
    s.max = *hi;
    s.sum = std::accumulate(begin, end, 0.0);
    s.mean = s.sum / double(n);
    s.median = quantile_select(begin, n, 0.5);
    s.p90 = quantile_select(begin, n, 0.9);
    if (n >= 2) {
        double ss = 0;
        for (const double* x = begin; x != end; ++x) ss += (*x - s.mean) * (*x - s.mean);
        s.stdev = std::sqrt(ss / double(n - 1));
    }
    return s;
}

std::vector<EdgePerformance> mine_edge_performance(const EventLog& log) {
    return mine_edge_performance(log, LogView{});
}

std::vector<EdgePerformance> mine_edge_performance(const EventLog& log, const LogView& view) {
    std::vector<EdgePerformance> out;
    if (!log.has_time) return out;
    const uint32_t A = log.num_activities();

    // Edge numbers in (from, to) order, from a dense table when the alphabet is small.
    const bool dense = A <= kDenseLimit;
    std::vector<uint32_t> table(dense ? size_t(A) * A : 0, kNoEdge);
    std::unordered_map<uint64_t, uint32_t> sparse;
    std::vector<std::pair<uint32_t, uint32_t>> edges;
    for_each_step(log, view, [&](uint32_t a, uint32_t b, Micros) {
        if (dense) {
            uint32_t& slot = table[size_t(a) * A + b];
            if (slot == kNoEdge) slot = 0, edges.emplace_back(a, b);
        } else if (sparse.emplace((uint64_t(a) << 32) | b, 0).second) {
            edges.emplace_back(a, b);
        }
    });
    std::sort(edges.begin(), edges.end());
    for (uint32_t k = 0; k < edges.size(); ++k) {
        if (dense)
            table[size_t(edges[k].first) * A + edges[k].second] = k;
        else
            sparse[(uint64_t(edges[k].first) << 32) | edges[k].second] = k;
    }
    auto edge_of = [&](uint32_t a, uint32_t b) {
        return dense ? table[size_t(a) * A + b] : sparse.find((uint64_t(a) << 32) | b)->second;
    };

    const auto stats = grouped_stats(edges.size(), [&](auto&& emit) {
        for_each_step(log, view,
                      [&](uint32_t a, uint32_t b, Micros d) { emit(edge_of(a, b), double(d) / 1e6); });
    });
    out.reserve(edges.size());
    for (uint32_t k = 0; k < edges.size(); ++k) out.push_back({edges[k].first, edges[k].second, stats[k]});
    return out;
}

std::vector<DurationStats> mine_time_to_next(const EventLog& log, const LogView& view) {
    if (!log.has_time) return {};
    return grouped_stats(log.num_activities(), [&](auto&& emit) {
        for_each_step(log, view, [&](uint32_t a, uint32_t, Micros d) { emit(a, double(d) / 1e6); });
    });
}

const std::vector<double>& default_duration_bin_edges() {
    static const std::vector<double> edges = {0,     60,     300,    900,     3600,   4 * 3600,
                                              86400, 259200, 604800, 2592000, 7776000};
    return edges;
}

CaseDurations mine_case_durations(const EventLog& log, const LogView& view,
                                  const std::vector<double>& bin_edges) {
    CaseDurations out;
    out.bin_edges = bin_edges;
    if (!log.has_time) return out;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        out.cases.push_back(ce.case_index);
        out.seconds.push_back(double(ce.time[ce.size - 1] - ce.time[0]) / 1e6);
    });
    out.bin_counts.assign(bin_edges.size(), 0);
    for (double s : out.seconds) {
        // Bin k holds edges[k] <= s < edges[k + 1]; the last bin is open above; below edges[0]: bin 0.
        const auto it = std::upper_bound(bin_edges.begin(), bin_edges.end(), s);
        if (!bin_edges.empty())
            ++out.bin_counts[it == bin_edges.begin() ? 0 : size_t(it - bin_edges.begin()) - 1];
    }
    std::vector<double> sorted = out.seconds;
    out.stats = summarize_durations(sorted);
    return out;
}

} // namespace tabiji
