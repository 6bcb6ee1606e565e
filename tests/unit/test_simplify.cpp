// Map simplification (the activities % and paths % sliders): each rule of simplify.hpp on a hand-made
// DFG, and the reachability invariant on seeded random DFGs.
#include "tabiji/simplify.hpp"
#include "unit/dfg_builder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace tabiji;
using tabiji::test::HandDfg;

namespace {

// S -> A 8, S -> B 2, A -> B 4, A -> E 4, B -> C 3, B -> E 3, C -> E 3; 10 cases start at S, end at E.
// Events: S 10, A 8, B 6, C 3, E 10. Edge ranks (count, then source, then target name):
//   0 S->A 8, 1 A->B 4, 2 A->E 4, 3 B->C 3, 4 B->E 3, 5 C->E 3, 6 S->B 2.
HandDfg five() {
    return HandDfg({"S", "A", "B", "C", "E"},
                   {{"S", "A", 8},
                    {"S", "B", 2},
                    {"A", "B", 4},
                    {"A", "E", 4},
                    {"B", "C", 3},
                    {"B", "E", 3},
                    {"C", "E", 3}},
                   {{"S", 10}}, {{"E", 10}});
}

std::vector<std::string> kept_edges(const HandDfg& h, const SimplifiedMap& m, bool repaired_only = false) {
    std::vector<std::string> out;
    for (size_t k = 0; k < h.dfg.edges.size(); ++k)
        if (m.edge_kept[k] && (!repaired_only || m.edge_repair[k]))
            out.push_back(std::string(h.names.view(h.dfg.edges[k].from)) + ">" +
                          std::string(h.names.view(h.dfg.edges[k].to)));
    std::sort(out.begin(), out.end());
    return out;
}

// Reachable set from seeds over the edges with use[k] (forward or backward).
std::vector<uint8_t> reach(const Dfg& g, const std::vector<uint8_t>& seeds, const std::vector<uint8_t>& use,
                           bool forward) {
    std::vector<uint8_t> r = seeds;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t k = 0; k < g.edges.size(); ++k) {
            if (!use[k]) continue;
            const uint32_t a = forward ? g.edges[k].from : g.edges[k].to,
                           b = forward ? g.edges[k].to : g.edges[k].from;
            if (r[a] && !r[b]) r[b] = 1, changed = true;
        }
    }
    return r;
}

} // namespace

