// bench_mining: timings of the interactive mining engine, printed as one JSON line.
//   bench_mining LOG.csv [--repeat N] [--replicate K]
// - filter_*_dfg_s: a filter chain applied to the loaded log, then the DFG of the view (what a UI does when
//   a filter changes; target <= 50 ms at 1e6 events); filter_attribute_dfg_s keeps the journeys with a
//   given value of the first event-level string attribute (null when the log has none);
// - mine_log_s: DFG + variants + edge performance on the log itself, one after the other;
// - simplify_*: MapSimplifier ranking and one slider move, on the log's DFG and on a seeded 1000-touchpoint
//   random DFG;
// - big_*: DFG + variants + edge performance on K copies of the log (distinct case ids) held in memory
//   (K = 10 on a 1e6-event log gives 1e7 events; target <= 1 s on 2 cores), sequentially and with the
//   three miners on two threads (DFG and performance on one, variants on the other: each miner is
//   single-threaded and deterministic, so the results do not depend on the schedule). The WebAssembly
//   build (for Node, bench/CMakeLists.txt) has no threads: there big_two_threads_s is null.
// Each timing is the best of N runs.
#include "timing.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/simplify.hpp"
#include "tabiji/variants.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

using namespace tabiji;
using namespace tabiji::bench;

namespace {

// K copies of the log's cases, case ids suffixed "#k".
EventLog replicate(const EventLog& log, int k) {
    EventLog big;
    big.source = log.source + " x" + std::to_string(k);
    for (uint32_t a = 0; a < log.num_activities(); ++a) big.activities.intern(log.activities.view(a));
    big.has_time = log.has_time;
    big.activity.reserve(log.num_events() * k);
    big.time.reserve(log.num_events() * k);
    big.case_offsets.reserve(size_t(log.num_cases()) * k + 1);
    for (int copy = 0; copy < k; ++copy) {
        for (uint32_t c = 0; c < log.num_cases(); ++c) {
            big.cases.intern(std::string(log.cases.view(c)) + "#" + std::to_string(copy));
            big.case_offsets.push_back(big.case_offsets.back() + (log.case_end(c) - log.case_begin(c)));
        }
        big.activity.insert(big.activity.end(), log.activity.begin(), log.activity.end());
        big.time.insert(big.time.end(), log.time.begin(), log.time.end());
    }
    return big;
}

Dfg random_dfg(uint32_t n, uint32_t out_degree, uint64_t seed) {
    std::mt19937_64 rng(seed);
    Dfg g;
    g.num_activities = n;
    g.events.assign(n, 0);
    g.cases.assign(n, 0);
    g.starts.assign(n, 0);
    g.ends.assign(n, 0);
    for (uint32_t a = 0; a < n; ++a)
        for (uint32_t j = 0; j < out_degree; ++j)
            g.edges.push_back({a, uint32_t(rng() % n), 1 + rng() % 1000, 1});
    std::sort(g.edges.begin(), g.edges.end(), [](const DfgEdge& x, const DfgEdge& y) {
        return x.from != y.from ? x.from < y.from : x.to < y.to;
    });
    g.edges.erase(
        std::unique(g.edges.begin(), g.edges.end(),
                    [](const DfgEdge& x, const DfgEdge& y) { return x.from == y.from && x.to == y.to; }),
        g.edges.end());
    for (const DfgEdge& e : g.edges) g.events[e.from] += e.count, g.cases[e.from] += e.count;
    for (uint32_t a = 0; a < n; ++a) g.events[a] += 1, g.cases[a] += 1;
    g.starts[0] = g.starts[1] = 100;
    g.ends[n - 1] = g.ends[n - 2] = 100;
    return g;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_mining LOG.csv [--repeat N] [--replicate K]\n");
        return 2;
    }
    const std::string path = argv[1];
    int repeat = 5, copies = 10;
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--replicate") == 0) copies = std::max(1, std::atoi(argv[i + 1]));
    }
    const EventLog log = read_csv_file(path, {});

    // The most frequent start touchpoint, for a realistic case filter.
    const Dfg full = mine_dfg(log);
    const uint32_t top_start =
        uint32_t(std::max_element(full.starts.begin(), full.starts.end()) - full.starts.begin());
    const std::string start_name(log.activities.view(top_start));
    Micros t_min = log.time.empty() ? 0 : *std::min_element(log.time.begin(), log.time.end());
    Micros t_max = log.time.empty() ? 0 : *std::max_element(log.time.begin(), log.time.end());

    auto time_chain = [&](TimeFrameMode mode) {
        FilterChain c;
        c.filters = {TimeFrameFilter{mode, t_min + (t_max - t_min) / 4, t_max - (t_max - t_min) / 4}};
        return c;
    };
    FilterChain cases_chain;
    cases_chain.filters = {EndpointFilter{Endpoint::start, {start_name}, true}, CaseSizeFilter{3, 50}};
    FilterChain variants_chain;
    variants_chain.filters = {VariantFilter{0, 80}};

    Dfg dfg;
    auto filter_then_dfg = [&](const FilterChain& c) {
        return best_of(repeat, [&] { dfg = mine_dfg(log, apply_filters(log, c)); });
    };
    const double t_cases = filter_then_dfg(cases_chain);
    const uint32_t cases_kept = dfg.num_cases;
    const double t_time_cases = filter_then_dfg(time_chain(TimeFrameMode::intersecting));
    const double t_time_events = filter_then_dfg(time_chain(TimeFrameMode::events));
    const uint64_t events_kept = dfg.num_events;
    const double t_variants = filter_then_dfg(variants_chain);
    // An attribute filter: journeys with the first value of the first event-level string attribute.
    std::string t_attribute = "null";
    for (const AttributeColumn& c : log.event_attributes) {
        if (c.type != AttrType::string || c.strings.size() < 2) continue;
        FilterChain attribute_chain;
        attribute_chain.filters = {
            AttributeFilter{c.name, MatchMode::keep_cases, {std::string(c.strings.view(1))}, {}, {}, false}};
        t_attribute = std::to_string(filter_then_dfg(attribute_chain));
        break;
    }

    Dfg md;
    std::vector<Variant> mv;
    std::vector<EdgePerformance> mp;
    const double t_mine_log = best_of(repeat, [&] {
        md = mine_dfg(log);
        mv = mine_variants(log);
        mp = mine_edge_performance(log);
    });

    double t_rank_log = 0, t_move_log = 0;
    {
        t_rank_log = best_of(repeat, [&] { MapSimplifier s(full, log.activities); });
        const MapSimplifier s(full, log.activities);
        t_move_log = best_of(repeat * 20, [&] { s.simplify(40, 20); });
    }
    const Dfg thousand = random_dfg(1000, 10, 1);
    StringPool names;
    for (uint32_t a = 0; a < 1000; ++a) names.intern("t" + std::to_string(a));
    const double t_rank_1000 = best_of(repeat, [&] { MapSimplifier s(thousand, names); });
    const MapSimplifier s1000(thousand, names);
    const double t_move_1000 = best_of(repeat * 20, [&] { s1000.simplify(60, 10); });

    const EventLog big = replicate(log, copies);
    Dfg bd;
    std::vector<Variant> bv;
    std::vector<EdgePerformance> bp;
    const int big_repeat = std::max(1, repeat / 2);
    const double t_big_dfg = best_of(big_repeat, [&] { bd = mine_dfg(big); });
    const double t_big_var = best_of(big_repeat, [&] { bv = mine_variants(big); });
    const double t_big_perf = best_of(big_repeat, [&] { bp = mine_edge_performance(big); });
