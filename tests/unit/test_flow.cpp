// Flows from a touchpoint on a log small enough to count by hand.
#include "tabiji/filter.hpp"
#include "tabiji/flow.hpp"
#include "tabiji/read_csv.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

namespace {

// c1 ABC, c2 AC, c3 BABC, c4 AB, c5 ABC, c6 C (never visits A).
const char* kLog = "case,activity\nc1,A\nc1,B\nc1,C\nc2,A\nc2,C\nc3,B\nc3,A\nc3,B\nc3,C\nc4,A\nc4,B\n"
                   "c5,A\nc5,B\nc5,C\nc6,C\n";

uint32_t id(const EventLog& log, const char* name) {
    for (uint32_t a = 0; a < log.num_activities(); ++a)
        if (log.activities.view(a) == name) return a;
    FAIL("no activity " << name);
    return 0;
}

} // namespace

TEST_SUITE("flow") {
    TEST_CASE("columns and links from the first visit of the start touchpoint") {
        const EventLog log = read_csv(kLog, "l.csv", {});
        const uint32_t A = id(log, "A"), B = id(log, "B"), C = id(log, "C");
        const Flow f = mine_flow(log, {}, A, 2);
        CHECK(f.journeys == 5); // c6 never visits A
        REQUIRE(f.columns.size() == 3);
        REQUIRE(f.links.size() == 2);
        // Column 0: A in all 5.
        REQUIRE(f.columns[0].size() == 1);
        CHECK(f.columns[0][0] == std::pair<uint32_t, uint64_t>{A, 5});
        // Column 1 (after A): B in c1 c3 c4 c5, C in c2.
        REQUIRE(f.columns[1].size() == 2);
        CHECK(f.columns[1][0] == std::pair<uint32_t, uint64_t>{B, 4});
        CHECK(f.columns[1][1] == std::pair<uint32_t, uint64_t>{C, 1});
        // Column 2: C in c1 c3 c5; ended in c2 (AC) and c4 (AB).
        REQUIRE(f.columns[2].size() == 2);
        CHECK(f.columns[2][0] == std::pair<uint32_t, uint64_t>{C, 3});
        CHECK(f.columns[2][1] == std::pair<uint32_t, uint64_t>{kFlowEnded, 2});
        // Links 0 -> 1: A->B 4, A->C 1. Links 1 -> 2: B->C 3, B->ended 1 (c4), C->ended 1 (c2).
        REQUIRE(f.links[0].size() == 2);
        CHECK((f.links[0][0].from == A && f.links[0][0].to == B && f.links[0][0].journeys == 4));
        CHECK((f.links[0][1].from == A && f.links[0][1].to == C && f.links[0][1].journeys == 1));
        REQUIRE(f.links[1].size() == 3);
        CHECK((f.links[1][0].from == B && f.links[1][0].to == C && f.links[1][0].journeys == 3));
        CHECK((f.links[1][1].from == B && f.links[1][1].to == kFlowEnded && f.links[1][1].journeys == 1));
        CHECK((f.links[1][2].from == C && f.links[1][2].to == kFlowEnded && f.links[1][2].journeys == 1));
    }

    TEST_CASE("over a filtered view, masked events are skipped") {
        const EventLog log = read_csv(kLog, "l.csv", {});
        FilterChain chain;
        chain.filters.push_back(TouchpointFilter{MatchMode::drop_events, {"B"}});
        const Flow f = mine_flow(log, apply_filters(log, chain), id(log, "A"), 1);
        // Without B: c1 AC, c2 AC, c3 AC, c4 A, c5 AC.
        CHECK(f.journeys == 5);
        REQUIRE(f.columns[1].size() == 2);
        CHECK(f.columns[1][0] == std::pair<uint32_t, uint64_t>{id(log, "C"), 4});
        CHECK(f.columns[1][1] == std::pair<uint32_t, uint64_t>{kFlowEnded, 1});
    }
}
