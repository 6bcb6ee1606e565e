// Filters over a LogView: every kind on one small log whose answers are worked out in the comments, chains
// applied in order, miners over views, validation errors and the JSON round trip.
#include "tabiji/dfg.hpp"
#include "tabiji/error.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/timestamp.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace tabiji;

namespace {

// Five cases on 2024-01-01 (c4 on 2024-01-02); times hh:mm:
//   c1: A 00:00, B 00:10, C 00:20            3 events, 1200 s
//   c2: A 01:00, C 01:05                     2 events,  300 s
//   c3: B 02:00, A 02:01, B 02:03, C 02:10   4 events,  600 s
//   c4: A 00:00 (Jan 2), B 00:30 (Jan 2)     2 events, 1800 s
//   c5: A 03:00, B 03:01, C 03:02            3 events,  120 s
// Variants: [A,B,C] x2 (c1, c5), then [A,B], [A,C], [B,A,B,C] x1 each (name order).
const char* kLog = "case,activity,timestamp\n"
                   "c1,A,2024-01-01T00:00:00Z\nc1,B,2024-01-01T00:10:00Z\nc1,C,2024-01-01T00:20:00Z\n"
                   "c2,A,2024-01-01T01:00:00Z\nc2,C,2024-01-01T01:05:00Z\n"
                   "c3,B,2024-01-01T02:00:00Z\nc3,A,2024-01-01T02:01:00Z\nc3,B,2024-01-01T02:03:00Z\n"
                   "c3,C,2024-01-01T02:10:00Z\n"
                   "c4,A,2024-01-02T00:00:00Z\nc4,B,2024-01-02T00:30:00Z\n"
                   "c5,A,2024-01-01T03:00:00Z\nc5,B,2024-01-01T03:01:00Z\nc5,C,2024-01-01T03:02:00Z\n";

const EventLog& test_log() {
    static const EventLog log = read_csv(kLog, "f.csv", {});
    return log;
}

Micros at(const char* iso) {
    return *parse_timestamp(iso);
}

// The case ids the view keeps, with their kept activities: {"c1": "ABC", ...}.
std::map<std::string, std::string> kept(const LogView& view) {
    const EventLog& log = test_log();
    std::map<std::string, std::string> out;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        std::string s;
        for (uint64_t k = 0; k < ce.size; ++k) s += log.activities.view(ce.activity[k]);
        out[std::string(log.cases.view(ce.case_index))] = s;
    });
    return out;
}

std::map<std::string, std::string> run(const Filter& f) {
    FilterChain chain;
    chain.filters.push_back(f);
    return kept(apply_filters(test_log(), chain));
}

using Kept = std::map<std::string, std::string>;

} // namespace

