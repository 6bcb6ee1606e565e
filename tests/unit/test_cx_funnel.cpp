// Funnels: hand-counted steps on the log of cx_fixture.hpp, and a real session log (retentioneering's
// ecom.csv.gz) checked against a second, straightforward count written here.
#include "support/paths.hpp"
#include "tabiji/error.hpp"
#include "tabiji/funnel.hpp"
#include "unit/cx_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace tabiji;

TEST_CASE("cx funnel: Web -> Phone with a maximum gap") {
    const EventLog log = test::cx_log();
    const TouchpointMap m = map_touchpoints(test::cx_catalog(), log);
    const auto steps = resolve_funnel_steps({"Web", "Phone"}, m, "t");
    // Gap 1 day.
    //   c1 enters at Web@0; first Phone after: @2 h (<= 24 h): reached (2 h = 7200 s).
    //   c2 enters at Web@72 (its first Web); no Phone after: dropped, journey ends there.
    //   c3 enters at Web@30; Phone@40 (10 h): reached (36000 s).
    //   c4 enters at Web@0; no Phone: dropped, next touchpoint Shop.
    const Funnel f = mine_funnel(log, LogView{}, m, steps, 86400);
    CHECK(f.cases == 4);
    REQUIRE(f.steps.size() == 2);
    CHECK(f.steps[0].cases == 4);
    CHECK(f.steps[0].conversion_from_previous == 1.0); // 4 of the view's 4 cases
    CHECK(f.steps[0].dropped == 0);
    CHECK(f.steps[1].cases == 2);
    CHECK(f.steps[1].conversion_from_previous == 0.5);
    CHECK(f.steps[1].conversion_from_first == 0.5);
    CHECK(f.steps[1].dropped == 2);
    // Ties (1 each) by name, journey end last: Shop, then (end).
    REQUIRE(f.steps[1].dropped_next.size() == 2);
    CHECK(m.names[f.steps[1].dropped_next[0].first] == "Shop");
    CHECK(f.steps[1].dropped_next[1].first == TouchpointMap::kNone);
    // Median of 7200 and 36000 = 21600 s.
    CHECK(f.steps[1].time_from_previous.median == 21600);
    CHECK(f.steps[1].time_from_first.median == 21600);

    // Gap 5 h: c3's Phone comes 10 h after its Web: c3 stops at Web; the step after its Web is Phone.
    const Funnel g = mine_funnel(log, LogView{}, m, steps, 5 * 3600);
    CHECK(g.steps[1].cases == 1);
    CHECK(g.steps[1].dropped == 3);
    CHECK(g.steps[1].dropped_next.size() == 3); // Phone 1, Shop 1, (end) 1
    CHECK(m.names[g.steps[1].dropped_next[0].first] == "Phone");

    // Stages and alternatives: consideration (Web) -> support (FAQ|Bot|Chat|Phone) -> Shop|Web.
    //   c1 Web@0 -> Phone@2 -> (Shop|Web after Phone@2: none): 2 steps. c2 Web@72 -> nothing after.
    //   c3 Web@30 -> Phone@40 -> none. c4 Web@0 -> no support step.
    const auto staged = resolve_funnel_steps({"consideration", "support", "Shop|Web"}, m, "t");
    CHECK(staged[1].touchpoints.size() == 4);
    const Funnel s = mine_funnel(log, LogView{}, m, staged);
    CHECK(s.steps[0].cases == 4);
    CHECK(s.steps[1].cases == 2);
    CHECK(s.steps[2].cases == 0);
    CHECK(s.steps[2].conversion_from_previous == 0.0);
    CHECK_THROWS_AS(resolve_funnel_steps({"Web|Nowhere"}, m, "t"), InputError);

    CHECK(parse_duration_seconds("7d") == 604800.0);
    CHECK(parse_duration_seconds("36h") == 129600.0);
    CHECK(parse_duration_seconds("90m") == 5400.0);
    CHECK(parse_duration_seconds("45") == 45.0);
    CHECK(!parse_duration_seconds("7 days"));
    CHECK(!parse_duration_seconds("-1d"));
}

TEST_CASE("cx funnel: ecom sessions against an independent count") {
    const auto path = test::shared_dir() / "data" / "retentioneering" / "ecom.csv.gz";
    if (!std::filesystem::exists(path)) {
        MESSAGE("skipped: " << path.string() << " is absent");
        return;
    }
    CsvOptions o;
    o.case_column = "session_id";
    o.activity_column = "event";
    o.timestamp_column = "timestamp";
    o.attributes = AttributeSelection::none();
    const EventLog log = read_csv_file(path.string(), o);
    const TouchpointMap m = map_touchpoints(Catalog{}, log); // every event is an ad-hoc touchpoint
    const std::vector<std::string> specs{"catalog", "product_view", "add_to_cart|cart", "payment_details",
                                         "purchase"};
    const double gap = 30 * 60; // 30 minutes
    const Funnel f = mine_funnel(log, LogView{}, m, resolve_funnel_steps(specs, m, "ecom"), gap);

    // Independent count: walk each session's events; per step look for the first later event named as the
    // step, and accept it only within the gap.
    std::vector<std::set<std::string>> names{
        {"catalog"}, {"product_view"}, {"add_to_cart", "cart"}, {"payment_details"}, {"purchase"}};
    std::vector<uint64_t> reached(names.size(), 0);
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        const uint64_t b = log.case_begin(c), e = log.case_end(c);
        uint64_t pos = e;
        for (uint64_t i = b; i < e; ++i)
            if (names[0].count(std::string(log.activities.view(log.activity[i])))) {
                pos = i;
                break;
            }
        if (pos == e) continue;
        ++reached[0];
        for (size_t k = 1; k < names.size(); ++k) {
            uint64_t q = pos + 1;
            while (q < e && !names[k].count(std::string(log.activities.view(log.activity[q])))) ++q;
            if (q == e || double(log.time[q] - log.time[pos]) / 1e6 > gap) break;
            ++reached[k];
            pos = q;
        }
    }
    REQUIRE(f.steps.size() == names.size());
    for (size_t k = 0; k < names.size(); ++k) CHECK(f.steps[k].cases == reached[k]);
    CHECK(f.cases == log.num_cases());
    CHECK(reached[0] > 1000); // the data set has ~3600 sessions, most see the catalog
    CHECK(reached.back() > 0);
    CHECK(reached.back() < reached[0]);
    MESSAGE("ecom funnel (30 min gap): " << reached[0] << " > " << reached[1] << " > " << reached[2] << " > "
                                         << reached[3] << " > " << reached[4]);
}