TEST_SUITE("simplify") {
    TEST_CASE("100 % / 100 % keeps the whole map and repairs nothing") {
        const HandDfg h = five();
        const SimplifiedMap m = simplify_map(h.dfg, h.names, 100, 100);
        CHECK(m.nodes == 5);
        CHECK(m.edges == 7);
        CHECK(m.repaired == 0);
    }

    TEST_CASE("paths 0 %: the best-ranked edges are added back until reachability holds") {
        const HandDfg h = five();
        const SimplifiedMap m = simplify_map(h.dfg, h.names, 100, 0);
        // Forward from S: pop S->A (rank 0), A->B (1), A->E (2), B->C (3); B->E, C->E, S->B reach nothing
        // new. Backward from E: A->E is kept, so A and S reach E; B is reached by B->E (rank 4), C by C->E
        // (5).
        CHECK(kept_edges(h, m) == std::vector<std::string>{"A>B", "A>E", "B>C", "B>E", "C>E", "S>A"});
        CHECK(m.repaired == 6);
        CHECK(m.edges == 6);
    }

    TEST_CASE("paths 50 %: ceil(0.5 * 7) = 4 edges by rank, then backward repair") {
        const HandDfg h = five();
        const SimplifiedMap m = simplify_map(h.dfg, h.names, 100, 50);
        // Ranks 0-3 kept: S->A, A->B, A->E, B->C. Everything is reachable from S; B and C reach E only
        // after adding B->E (rank 4) and C->E (rank 5).
        CHECK(kept_edges(h, m, true) == std::vector<std::string>{"B>E", "C>E"});
        CHECK(m.edges == 6);
        CHECK_FALSE(m.edge_kept[h.edge("S", "B")]);
    }

    TEST_CASE("activities %: exactly ceil(p * N) touchpoints, ties by name, at least one") {
        const HandDfg h = five();
        // N = 5; 60 % -> 3: E (10) and S (10) tie, "E" < "S"; then A (8).
        SimplifiedMap m = simplify_map(h.dfg, h.names, 60, 100);
        CHECK(m.nodes == 3);
        CHECK(m.node_kept[h.id("E")]);
        CHECK(m.node_kept[h.id("S")]);
        CHECK(m.node_kept[h.id("A")]);
        CHECK_FALSE(m.node_kept[h.id("B")]);
        // Induced candidates: S->A, A->E only.
        CHECK(kept_edges(h, m) == std::vector<std::string>{"A>E", "S>A"});
        // 0 % still shows the most frequent touchpoint (E, by name among the 10s).
        m = simplify_map(h.dfg, h.names, 0, 0);
        CHECK(m.nodes == 1);
        CHECK(m.node_kept[h.id("E")]);
        CHECK(m.edges == 0);
        // 20 % of 5 = 1, 21 % -> ceil(1.05) = 2.
        CHECK(simplify_map(h.dfg, h.names, 20, 100).nodes == 1);
        CHECK(simplify_map(h.dfg, h.names, 21, 100).nodes == 2);
    }

    TEST_CASE("reachability invariant on seeded random DFGs") {
        std::mt19937_64 rng(20240601);
        for (int round = 0; round < 300; ++round) {
            const uint32_t n = 2 + uint32_t(rng() % 30);
            std::vector<std::string> names;
            for (uint32_t a = 0; a < n; ++a) names.push_back("t" + std::to_string(a));
            std::vector<std::tuple<std::string, std::string, uint64_t>> edges;
            for (uint32_t a = 0; a < n; ++a)
                for (uint32_t b = 0; b < n; ++b)
                    if (rng() % 100 < 15) edges.emplace_back(names[a], names[b], 1 + rng() % 20);
            std::vector<std::pair<std::string, uint64_t>> starts, ends;
            for (uint32_t a = 0; a < n; ++a) {
                if (rng() % 5 == 0) starts.emplace_back(names[a], 1 + rng() % 9);
                if (rng() % 5 == 0) ends.emplace_back(names[a], 1 + rng() % 9);
            }
            const HandDfg h(names, edges, starts, ends);
            const MapSimplifier simplifier(h.dfg, h.names);
            const double p = double(rng() % 101), q = double(rng() % 101);
            const SimplifiedMap m = simplifier.simplify(p, q);
            const Dfg& g = h.dfg;
            uint32_t present = 0;
            for (uint32_t a = 0; a < n; ++a) present += g.events[a] > 0;
            CHECK(m.nodes ==
                  std::max<uint32_t>(present ? 1 : 0, uint32_t(std::ceil(p * present / 100 - 1e-9))));
            std::vector<uint8_t> candidate(g.edges.size()), by_rank(g.edges.size());
            uint32_t num_candidates = 0, ranked = 0;
            for (size_t k = 0; k < g.edges.size(); ++k) {
                candidate[k] = m.node_kept[g.edges[k].from] && m.node_kept[g.edges[k].to];
                num_candidates += candidate[k];
                CHECK((!m.edge_kept[k] || candidate[k])); // only induced edges
                ranked += m.edge_kept[k] && !m.edge_repair[k];
            }
            CHECK(ranked == uint32_t(std::ceil(q * num_candidates / 100 - 1e-9)));
            std::vector<uint8_t> s(n), e(n);
            for (uint32_t a = 0; a < n; ++a) {
                s[a] = m.node_kept[a] && g.starts[a];
                e[a] = m.node_kept[a] && g.ends[a];
            }
            CHECK(reach(g, s, m.edge_kept, true) == reach(g, s, candidate, true));
            CHECK(reach(g, e, m.edge_kept, false) == reach(g, e, candidate, false));
        }
    }

    TEST_CASE("slider moves on a 1000-touchpoint map keep exactly ceil(p * N) touchpoints, edges growing with p") {
        // How fast a slider move is, is measured by bench/bench_mining (speed lives in benchmarks).
        std::mt19937_64 rng(7);
        const uint32_t n = 1000;
        std::vector<std::string> names;
        for (uint32_t a = 0; a < n; ++a) names.push_back("t" + std::to_string(a));
        std::vector<std::tuple<std::string, std::string, uint64_t>> edges;
        for (uint32_t a = 0; a < n; ++a)
            for (int j = 0; j < 10; ++j) edges.emplace_back(names[a], names[rng() % n], 1 + rng() % 1000);
        std::sort(edges.begin(), edges.end());
        edges.erase(std::unique(edges.begin(), edges.end(),
                                [](const auto& x, const auto& y) {
                                    return std::get<0>(x) == std::get<0>(y) &&
                                           std::get<1>(x) == std::get<1>(y);
                                }),
                    edges.end());
        const HandDfg h(names, edges, {{"t0", 100}, {"t1", 50}}, {{"t999", 100}, {"t2", 50}});
        const MapSimplifier simplifier(h.dfg, h.names);
        uint32_t previous_rank_edges = 0;
        for (int i = 0; i < 20; ++i) {
            // 50 % .. 69 % of 1000 touchpoints: exactly 500 .. 690 kept.
            const SimplifiedMap m = simplifier.simplify(50 + i, 10 + i);
            CHECK(m.nodes == uint32_t(500 + 10 * i));
            // Edges kept by rank (repairs aside) never shrink when both sliders move up.
            const uint32_t by_rank = m.edges - m.repaired;
            CHECK(by_rank >= previous_rank_edges);
            previous_rank_edges = by_rank;
        }
    }
}
