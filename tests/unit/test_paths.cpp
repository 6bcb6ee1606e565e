// Path analysis: most likely path, n-grams, loops and rework, dominators and betweenness, on graphs and
// logs small enough to check by hand (the arithmetic is in the comments).
#include "tabiji/dfg.hpp"
#include "tabiji/paths.hpp"
#include "tabiji/read_csv.hpp"
#include "unit/dfg_builder.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace tabiji;
using tabiji::test::HandDfg;

namespace {

std::string names_of(const StringPool& names, const std::vector<uint32_t>& ids) {
    std::string s;
    for (uint32_t a : ids) s += names.view(a);
    return s;
}

// S -> A, S -> B, A -> C, B -> C, C -> D, D -> E, C -> E; S starts every case.
HandDfg diamond() {
    return HandDfg({"S", "A", "B", "C", "D", "E", "X"},
                   {{"S", "A", 5},
                    {"S", "B", 5},
                    {"A", "C", 5},
                    {"B", "C", 5},
                    {"C", "D", 4},
                    {"D", "E", 4},
                    {"C", "E", 6}},
                   {{"S", 10}}, {{"E", 10}, {"X", 1}});
}

// Same shape as the filter tests: c1 ABC, c2 AC, c3 BABC, c4 AB, c5 ABC.
const char* kLog = "case,activity\nc1,A\nc1,B\nc1,C\nc2,A\nc2,C\nc3,B\nc3,A\nc3,B\nc3,C\nc4,A\nc4,B\n"
                   "c5,A\nc5,B\nc5,C\n";

} // namespace