#ifdef __EMSCRIPTEN__
    const std::string t_big_two = "null";
#else
    const std::string t_big_two = std::to_string(best_of(big_repeat, [&] {
        std::thread other([&] { bv = mine_variants(big); });
        bd = mine_dfg(big);
        bp = mine_edge_performance(big);
        other.join();
    }));
#endif

    std::printf(
        "{\"log\": \"%s\", \"events\": %llu, \"cases\": %u, \"activities\": %u, "
        "\"filter_start_and_size_dfg_s\": %.4f, \"cases_kept\": %u, "
        "\"filter_time_intersecting_dfg_s\": %.4f, \"filter_time_events_dfg_s\": %.4f, "
        "\"events_kept\": %llu, \"filter_variant_coverage80_dfg_s\": %.4f, \"filter_attribute_dfg_s\": %s, "
        "\"mine_log_s\": %.4f, \"edges\": %zu, \"variants\": %zu, "
        "\"simplify_rank_log_dfg_s\": %.6f, \"simplify_move_log_dfg_s\": %.6f, "
        "\"simplify_rank_1000_s\": %.6f, \"simplify_move_1000_s\": %.6f, \"edges_1000\": %zu, "
        "\"big_events\": %llu, \"big_dfg_s\": %.4f, \"big_variants_s\": %.4f, \"big_performance_s\": %.4f, "
        "\"big_sequential_s\": %.4f, \"big_two_threads_s\": %s}\n",
        path.c_str(), (unsigned long long)log.num_events(), log.num_cases(), log.num_activities(), t_cases,
        cases_kept, t_time_cases, t_time_events, (unsigned long long)events_kept, t_variants,
        t_attribute.c_str(), t_mine_log, md.edges.size(), mv.size(), t_rank_log, t_move_log, t_rank_1000,
        t_move_1000, thousand.edges.size(), (unsigned long long)big.num_events(), t_big_dfg, t_big_var,
        t_big_perf, t_big_dfg + t_big_var + t_big_perf, t_big_two.c_str());
    return 0;
}
