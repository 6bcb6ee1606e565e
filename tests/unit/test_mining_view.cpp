// Mining extras: time to next step per touchpoint, case durations with a fixed-bin histogram, the variant
// coverage curve, and edge performance over a view. Worked out by hand in the comments.
#include "tabiji/performance.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

namespace {

// c1: Web 0 s, Phone 60 s, Web 180 s, Phone 480 s; c2: Web 0 s, Phone 120 s; c3: Store (one event).
const char* kLog =
    "customer_id,touchpoint,timestamp\n"
    "c1,Web,2024-01-01T00:00:00Z\nc2,Web,2024-01-01T00:00:00Z\nc1,Phone,2024-01-01T00:01:00Z\n"
    "c3,Store,2024-01-02T00:00:00Z\nc1,Web,2024-01-01T00:03:00Z\nc2,Phone,2024-01-01T00:02:00Z\n"
    "c1,Phone,2024-01-01T00:08:00Z\n";

} // namespace

TEST_SUITE("mining") {
    TEST_CASE("time to next step per touchpoint") {
        const EventLog log = read_csv(kLog, "t.csv", {});
        const auto t = mine_time_to_next(log, LogView{});
        REQUIRE(t.size() == log.num_activities());
        // Web: 60 (c1 0->60), 300 (c1 180->480), 120 (c2) -> count 3, mean 160, median 120.
        const auto& web = t[log.activities.find("Web")];
        CHECK(web.count == 3);
        CHECK(web.mean == 160);
        CHECK(web.median == 120);
        // Phone: only c1 60 -> 180 = 120 s (the last Phone of c1 and of c2 has no next step).
        const auto& phone = t[log.activities.find("Phone")];
        CHECK(phone.count == 1);
        CHECK(phone.mean == 120);
        CHECK(t[log.activities.find("Store")].count == 0);
    }

    TEST_CASE("case durations and their histogram") {
        const EventLog log = read_csv(kLog, "t.csv", {});
        const CaseDurations d = mine_case_durations(log, LogView{});
        // c1 480 s, c2 120 s, c3 0 s: mean 200, median 120, max 480.
        REQUIRE(d.seconds.size() == 3);
        CHECK(d.seconds[0] == 480);
        CHECK(d.stats.mean == 200);
        CHECK(d.stats.median == 120);
        CHECK(d.stats.max == 480);
        // Bins [0,60) [60,300) [300,900) ...: c3 -> 0, c2 -> 1, c1 -> 2.
        REQUIRE(d.bin_counts.size() == default_duration_bin_edges().size());
        CHECK(d.bin_counts[0] == 1);
        CHECK(d.bin_counts[1] == 1);
        CHECK(d.bin_counts[2] == 1);
        // Custom edges; a value on an edge goes to the bin the edge opens; last bin open above.
        const CaseDurations e = mine_case_durations(log, LogView{}, {0, 120, 400});
        CHECK(e.bin_counts == std::vector<uint64_t>{1, 1, 1});
        CHECK(mine_case_durations(read_csv("case,activity\n1,a\n", "n.csv", {}), LogView{}).seconds.empty());
    }

    TEST_CASE("edge performance over a view: only the kept cases") {
        const EventLog log = read_csv(kLog, "t.csv", {});
        LogView view;
        view.case_kept = {0, 1, 0}; // c2 only: Web -> Phone 120 s
        const auto perf = mine_edge_performance(log, view);
        REQUIRE(perf.size() == 1);
        CHECK(perf[0].stats.count == 1);
        CHECK(perf[0].stats.mean == 120);
        // The plain overload equals the all-keeping view.
        const auto a = mine_edge_performance(log), b = mine_edge_performance(log, LogView{});
        REQUIRE(a.size() == b.size());
        for (size_t k = 0; k < a.size(); ++k) CHECK(a[k].stats.sum == b[k].stats.sum);
    }

    TEST_CASE("variant coverage curve and fewest variants covering a share") {
        // [A,C] x2, [B] x2, [A,B] x1 of 5 cases: curve 0.4, 0.8, 1.0.
        const EventLog log = read_csv("case,activity\n1,B\n2,A\n2,C\n3,B\n4,A\n4,B\n5,A\n5,C\n", "t.csv", {});
        const auto v = mine_variants(log);
        const auto curve = variant_coverage_curve(v);
        REQUIRE(curve.size() == 3);
        CHECK(curve[0] == doctest::Approx(0.4));
        CHECK(curve[1] == doctest::Approx(0.8));
        CHECK(curve[2] == 1.0);
        CHECK(variants_covering(v, 0) == 0);
        CHECK(variants_covering(v, 40) == 1); // 2 * 100 >= 40 * 5
        CHECK(variants_covering(v, 41) == 2);
        CHECK(variants_covering(v, 80) == 2); // exactly 80 %: 4 * 100 >= 80 * 5
        CHECK(variants_covering(v, 80.1) == 3);
        CHECK(variants_covering(v, 100) == 3);
    }
}
