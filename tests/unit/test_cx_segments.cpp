// Segment comparison (two-proportion z-test, median times) and the stage view with a satisfaction curve,
// on the log of cx_fixture.hpp.
#include "tabiji/error.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/segment_compare.hpp"
#include "tabiji/stage_view.hpp"
#include "unit/cx_fixture.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace tabiji;

TEST_CASE("cx segments: the two-proportion z-test") {
    // 10/50 vs 20/50: pooled p = 30/100 = 0.3; se = sqrt(0.3 * 0.7 * (1/50 + 1/50)) = sqrt(0.0084)
    // = 0.0916515; z = 0.2 / 0.0916515 = 2.1821789; p = erfc(z / sqrt 2) = 0.0290963.
    const ProportionTest t = two_proportion_test(10, 50, 20, 50);
    CHECK(t.diff == doctest::Approx(0.2));
    CHECK(t.z == doctest::Approx(2.182178902359924).epsilon(1e-12));
    CHECK(t.p_value == doctest::Approx(0.02909633174125221).epsilon(1e-9));
    CHECK(t.significant);
    // Both shares 1: se = 0, p = 1, not significant. Empty segment: p = 1.
    CHECK(two_proportion_test(5, 5, 7, 7).p_value == 1.0);
    CHECK(!two_proportion_test(0, 0, 7, 7).significant);
}

TEST_CASE("cx segments: cases with a phone contact vs the others") {
    const EventLog log = test::cx_log();
    const TouchpointMap m = map_touchpoints(test::cx_catalog(), log);
    const LogView a =
        apply_filters(log, {{TouchpointFilter{TouchpointMode::keep_cases, {"Phone"}}}}); // c1, c3
    const LogView b =
        apply_filters(log, {{TouchpointFilter{TouchpointMode::drop_cases, {"Phone"}}}}); // c2, c4
    const SegmentComparison c = compare_segments(log, a, b, m);
    CHECK(c.a_cases == 2);
    CHECK(c.b_cases == 2);
    auto tp = [&](const char* name) {
        for (const SegmentItem& it : c.touchpoints)
            if (m.names[it.from] == name) return it;
        FAIL("missing " << name);
        return SegmentItem{};
    };
    // Web: 2/2 vs 2/2: se 0, p 1. Time to next step: A c1 2 h, c3 10 h -> median 6 h = 21600 s;
    // B c4 1 h (c2's Web is last) -> 3600 s; diff B - A = -18000 s.
    const SegmentItem web = tp("Web");
    CHECK(web.share.p_value == 1.0);
    CHECK(web.a_time.median == 21600);
    CHECK(web.b_time.median == 3600);
    CHECK(web.median_diff == -18000);
    // Phone: 2/2 vs 0/2: p = 2/4 = 0.5, se = sqrt(0.25 * (1/2 + 1/2)) = 0.5, z = (0 - 1) / 0.5 = -2,
    // p = erfc(2 / sqrt 2) = 0.0455003: significant.
    const SegmentItem phone = tp("Phone");
    CHECK(phone.share.z == doctest::Approx(-2.0));
    CHECK(phone.share.p_value == doctest::Approx(0.04550026389635844).epsilon(1e-9));
    CHECK(phone.share.significant);
    // Edge Web -> Phone: same counts; B has no such step, so the median difference is undefined.
    bool found = false;
    for (const SegmentItem& e : c.edges)
        if (m.names[e.from] == "Web" && m.names[e.to] == "Phone") {
            found = true;
            CHECK(e.share.a_cases == 2);
            CHECK(e.share.b_cases == 0);
            CHECK(e.a_time.median == 21600);
            CHECK(std::isnan(e.median_diff));
        }
    CHECK(found);
}

TEST_CASE("cx stages: cases, dwell time and the satisfaction curve") {
    const EventLog log = test::cx_log();
    const TouchpointMap m = map_touchpoints(test::cx_catalog(), log);
    const AttributeColumn* csat = find_satisfaction_attribute(log, "");
    REQUIRE(csat != nullptr);
    CHECK(csat->name == "csat");
    const StageView v = mine_stage_view(log, LogView{}, m, csat);
    REQUIRE(v.stages.size() == 6); // awareness, consideration, purchase, use, support, loyalty
    // consideration (Web): c1..c4, 4 events, one each: dwell 0.
    CHECK(v.stages[1].cases == 4);
    CHECK(v.stages[1].events == 4);
    CHECK(v.stages[1].dwell.max == 0);
    CHECK(v.stages[1].satisfaction.count == 0);
    // purchase (Shop): c4 only; csat 5.
    CHECK(v.stages[2].cases == 1);
    CHECK(v.stages[2].satisfaction.mean == 5);
    // support (FAQ, Bot, Chat, Phone): c1 Phone 2 h..30 h = 28 h = 100800 s; c2 FAQ 0..Chat 1.5 h = 5400 s;
    // c3 Bot 0..Phone 40 h = 144000 s. 2 + 3 + 2 = 7 events; median dwell 100800 s.
    CHECK(v.stages[4].cases == 3);
    CHECK(v.stages[4].events == 7);
    CHECK(v.stages[4].dwell.median == 100800);
    // csat on support steps: 1 (c1 Phone@30), 2 (c2 Chat), 4 (c3 Phone): mean 7/3, median 2.
    CHECK(v.stages[4].satisfaction.count == 3);
    CHECK(v.stages[4].satisfaction.mean == doctest::Approx(7.0 / 3.0));
    CHECK(v.stages[4].satisfaction.median == 2);
    CHECK(v.stages[0].cases == 0);
    CHECK(v.unstaged_events == 0);
    CHECK_THROWS_AS(find_satisfaction_attribute(log, "nps"), InputError);
}
