// Two segments side by side with a two-proportion z-test per touchpoint and edge (definition in
// segment_compare.hpp).
#include "tabiji/segment_compare.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace tabiji {

ProportionTest two_proportion_test(uint64_t a_cases, uint64_t a_total, uint64_t b_cases, uint64_t b_total) {
    ProportionTest t{a_cases, a_total, b_cases, b_total};
    t.a_share = a_total ? double(a_cases) / double(a_total) : 0.0;
    t.b_share = b_total ? double(b_cases) / double(b_total) : 0.0;
    t.diff = t.b_share - t.a_share;
    if (!a_total || !b_total) return t;
    const double p = double(a_cases + b_cases) / double(a_total + b_total);
    const double se = std::sqrt(p * (1 - p) * (1.0 / double(a_total) + 1.0 / double(b_total)));
    if (se <= 0) return t;
    t.z = t.diff / se;
    t.p_value = std::erfc(std::fabs(t.z) / std::sqrt(2.0));
    t.significant = t.p_value < 0.05;
    return t;
}

namespace {

// Per segment: cases per touchpoint / edge (each case once) and the durations.
struct Side {
    uint64_t cases = 0;
    std::map<std::pair<uint32_t, uint32_t>, uint64_t> case_count; // (t, t) touchpoints; (from, to) edges
    std::map<std::pair<uint32_t, uint32_t>, std::vector<double>> seconds;
    std::map<std::pair<uint32_t, uint32_t>, uint64_t> edge_case_count;
};

Side collect(const EventLog& log, const LogView& view, const TouchpointMap& map) {
    Side s;
    std::vector<uint64_t> seen_tp(map.size(), ~uint64_t(0));
    std::map<std::pair<uint32_t, uint32_t>, uint64_t> seen_edge;
    for_each_journey(log, view, map, [&](const Journey& j) {
        const uint64_t id = s.cases++;
        for (uint64_t i = 0; i < j.size; ++i) {
            const uint32_t t = j.touchpoint[i];
            if (seen_tp[t] != id) {
                seen_tp[t] = id;
                ++s.case_count[{t, t}];
            }
            if (i + 1 == j.size) continue;
            const std::pair<uint32_t, uint32_t> e{t, j.touchpoint[i + 1]};
            const double d = double(j.time[i + 1] - j.time[i]) / 1e6;
            if (log.has_time) {
                s.seconds[{t, t}].push_back(d);
                s.seconds[{e.first | 0x80000000u, e.second}].push_back(d);
            }
            auto [it, fresh] = seen_edge.try_emplace(e, id);
            if (fresh || it->second != id) {
                it->second = id;
                ++s.edge_case_count[e];
            }
        }
    });
    return s;
}

SegmentItem item(uint32_t from, uint32_t to, uint64_t a, uint64_t b, const Side& sa, const Side& sb,
                 std::pair<uint32_t, uint32_t> time_key) {
    SegmentItem it;
    it.from = from;
    it.to = to;
    it.share = two_proportion_test(a, sa.cases, b, sb.cases);
    auto stats = [&](const Side& s) {
        auto found = s.seconds.find(time_key);
        if (found == s.seconds.end()) return DurationStats{};
        std::vector<double> v = found->second;
        return summarize_durations(v);
    };
    it.a_time = stats(sa);
    it.b_time = stats(sb);
    it.median_diff = it.a_time.count && it.b_time.count ? it.b_time.median - it.a_time.median
                                                        : std::numeric_limits<double>::quiet_NaN();
    return it;
}

} // namespace

SegmentComparison compare_segments(const EventLog& log, const LogView& a, const LogView& b,
                                   const TouchpointMap& map) {
    const Side sa = collect(log, a, map), sb = collect(log, b, map);
    SegmentComparison out;
    out.a_cases = sa.cases;
    out.b_cases = sb.cases;
    auto count = [](const auto& m, const auto& k) {
        auto it = m.find(k);
        return it == m.end() ? uint64_t(0) : it->second;
    };
    std::map<std::pair<uint32_t, uint32_t>, int> keys;
    for (const auto& [k, c] : sa.case_count) keys[k];
    for (const auto& [k, c] : sb.case_count) keys[k];
    for (const auto& [k, unused] : keys)
        out.touchpoints.push_back(
            item(k.first, k.first, count(sa.case_count, k), count(sb.case_count, k), sa, sb, k));
    keys.clear();
    for (const auto& [k, c] : sa.edge_case_count) keys[k];
    for (const auto& [k, c] : sb.edge_case_count) keys[k];
    for (const auto& [k, unused] : keys)
        out.edges.push_back(item(k.first, k.second, count(sa.edge_case_count, k),
                                 count(sb.edge_case_count, k), sa, sb, {k.first | 0x80000000u, k.second}));
    return out;
}

} // namespace tabiji
