// Replay model: the steps of one case and of one variant (touchpoints, times since the previous step,
// attributes), and the population at a time (at a node, or on an edge with the fraction of the gap).
#include "tabiji/catalog.hpp"
#include "tabiji/population.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/replay.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace tabiji;

namespace {

const char* kLog = "case,activity,timestamp,reason,segment\n"
                   "a,Web,2026-01-01T00:00:00Z,,gold\n"
                   "a,Phone,2026-01-01T01:00:00Z,billing,gold\n"
                   "a,Store,2026-01-01T03:00:00Z,,gold\n"
                   "b,Web,2026-01-01T00:30:00Z,,new\n"
                   "b,Phone,2026-01-01T00:40:00Z,delivery,new\n"
                   "b,Store,2026-01-01T01:40:00Z,,new\n"
                   "c,Web,2026-01-01T02:00:00Z,,new\n";

Micros at(const char* iso) {
    return read_log(std::string("case,activity,timestamp\nx,y,") + iso + "\n", "t.csv", {}).time[0];
}

Catalog catalog() {
    Catalog c;
    c.touchpoints = {{"Web", ChannelKind::web, "", ContactMode::digital, 0, "consideration"},
                     {"Phone", ChannelKind::phone, "", ContactMode::human, 0, "support"},
                     {"Store", ChannelKind::store, "", ContactMode::human, 0, "purchase"}};
    return c;
}

} // namespace

TEST_CASE("replay: the steps of one case") {
    const EventLog log = read_log(kLog, "t.csv", {});
    const TouchpointMap map = map_touchpoints(catalog(), log);
    const auto steps = case_steps(log, map, 0);
    REQUIRE(steps.size() == 3);
    CHECK(log.activities.view(steps[0].activity) == "Web");
    CHECK(map.names[steps[1].touchpoint] == "Phone");
    CHECK(map.channel[steps[1].touchpoint] == ChannelKind::phone);
    CHECK(map.stage_names[size_t(map.stage[steps[2].touchpoint])] == "purchase");
    CHECK(steps[0].seconds_since_previous == -1);
    CHECK(steps[1].seconds_since_previous == 3600);
    CHECK(steps[2].seconds_since_previous == 7200);
    const auto attrs = step_attributes(log, 0, steps[1].event);
    REQUIRE(attrs.size() == 2);
    CHECK(attrs[0] == std::make_pair(std::string("reason"), std::string("billing")));
    CHECK(attrs[1] == std::make_pair(std::string("segment"), std::string("gold")));
    CHECK(step_attributes(log, 0, steps[0].event).size() == 1); // reason is null there
    CHECK(case_steps(log, map, 99).empty());
}

TEST_CASE("replay: the steps of a variant carry median times") {
    const EventLog log = read_log(kLog, "t.csv", {});
    const TouchpointMap map = map_touchpoints(catalog(), log);
    std::vector<uint32_t> case_variant;
    const auto variants = mine_variants(log, {}, &case_variant);
    REQUIRE(variants.size() == 2);
    const auto steps = variant_steps(log, map, variants, case_variant, 0); // Web, Phone, Store (a and b)
    REQUIRE(steps.size() == 3);
    CHECK(map.names[steps[2].touchpoint] == "Store");
    CHECK(steps[0].seconds_since_previous == -1);
    CHECK(steps[1].seconds_since_previous == (3600 + 600) / 2.0);
    CHECK(steps[2].seconds_since_previous == (7200 + 3600) / 2.0);
    CHECK(steps[1].event == kNoEvent);
}

TEST_CASE("population: where every case is at a time") {
    const EventLog log = read_log(kLog, "t.csv", {});
    const Population pop(log);
    CHECK(pop.cases() == 3);
    CHECK(pop.begin() == at("2026-01-01T00:00:00Z"));
    CHECK(pop.end() == at("2026-01-01T03:00:00Z"));
    std::vector<PopulationToken> tok;
    pop.at(at("2026-01-01T00:35:00Z"), tok);
    REQUIRE(tok.size() == 2);
    // a: Web (0:00) -> Phone (1:00), 35 of 60 minutes; b: Web (0:30) -> Phone (0:40), 5 of 10.
    CHECK(tok[0].case_index == 0);
    CHECK(log.activities.view(tok[0].from) == "Web");
    CHECK(log.activities.view(tok[0].to) == "Phone");
    CHECK(tok[0].fraction == doctest::Approx(35.0 / 60));
    CHECK(tok[1].fraction == doctest::Approx(0.5));
    pop.at(at("2026-01-01T02:00:00Z"), tok);
    REQUIRE(tok.size() == 2); // a on Phone -> Store, c at its only event; b has finished
    CHECK(tok[1].case_index == 2);
    CHECK(tok[1].from == tok[1].to);
    CHECK(tok[1].fraction == 0);
    pop.at(at("2026-01-01T01:00:00Z"), tok); // a exactly at Phone; b on Phone -> Store
    REQUIRE(tok.size() == 2);
    CHECK(log.activities.view(tok[0].from) == "Phone");
    CHECK(tok[0].from == tok[0].to);
    pop.at(at("2025-12-31T00:00:00Z"), tok);
    CHECK(tok.empty());
}

TEST_CASE("population: agrees with a linear scan on a random log") {
    std::mt19937 rng(7);
    std::string csv = "case,activity,timestamp\n";
    for (int c = 0; c < 300; ++c) {
        int minute = int(rng() % 1000);
        const int n = 1 + int(rng() % 6);
        for (int k = 0; k < n; ++k) {
            minute += int(rng() % 50);
            char line[96];
            std::snprintf(line, sizeof line, "c%d,T%u,2026-01-%02dT%02d:%02d:00Z\n", c, unsigned(rng() % 5),
                          1 + minute / 1440, minute / 60 % 24, minute % 60);
            csv += line;
        }
    }
    const EventLog log = read_log(csv, "r.csv", {});
    const Population pop(log);
    std::vector<PopulationToken> tok;
    for (Micros t = pop.begin(); t <= pop.end(); t += 7 * 60 * 1000000LL + 13) {
        pop.at(t, tok);
        size_t k = 0;
        for (uint32_t c = 0; c < log.num_cases(); ++c) {
            const uint64_t b = log.case_begin(c), e = log.case_end(c);
            if (t < log.time[b] || t > log.time[e - 1]) continue;
            uint64_t i = b;
            while (i + 1 < e && log.time[i + 1] <= t) ++i;
            REQUIRE(k < tok.size());
            CHECK(tok[k].case_index == c);
            CHECK(tok[k].from == log.activity[i]);
            if (log.time[i] == t || i + 1 == e) {
                CHECK(tok[k].fraction == 0);
            } else {
                CHECK(tok[k].to == log.activity[i + 1]);
                CHECK(tok[k].fraction ==
                      doctest::Approx(double(t - log.time[i]) / double(log.time[i + 1] - log.time[i])));
            }
            ++k;
        }
        CHECK(k == tok.size());
    }
}
