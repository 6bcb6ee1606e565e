// Lifecycle: keeping one value, and pairing start / complete events (rules in lifecycle.hpp), by hand.
#include "tabiji/lifecycle.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

namespace {

std::string trace(const EventLog& log, uint32_t c) {
    std::string s;
    for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) s += log.activities.view(log.activity[i]);
    return s;
}

// Minutes after 2024-01-01T00:00Z.
const char* kCsv = "case,activity,time,lifecycle,who\n"
                   "c1,A,2024-01-01T00:00:00Z,start,ann\n"
                   "c1,A,2024-01-01T00:01:00Z,START,bob\n"    // nested: a second open A
                   "c1,B,2024-01-01T00:02:00Z,complete,cat\n" // no open B: kept without start
                   "c1,A,2024-01-01T00:05:00Z,complete,dan\n" // closes the first A (FIFO): 5 min
                   "c1,A,2024-01-01T00:07:00Z,complete,eve\n" // closes the second A: 6 min
                   "c1,C,2024-01-01T00:08:00Z,start,fay\n"    // never completed: dropped
                   "c1,D,2024-01-01T00:09:00Z,schedule,gus\n" // other value: dropped
                   "c2,E,2024-01-01T00:00:00Z,start,hal\n"    // case left empty: dropped
                   "c3,F,2024-01-01T00:03:00Z,complete,ida\n"
                   "c3,F,2024-01-01T00:01:00Z,start,jo\n"; // out of file order: sorted first
} // namespace

TEST_SUITE("lifecycle") {
    TEST_CASE("--lifecycle keeps one value and counts all values") {
        CsvOptions o;
        o.lifecycle = "complete";
        ReadReport r;
        const EventLog log = read_csv(kCsv, "l.csv", o, &r);
        CHECK(log.num_events() == 4);
        CHECK(trace(log, 0) == "BAA");
        CHECK(r.lifecycle_values["start"] == 4);
        CHECK(r.lifecycle_values["START"] == 1);
        CHECK(r.lifecycle_values["complete"] == 4);
        CsvOptions none;
        none.lifecycle = "complete";
        CHECK_THROWS_WITH(read_csv("case,activity\nc,A\n", "n.csv", none),
                          doctest::Contains("needs a lifecycle column"));
    }

    TEST_CASE("pairing start and complete") {
        LifecyclePairing st;
        const EventLog log = pair_lifecycle(read_csv(kCsv, "l.csv", {}), &st);
        CHECK(st.pairs == 3);
        CHECK(st.unmatched_completes == 1);
        CHECK(st.unmatched_starts == 2); // C in c1, E in c2
        CHECK(st.other_events == 1);
        CHECK(st.dropped_cases == 1);
        REQUIRE(log.num_cases() == 2);
        CHECK(log.cases.view(1) == "c3");
        CHECK(trace(log, 0) == "BAA");
        CHECK(trace(log, 1) == "F");
        CHECK(log.num_activities() == 3); // A, B, F
        const AttributeColumn* start = log.event_attribute("start_timestamp");
        const AttributeColumn* dur = log.event_attribute("duration_s");
        const AttributeColumn* who = log.event_attribute("who");
        REQUIRE(start);
        REQUIRE(dur);
        REQUIRE(who);
        CHECK(!dur->has(0)); // B: no start
        CHECK(dur->reals[1] == 300.0);
        CHECK(dur->reals[2] == 360.0);
        CHECK(dur->reals[3] == 120.0);
        CHECK(start->text(1) == "2024-01-01T00:00:00Z");
        CHECK(who->text(1) == "dan"); // the complete event's attributes
        CHECK(who->text(3) == "ida");
    }

    TEST_CASE("read_log pairs when asked, reading the lifecycle column even with no attributes selected") {
        ReadOptions o;
        o.pair_lifecycle = true;
        o.set_attributes(AttributeSelection::none());
        ReadReport r;
        const EventLog log = read_log(kCsv, "l.csv", o, &r);
        CHECK(log.num_events() == 4);
        CHECK(r.events == 4);
        CHECK(r.lifecycle_pairing["pairs"] == 3);
        CHECK(!log.attribute("who"));
        CHECK(log.attribute("duration_s"));
    }
}