TEST_SUITE("filter") {
    TEST_CASE("an empty chain keeps everything") {
        CHECK(run(CaseSizeFilter{}) ==
              Kept{{"c1", "ABC"}, {"c2", "AC"}, {"c3", "BABC"}, {"c4", "AB"}, {"c5", "ABC"}});
        const LogView all = apply_filters(test_log(), {});
        CHECK(all.case_kept.empty());
        CHECK(all.event_kept.empty());
        CHECK(view_size(test_log(), all).events == 14);
    }

    TEST_CASE("time frame: events inside, cases contained, cases intersecting") {
        // events in [00:05, 02:01]: c1 B 00:10, C 00:20; c2 A, C; c3 B 02:00, A 02:01; c4 and c5 lose all.
        CHECK(run(TimeFrameFilter{TimeFrameMode::events, at("2024-01-01T00:05:00Z"),
                                  at("2024-01-01T02:01:00Z")}) ==
              Kept{{"c1", "BC"}, {"c2", "AC"}, {"c3", "BA"}});
        // contained in [00:00, 02:10] (bounds inclusive): c1, c2, c3 (02:00-02:10); c4 next day; c5 at 03:00.
        CHECK(run(TimeFrameFilter{TimeFrameMode::contained, at("2024-01-01T00:00:00Z"),
                                  at("2024-01-01T02:10:00Z")}) ==
              Kept{{"c1", "ABC"}, {"c2", "AC"}, {"c3", "BABC"}});
        // intersecting [00:15, 01:00]: c1 spans 00:00-00:20, c2 starts exactly at 01:00.
        CHECK(run(TimeFrameFilter{TimeFrameMode::intersecting, at("2024-01-01T00:15:00Z"),
                                  at("2024-01-01T01:00:00Z")}) == Kept{{"c1", "ABC"}, {"c2", "AC"}});
        // open lower bound: intersecting (-inf, 00:00] touches c1 only.
        CHECK(run(TimeFrameFilter{TimeFrameMode::intersecting, kNoTime, at("2024-01-01T00:00:00Z")}) ==
              Kept{{"c1", "ABC"}});
    }

    TEST_CASE("case size and case duration ranges are inclusive") {
        CHECK(run(CaseSizeFilter{3, UINT64_MAX}) == Kept{{"c1", "ABC"}, {"c3", "BABC"}, {"c5", "ABC"}});
        CHECK(run(CaseSizeFilter{0, 2}) == Kept{{"c2", "AC"}, {"c4", "AB"}});
        // durations 1200, 300, 600, 1800, 120 s; [300, 1200] keeps c1, c2, c3.
        CHECK(run(CaseDurationFilter{300, 1200}) == Kept{{"c1", "ABC"}, {"c2", "AC"}, {"c3", "BABC"}});
    }

    TEST_CASE("start and end touchpoints, keep or drop") {
        CHECK(run(EndpointFilter{Endpoint::start, {"B"}, true}) == Kept{{"c3", "BABC"}});
        CHECK(run(EndpointFilter{Endpoint::start, {"A"}, false}) == Kept{{"c3", "BABC"}});
        CHECK(run(EndpointFilter{Endpoint::end, {"B"}, true}) == Kept{{"c4", "AB"}});
        CHECK(run(EndpointFilter{Endpoint::end, {"B", "C"}, false}).empty());
    }

    TEST_CASE("touchpoint present: whole cases or matching events") {
        CHECK(run(TouchpointFilter{TouchpointMode::keep_cases, {"B"}}) ==
              Kept{{"c1", "ABC"}, {"c3", "BABC"}, {"c4", "AB"}, {"c5", "ABC"}});
        CHECK(run(TouchpointFilter{TouchpointMode::drop_cases, {"B"}}) == Kept{{"c2", "AC"}});
        const Kept ac{{"c1", "AC"}, {"c2", "AC"}, {"c3", "AC"}, {"c4", "A"}, {"c5", "AC"}};
        CHECK(run(TouchpointFilter{TouchpointMode::keep_events, {"A", "C"}}) == ac);
        CHECK(run(TouchpointFilter{TouchpointMode::drop_events, {"B"}}) == ac);
    }

    TEST_CASE("directly-follows and eventually-follows") {
        // A directly before B: c1 (A,B), c3 (positions 2,3), c4, c5; not c2.
        CHECK(run(FollowsFilter{false, "A", "B", true}) ==
              Kept{{"c1", "ABC"}, {"c3", "BABC"}, {"c4", "AB"}, {"c5", "ABC"}});
        CHECK(run(FollowsFilter{false, "A", "B", false}) == Kept{{"c2", "AC"}});
        // A and later C: every case with a C (c1, c2, c3, c5); B and later A: c3 only.
        CHECK(run(FollowsFilter{true, "A", "C", true}) ==
              Kept{{"c1", "ABC"}, {"c2", "AC"}, {"c3", "BABC"}, {"c5", "ABC"}});
        CHECK(run(FollowsFilter{true, "B", "A", true}) == Kept{{"c3", "BABC"}});
        // C never comes before A.
        CHECK(run(FollowsFilter{true, "C", "A", true}).empty());
    }

    TEST_CASE("between A and the next C") {
        // c3: first A at position 2, next C at 4 -> A,B,C (leading B dropped); c4 has no C -> dropped.
        CHECK(run(BetweenFilter{"A", "C"}) ==
              Kept{{"c1", "ABC"}, {"c2", "AC"}, {"c3", "ABC"}, {"c5", "ABC"}});
        // B to the next B: only c3 has two B's: B,A,B.
        CHECK(run(BetweenFilter{"B", "B"}) == Kept{{"c3", "BAB"}});
    }

    TEST_CASE("variants: top k and coverage") {
        CHECK(run(VariantFilter{1, 0}) == Kept{{"c1", "ABC"}, {"c5", "ABC"}});
        // 60 % of 5 cases = 3: [A,B,C] covers 2 (200 < 300), + [A,B] covers 3 (300 >= 300).
        CHECK(run(VariantFilter{0, 60}) == Kept{{"c1", "ABC"}, {"c4", "AB"}, {"c5", "ABC"}});
        CHECK(run(VariantFilter{0, 100}).size() == 5);
        CHECK(run(VariantFilter{99, 0}).size() == 5);
    }

    TEST_CASE("a chain applies in order, each step to what the previous left") {
        FilterChain a;
        a.filters = {TouchpointFilter{TouchpointMode::keep_events, {"A", "C"}},
                     CaseSizeFilter{2, UINT64_MAX}};
        // keep A and C events first: c4 is left with [A] (1 event) and fails min 2.
        CHECK(kept(apply_filters(test_log(), a)) ==
              Kept{{"c1", "AC"}, {"c2", "AC"}, {"c3", "AC"}, {"c5", "AC"}});
        FilterChain b;
        b.filters = {CaseSizeFilter{3, UINT64_MAX},
                     TouchpointFilter{TouchpointMode::keep_events, {"A", "C"}}};
        CHECK(kept(apply_filters(test_log(), b)) == Kept{{"c1", "AC"}, {"c3", "AC"}, {"c5", "AC"}});
    }

    TEST_CASE("DFG and variants over a view with an event mask follow the kept events") {
        FilterChain chain;
        chain.filters = {TouchpointFilter{TouchpointMode::drop_events, {"B"}}};
        const LogView view = apply_filters(test_log(), chain);
        const Dfg g = mine_dfg(test_log(), view);
        // Kept: c1 AC, c2 AC, c3 AC, c4 A, c5 AC -> 5 cases, 9 events, one edge A->C x4 in 4 cases.
        CHECK(g.num_cases == 5);
        CHECK(g.num_events == 9);
        REQUIRE(g.edges.size() == 1);
        CHECK(test_log().activities.view(g.edges[0].from) == "A");
        CHECK(test_log().activities.view(g.edges[0].to) == "C");
        CHECK(g.edges[0].count == 4);
        CHECK(g.edges[0].cases == 4);
        CHECK(g.events[test_log().activities.find("B")] == 0);
        std::vector<uint32_t> case_variant;
        const auto v = mine_variants(test_log(), view, &case_variant);
        // [A,C] x4, [A] x1; c4 (case number 3) follows variant 1.
        REQUIRE(v.size() == 2);
        CHECK(v[0].count == 4);
        CHECK(v[1].count == 1);
        CHECK(case_variant[3] == 1);
        CHECK(case_variant[0] == 0);
    }

    TEST_CASE("a view that keeps everything mines what the plain log gives") {
        const Dfg a = mine_dfg(test_log()), b = mine_dfg(test_log(), LogView{});
        CHECK(a.num_cases == 5);
        CHECK(a.num_events == 14);
        CHECK(a.edges.size() == b.edges.size());
        LogView masked;
        masked.ensure_case_mask(test_log());
        masked.ensure_event_mask(test_log());
        const Dfg c = mine_dfg(test_log(), masked);
        REQUIRE(c.edges.size() == a.edges.size());
        for (size_t k = 0; k < a.edges.size(); ++k) CHECK(c.edges[k].count == a.edges[k].count);
    }

    TEST_CASE("errors name the problem") {
        FilterChain chain;
        chain.filters = {EndpointFilter{Endpoint::start, {"Xyz"}, true}};
        try {
            apply_filters(test_log(), chain);
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(std::string(e.what()).find("unknown touchpoint 'Xyz'") != std::string::npos);
            CHECK(std::string(e.what()).find("start_touchpoints") != std::string::npos);
        }
        chain.filters = {CaseSizeFilter{5, 2}};
        CHECK_THROWS_WITH_AS(apply_filters(test_log(), chain), doctest::Contains("min (5) is above max (2)"),
                             InputError);
        chain.filters = {VariantFilter{0, 0}};
        CHECK_THROWS_AS(apply_filters(test_log(), chain), InputError);
        chain.filters = {FollowsFilter{false, "A", "Nope", true}};
        CHECK_THROWS_WITH_AS(apply_filters(test_log(), chain), doctest::Contains("'Nope'"), InputError);
    }

    TEST_CASE("a chain round-trips through JSON, with stable field names") {
        FilterChain chain;
        chain.filters = {
            TimeFrameFilter{TimeFrameMode::contained, at("2024-01-01T00:00:00Z"), kNoTime},
            CaseSizeFilter{2, 10},
            CaseDurationFilter{60, 3600.5},
            EndpointFilter{Endpoint::start, {"A", "B"}, true},
            EndpointFilter{Endpoint::end, {"C"}, false},
            TouchpointFilter{TouchpointMode::drop_events, {"B"}},
            FollowsFilter{false, "A", "B", true},
            FollowsFilter{true, "A", "C", false},
            BetweenFilter{"A", "C"},
            VariantFilter{3, 0},
            VariantFilter{0, 80},
        };
        const std::string json = filter_chain_to_json(chain);
        CHECK(json.find("\"version\": 1") != std::string::npos);
        CHECK(json.find(
                  "{\"kind\": \"time_frame\", \"mode\": \"contained\", \"from\": \"2024-01-01T00:00:00Z\", "
                  "\"to\": null}") != std::string::npos);
        CHECK(json.find("{\"kind\": \"variants\", \"coverage_percent\": 80.0}") != std::string::npos);
        const FilterChain back = filter_chain_from_json(json, "chain.json");
        CHECK(back.filters.size() == chain.filters.size());
        CHECK(filter_chain_to_json(back) == json);
        // Same view from both.
        CHECK(kept(apply_filters(test_log(), back)) == kept(apply_filters(test_log(), chain)));
    }

    TEST_CASE("JSON reading rejects what it does not understand") {
        auto error_of = [](const std::string& text) {
            try {
                filter_chain_from_json(text, "c.json");
            } catch (const InputError& e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        CHECK(error_of("{").find("c.json: not valid JSON") == 0);
        CHECK(error_of(R"({"filters": []})").find("missing \"version\"") != std::string::npos);
        CHECK(error_of(R"({"version": 2, "filters": []})").find("version 2 is not supported") !=
              std::string::npos);
        CHECK(error_of(R"({"version": 1, "filters": [{"kind": "colour"}]})").find("unknown kind 'colour'") !=
              std::string::npos);
        CHECK(error_of(R"({"version": 1, "filters": [{"kind": "case_size", "mni": 2}]})")
                  .find("filter 1 (case_size): unknown field 'mni'") != std::string::npos);
        CHECK(error_of(R"({"version": 1, "filters": [{"kind": "case_size", "min": 3, "max": 1}]})")
                  .find("min (3) is above max (1)") != std::string::npos);
        CHECK(error_of(R"({"version": 1, "filters": [{"kind": "time_frame", "from": "yesterday"}]})")
                  .find("not an ISO 8601 timestamp: 'yesterday'") != std::string::npos);
        CHECK(error_of(R"({"version": 1, "filters": []})") == "no error");
    }
}