TEST_SUITE("paths") {
    TEST_CASE("most likely path maximises the product of transition probabilities") {
        // out(A) = 10: A->B 6 (0.6), A->C 4 (0.4); out(B) = 10: B->D 1 (0.1), B->E 9; out(C) = 4: C->D 1.0.
        // A-B-D = 0.6 * 0.1 = 0.06; A-C-D = 0.4 * 1.0 = 0.4 -> A, C, D.
        const HandDfg h({"A", "B", "C", "D", "E"},
                        {{"A", "B", 6}, {"A", "C", 4}, {"B", "D", 1}, {"B", "E", 9}, {"C", "D", 4}},
                        {{"A", 10}}, {{"D", 5}, {"E", 9}});
        const LikelyPath p = most_likely_path(h.dfg, h.id("A"), h.id("D"));
        REQUIRE(p.found);
        CHECK(names_of(h.names, p.touchpoints) == "ACD");
        CHECK(p.probability == doctest::Approx(0.4));
        REQUIRE(p.step_probabilities.size() == 2);
        CHECK(p.step_probabilities[0] == doctest::Approx(0.4));
        CHECK(p.step_probabilities[1] == doctest::Approx(1.0));
        // A -> E: only through B: 0.6 * 0.9 = 0.54.
        CHECK(most_likely_path(h.dfg, h.id("A"), h.id("E")).probability == doctest::Approx(0.54));
        // Nothing leads back to A.
        CHECK_FALSE(most_likely_path(h.dfg, h.id("D"), h.id("A")).found);
        const LikelyPath self = most_likely_path(h.dfg, h.id("B"), h.id("B"));
        CHECK(self.found);
        CHECK(self.probability == 1);
    }

    TEST_CASE("n-grams counted per occurrence and per case") {
        const EventLog log = read_csv(kLog, "l.csv", {});
        // Bigrams: c1 AB BC; c2 AC; c3 BA AB BC; c4 AB; c5 AB BC -> AB 4 (4 cases), BC 3, AC 1, BA 1.
        const auto two = top_ngrams(log, LogView{}, 2, 3);
        REQUIRE(two.size() == 3);
        CHECK(names_of(log.activities, two[0].touchpoints) == "AB");
        CHECK(two[0].count == 4);
        CHECK(two[0].cases == 4);
        CHECK(names_of(log.activities, two[1].touchpoints) == "BC");
        CHECK(two[1].count == 3);
        CHECK(names_of(log.activities, two[2].touchpoints) == "AC"); // ties with BA; "AC" < "BA"
        // Trigrams: ABC in c1, c3 (positions 2-4), c5 = 3; BAB 1 (c3).
        const auto three = top_ngrams(log, LogView{}, 3, 10);
        REQUIRE(three.size() == 2);
        CHECK(names_of(log.activities, three[0].touchpoints) == "ABC");
        CHECK(three[0].count == 3);
        CHECK(three[1].count == 1);
        // A case counts once per n-gram: "A,A,A" has AA twice in one case.
        const EventLog aaa = read_csv("case,activity\n1,A\n1,A\n1,A\n", "a.csv", {});
        const auto aa = top_ngrams(aaa, LogView{}, 2, 5);
        REQUIRE(aa.size() == 1);
        CHECK(aa[0].count == 2);
        CHECK(aa[0].cases == 1);
        CHECK(top_ngrams(aaa, LogView{}, 4, 5).empty());
    }

    TEST_CASE("loops: strongly connected components, self-loops and rework") {
        // c3 is B,A,B,C: B->A and A->B form the component {A, B}; B repeats in c3 (1 of 4 cases with B).
        const EventLog log = read_csv(kLog + std::string("c6,C\nc6,C\n"), "l.csv", {});
        const Dfg g = mine_dfg(log);
        const LoopReport r = find_loops(log, LogView{}, g);
        REQUIRE(r.components.size() == 1);
        CHECK(names_of(log.activities, r.components[0]) == "AB");
        REQUIRE(r.self_loops.size() == 1); // c6: C -> C
        CHECK(log.activities.view(r.self_loops[0].touchpoint) == "C");
        CHECK(r.self_loops[0].count == 1);
        CHECK(r.cases == 6);
        CHECK(r.cases_with_rework == 2); // c3 (B twice), c6 (C twice)
        REQUIRE(r.rework.size() == 2);
        // Both repeat in one case: name order B, C. B occurs in c1 c3 c4 c5; C in c1 c2 c3 c5 c6.
        CHECK(log.activities.view(r.rework[0].touchpoint) == "B");
        CHECK(r.rework[0].cases == 4);
        CHECK(r.rework[0].cases_repeating == 1);
        CHECK(r.rework[1].cases == 5);
    }

    TEST_CASE("dominators from an artificial start") {
        const HandDfg h = diamond();
        bool reachable = false;
        // Every path to E passes S and C (S-A-C-D-E, S-B-C-E, ...); A and B can be avoided.
        CHECK(names_of(h.names, dominators(h.dfg, h.id("E"), &reachable)) == "SC");
        CHECK(reachable);
        CHECK(names_of(h.names, dominators(h.dfg, h.id("D"))) == "SC");
        CHECK(names_of(h.names, dominators(h.dfg, h.id("C"))) == "S");
        CHECK(names_of(h.names, dominators(h.dfg, h.id("S"), &reachable)).empty());
        CHECK(reachable);
        // X has no way in.
        CHECK(dominators(h.dfg, h.id("X"), &reachable).empty());
        CHECK_FALSE(reachable);
    }

    TEST_CASE("SCCs on a known graph") {
        // The diamond plus E -> C: C, D, E form a cycle; a self-loop A -> A is not a component.
        HandDfg h = diamond();
        h.dfg.edges.push_back({h.id("E"), h.id("C"), 1, 1});
        h.dfg.edges.push_back({h.id("A"), h.id("A"), 2, 1});
        std::sort(h.dfg.edges.begin(), h.dfg.edges.end(), [](const DfgEdge& x, const DfgEdge& y) {
            return x.from != y.from ? x.from < y.from : x.to < y.to;
        });
        const EventLog empty;
        Dfg g = h.dfg;
        // find_loops needs names from a log: build one whose pool matches the hand ids.
        EventLogBuilder b("x");
        for (const char* n : {"S", "A", "B", "C", "D", "E", "X"}) b.add(n, n, kNoTime);
        const EventLog named = b.finish();
        LogView none;
        none.case_kept.assign(named.num_cases(), 0);
        const LoopReport r = find_loops(named, none, g);
        REQUIRE(r.components.size() == 1);
        CHECK(names_of(named.activities, r.components[0]) == "CDE");
        REQUIRE(r.self_loops.size() == 1);
        CHECK(r.self_loops[0].count == 2);
        CHECK(r.cases == 0);
    }

    TEST_CASE("betweenness centrality") {
        // Line A -> B -> C: only the pair (A, C) has an intermediate, B, on its single shortest path.
        const HandDfg line({"A", "B", "C"}, {{"A", "B", 1}, {"B", "C", 1}}, {{"A", 1}}, {{"C", 1}});
        const auto c = betweenness(line.dfg);
        CHECK(c[line.id("A")] == 0);
        CHECK(c[line.id("B")] == 1);
        CHECK(c[line.id("C")] == 0);
        // Diamond: S->C has 2 shortest paths (via A, via B): A and B get 1/2 each from (S, C), (S, D), (S, E)
        // = 1.5; C lies on (S,D), (S,E), (A,D), (A,E), (B,D), (B,E) = 6 (C->E is direct, so D gets 0).
        const HandDfg h = diamond();
        const auto d = betweenness(h.dfg);
        CHECK(d[h.id("A")] == doctest::Approx(1.5));
        CHECK(d[h.id("B")] == doctest::Approx(1.5));
        CHECK(d[h.id("C")] == doctest::Approx(6));
        CHECK(d[h.id("D")] == 0);
    }
}
