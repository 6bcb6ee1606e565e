// DFG, variants and edge performance on small logs whose answers are worked out by hand in comments.
#include "tabiji/dfg.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/result_json.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>

using namespace tabiji;

namespace {

// Three customers:
//   c1: Web -> Phone -> Web -> Phone   (times 0s, 60s, 180s, 480s)
//   c2: Web -> Phone                   (times 0s, 120s)
//   c3: Store                          (one event)
const char* kLog = "customer_id,touchpoint,timestamp\n"
                   "c1,Web,2024-01-01T00:00:00Z\n"
                   "c2,Web,2024-01-01T00:00:00Z\n"
                   "c1,Phone,2024-01-01T00:01:00Z\n"
                   "c3,Store,2024-01-02T00:00:00Z\n"
                   "c1,Web,2024-01-01T00:03:00Z\n"
                   "c2,Phone,2024-01-01T00:02:00Z\n"
                   "c1,Phone,2024-01-01T00:08:00Z\n";

std::string name(const EventLog& log, uint32_t a) {
    return std::string(log.activities.view(a));
}

} // namespace

TEST_SUITE("mining") {
    TEST_CASE("directly-follows graph counts occurrences and distinct cases") {
        const EventLog log = read_csv(kLog, "t.csv", {});
        const Dfg g = mine_dfg(log);
        std::map<std::string, uint64_t> events, cases, starts, ends;
        for (uint32_t a = 0; a < g.num_activities; ++a) {
            events[name(log, a)] = g.events[a];
            cases[name(log, a)] = g.cases[a];
            starts[name(log, a)] = g.starts[a];
            ends[name(log, a)] = g.ends[a];
        }
        // Web: c1 twice + c2 once = 3 events in 2 cases; Phone likewise; Store 1 in 1.
        CHECK(events == std::map<std::string, uint64_t>{{"Phone", 3}, {"Store", 1}, {"Web", 3}});
        CHECK(cases == std::map<std::string, uint64_t>{{"Phone", 2}, {"Store", 1}, {"Web", 2}});
        CHECK(starts == std::map<std::string, uint64_t>{{"Phone", 0}, {"Store", 1}, {"Web", 2}});
        CHECK(ends == std::map<std::string, uint64_t>{{"Phone", 2}, {"Store", 1}, {"Web", 0}});
        // Edges: Web->Phone occurs 2x in c1 and 1x in c2 = 3 occurrences, 2 cases; Phone->Web 1x in c1.
        std::map<std::pair<std::string, std::string>, std::pair<uint64_t, uint64_t>> edges;
        for (const auto& e : g.edges) edges[{name(log, e.from), name(log, e.to)}] = {e.count, e.cases};
        CHECK(edges.size() == 2);
        CHECK(edges[{"Web", "Phone"}] == std::make_pair<uint64_t, uint64_t>(3, 2));
        CHECK(edges[{"Phone", "Web"}] == std::make_pair<uint64_t, uint64_t>(1, 1));
    }

    TEST_CASE("variants sorted by count, then by names") {
        // Cases: 1 [B], 2 [A,C], 3 [B], 4 [A,B], 5 [A,C]  ->  [A,C] x2, [B] x2, [A,B] x1.
        const std::string csv = "case,activity\n1,B\n2,A\n2,C\n3,B\n4,A\n4,B\n5,A\n5,C\n";
        const EventLog log = read_csv(csv, "t.csv", {});
        const auto v = mine_variants(log);
        REQUIRE(v.size() == 3);
        auto seq = [&](const Variant& x) {
            std::string s;
            for (uint32_t a : x.activities) s += name(log, a);
            return s;
        };
        // [A,C] and [B] tie on 2 cases: byte order of the names puts "A" before "B".
        CHECK(seq(v[0]) == "AC");
        CHECK(v[0].count == 2);
        CHECK(seq(v[1]) == "B");
        CHECK(v[1].count == 2);
        CHECK(seq(v[2]) == "AB");
        CHECK(v[2].count == 1);
        CHECK(v[0].first_case == 1); // case "2" is the second case in file order
        CHECK(v[1].first_case == 0);
    }

    TEST_CASE("edge durations: count, mean, median, min, max, sum, sample stdev, p90") {
        const EventLog log = read_csv(kLog, "t.csv", {});
        const auto perf = mine_edge_performance(log);
        REQUIRE(perf.size() == 2);
        for (const auto& p : perf) {
            if (name(log, p.from) == "Web") {
                // Web->Phone durations: 60 (c1), 300 (c1: 180 -> 480), 120 (c2) seconds.
                const auto& s = p.stats;
                CHECK(s.count == 3);
                CHECK(s.sum == 480);
                CHECK(s.mean == 160);
                CHECK(s.median == 120);
                CHECK(s.min == 60);
                CHECK(s.max == 300);
                // sample variance: ((60-160)^2 + (120-160)^2 + (300-160)^2) / 2 = (10000+1600+19600)/2 =
                // 15600
                CHECK(s.stdev == doctest::Approx(std::sqrt(15600.0)));
                // p90: sorted [60,120,300], position 0.9*2 = 1.8 -> 120 + 0.8*(300-120) = 264
                CHECK(s.p90 == doctest::Approx(264));
            } else {
                CHECK(p.stats.count == 1);
                CHECK(p.stats.mean == 120); // Phone at 60s -> Web at 180s
                CHECK_FALSE(p.stats.has_stdev());
            }
        }
    }

    TEST_CASE("a log without timestamps has no performance") {
        const EventLog log = read_csv("case,activity\n1,a\n1,b\n", "t.csv", {});
        CHECK(mine_edge_performance(log).empty());
    }

    TEST_CASE("JSON output is ordered by count then name, and byte-identical run to run") {
        const EventLog log = read_csv(kLog, "t.csv", {});
        const Dfg g = mine_dfg(log);
        const std::string a = dfg_to_json(log, g, mine_variants(log), mine_edge_performance(log));
        const EventLog log2 = read_csv(kLog, "t.csv", {});
        const std::string b =
            dfg_to_json(log2, mine_dfg(log2), mine_variants(log2), mine_edge_performance(log2));
        CHECK(a == b);
        // Phone (3) and Web (3) tie on count: byte order puts Phone first; Store (1) last.
        const auto phone = a.find("\"activity\": \"Phone\""), web = a.find("\"activity\": \"Web\""),
                   store = a.find("\"activity\": \"Store\"");
        CHECK(phone < web);
        CHECK(web < store);
        CHECK(a.find("\"stdev\": null") != std::string::npos);
    }
}
