// Attribute filters (filter.hpp, kind "attribute"): string value sets at event level (whole cases vs only
// the matching events), a case-level attribute, integer / real / time ranges with open bounds, booleans,
// nulls, errors naming the attribute, the attributes a chain needs, and the JSON round trip. Every
// expectation is worked out by hand from the log below.
#include "tabiji/error.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/timestamp.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace tabiji;

namespace {

// Four cases on 2024-01-01 (times in order inside each case):
//   case act channel  segment  amount score seen        vip
//   c1   A   web      premium  10     1.5   2024-03-01  true
//   c1   B   phone    premium  -      2.5   -           true
//   c1   C   web      premium  30     -     2024-03-05  true
//   c2   A   store    regular  5      0.5   2024-03-02T12:00  false
//   c2   B   web      regular  50     4     -           false
//   c3   A   phone    premium  -      -     2024-03-10  true
//   c3   C   -        premium  100    3     -           true
//   c4   B   email    new      20     -     2024-02-28  -
//   c4   C   email    new      -7     -     -           -
// ("-" is empty: null.) segment and vip are the same in every event of each case: case level. channel is
// a string, amount an integer, score a real, seen a time and vip a boolean column.
const char* kLog = "case,activity,timestamp,channel,segment,amount,score,seen,vip\n"
                   "c1,A,2024-01-01T00:00:00Z,web,premium,10,1.5,2024-03-01T00:00:00Z,true\n"
                   "c1,B,2024-01-01T00:10:00Z,phone,premium,,2.5,,true\n"
                   "c1,C,2024-01-01T00:20:00Z,web,premium,30,,2024-03-05T00:00:00Z,true\n"
                   "c2,A,2024-01-01T01:00:00Z,store,regular,5,0.5,2024-03-02T12:00:00Z,false\n"
                   "c2,B,2024-01-01T01:05:00Z,web,regular,50,4,,false\n"
                   "c3,A,2024-01-01T02:00:00Z,phone,premium,,,2024-03-10T00:00:00Z,true\n"
                   "c3,C,2024-01-01T02:10:00Z,,premium,100,3,,true\n"
                   "c4,B,2024-01-01T03:00:00Z,email,new,20,,2024-02-28T00:00:00Z,\n"
                   "c4,C,2024-01-01T03:05:00Z,email,new,-7,,,\n";

const EventLog& test_log() {
    static const EventLog log = read_csv(kLog, "a.csv", {});
    return log;
}

using Kept = std::map<std::string, std::string>;

Kept run_chain(const FilterChain& chain) {
    const EventLog& log = test_log();
    Kept out;
    for_each_case(log, apply_filters(log, chain), [&](const CaseEvents& ce) {
        std::string s;
        for (uint64_t k = 0; k < ce.size; ++k) s += log.activities.view(ce.activity[k]);
        out[std::string(log.cases.view(ce.case_index))] = s;
    });
    return out;
}

Kept run(const AttributeFilter& f) {
    return run_chain(FilterChain{{f}});
}

AttributeFilter values(const char* name, MatchMode mode, std::vector<std::string> v, bool nulls = false) {
    return AttributeFilter{name, mode, std::move(v), {}, {}, nulls};
}

AttributeFilter range(const char* name, MatchMode mode, AttributeBound min, AttributeBound max,
                      bool nulls = false) {
    return AttributeFilter{name, mode, {}, min, max, nulls};
}

Micros at(const char* iso) {
    return *parse_timestamp(iso);
}

// The message of the InputError that applying f throws ("" when none).
std::string error_of(const AttributeFilter& f) {
    try {
        run(f);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

constexpr auto keep_cases = MatchMode::keep_cases, drop_cases = MatchMode::drop_cases,
               keep_events = MatchMode::keep_events, drop_events = MatchMode::drop_events;

} // namespace

TEST_SUITE("filter attributes") {
    TEST_CASE("the test log has the columns the expectations assume") {
        const EventLog& log = test_log();
        REQUIRE(log.event_attribute("channel"));
        REQUIRE(log.case_attribute("segment"));
        REQUIRE(log.case_attribute("vip"));
        CHECK(log.event_attribute("amount")->type == AttrType::integer);
        CHECK(log.event_attribute("score")->type == AttrType::real);
        CHECK(log.event_attribute("seen")->type == AttrType::time);
        CHECK(log.case_attribute("vip")->type == AttrType::boolean);
    }

    TEST_CASE("string set at event level: whole cases or only the matching events") {
        // web events: c1 A and C, c2 B.
        CHECK(run(values("channel", keep_cases, {"web"})) == Kept{{"c1", "ABC"}, {"c2", "AB"}});
        CHECK(run(values("channel", keep_events, {"web"})) == Kept{{"c1", "AC"}, {"c2", "B"}});
        CHECK(run(values("channel", drop_cases, {"web"})) == Kept{{"c3", "AC"}, {"c4", "BC"}});
        // dropping the web events keeps c3's null-channel C (a null matches no value).
        CHECK(run(values("channel", drop_events, {"web"})) ==
              Kept{{"c1", "B"}, {"c2", "A"}, {"c3", "AC"}, {"c4", "BC"}});
        // a set: phone or web.
        CHECK(run(values("channel", keep_events, {"phone", "web"})) ==
              Kept{{"c1", "ABC"}, {"c2", "B"}, {"c3", "A"}});
    }

    TEST_CASE("case-level attribute: one value per case, event modes act on whole cases") {
        CHECK(run(values("segment", keep_cases, {"premium"})) == Kept{{"c1", "ABC"}, {"c3", "AC"}});
        CHECK(run(values("segment", keep_events, {"premium"})) == Kept{{"c1", "ABC"}, {"c3", "AC"}});
        CHECK(run(values("segment", drop_cases, {"premium"})) == Kept{{"c2", "AB"}, {"c4", "BC"}});
        CHECK(run(values("segment", drop_events, {"premium"})) == Kept{{"c2", "AB"}, {"c4", "BC"}});
        CHECK(run(values("segment", keep_cases, {"new", "regular"})) == Kept{{"c2", "AB"}, {"c4", "BC"}});
    }

    TEST_CASE("integer range, both bounds and open bounds, inclusive") {
        // [10, 50]: c1 A 10, C 30; c2 B 50 (A 5 is below); c4 B 20.
        CHECK(run(range("amount", keep_cases, AttributeBound::of(10), AttributeBound::of(50))) ==
              Kept{{"c1", "ABC"}, {"c2", "AB"}, {"c4", "BC"}});
        CHECK(run(range("amount", keep_events, AttributeBound::of(10), AttributeBound::of(50))) ==
              Kept{{"c1", "AC"}, {"c2", "B"}, {"c4", "B"}});
        // >= 30: c1 C 30, c2 B 50, c3 C 100.
        CHECK(run(range("amount", keep_events, AttributeBound::of(30), {})) ==
              Kept{{"c1", "C"}, {"c2", "B"}, {"c3", "C"}});
        // <= 5: c2 A 5, c4 C -7.
        CHECK(run(range("amount", keep_cases, {}, AttributeBound::of(5))) ==
              Kept{{"c2", "AB"}, {"c4", "BC"}});
        CHECK(run(range("amount", keep_events, {}, AttributeBound::of(5))) == Kept{{"c2", "A"}, {"c4", "C"}});
        // fractional bounds on integers round inwards: [9.5, 10.5] holds only 10 (c1 A).
        CHECK(run(range("amount", keep_events, AttributeBound::of(9.5), AttributeBound::of(10.5))) ==
              Kept{{"c1", "A"}});
        // drop the cases with an amount above 40: c2 (50), c3 (100).
        CHECK(run(range("amount", drop_cases, AttributeBound::of(40), {})) ==
              Kept{{"c1", "ABC"}, {"c4", "BC"}});
        // integer value set: 5 (c2 A) and 100 (c3 C).
        CHECK(run(values("amount", keep_events, {"5", "100"})) == Kept{{"c2", "A"}, {"c3", "C"}});
    }

    TEST_CASE("real range") {
        // [1.5, 3]: c1 A 1.5, c1 B 2.5, c3 C 3 (c2 A 0.5 and B 4 are outside).
        CHECK(run(range("score", keep_events, AttributeBound::of(1.5), AttributeBound::of(3))) ==
              Kept{{"c1", "AB"}, {"c3", "C"}});
        CHECK(run(values("score", keep_events, {"4", "0.5"})) == Kept{{"c2", "AB"}});
    }

    TEST_CASE("time range, inclusive, open bounds") {
        // [03-01, 03-05]: c1 A (03-01), c1 C (03-05), c2 A (03-02 12:00); c3 A 03-10 and c4 B 02-28 outside.
        CHECK(run(range("seen", keep_events, AttributeBound::at(at("2024-03-01T00:00:00Z")),
                        AttributeBound::at(at("2024-03-05T00:00:00Z")))) == Kept{{"c1", "AC"}, {"c2", "A"}});
        // up to 03-01: c1 A, c4 B.
        CHECK(run(range("seen", keep_cases, {}, AttributeBound::at(at("2024-03-01T00:00:00Z")))) ==
              Kept{{"c1", "ABC"}, {"c4", "BC"}});
        // from 03-05: c1 C, c3 A.
        CHECK(run(range("seen", keep_events, AttributeBound::at(at("2024-03-05T00:00:00Z")), {})) ==
              Kept{{"c1", "C"}, {"c3", "A"}});
        CHECK(run(values("seen", keep_events, {"2024-03-02T12:00:00Z"})) == Kept{{"c2", "A"}});
    }

    TEST_CASE("booleans at case level") {
        CHECK(run(values("vip", keep_cases, {"true"})) == Kept{{"c1", "ABC"}, {"c3", "AC"}});
        CHECK(run(values("vip", keep_cases, {"FALSE"})) == Kept{{"c2", "AB"}});
        // c4 has no vip value: a drop keeps it.
        CHECK(run(values("vip", drop_cases, {"true"})) == Kept{{"c2", "AB"}, {"c4", "BC"}});
    }

    TEST_CASE("nulls match only with match_null") {
        // nulls alone: the channel of c3 C; the vip of c4; the amount of c1 B and c3 A.
        CHECK(run(values("channel", keep_events, {}, true)) == Kept{{"c3", "C"}});
        CHECK(run(values("vip", keep_cases, {}, true)) == Kept{{"c4", "BC"}});
        CHECK(run(values("amount", keep_events, {}, true)) == Kept{{"c1", "B"}, {"c3", "A"}});
        // values or null.
        CHECK(run(values("channel", keep_cases, {"web"}, true)) ==
              Kept{{"c1", "ABC"}, {"c2", "AB"}, {"c3", "AC"}});
        // >= 100 or null: c1 B, c3 A (null), c3 C (100).
        CHECK(run(range("amount", keep_events, AttributeBound::of(100), {}, true)) ==
              Kept{{"c1", "B"}, {"c3", "AC"}});
        // drop the events seen up to 03-02 23:00 (c1 A, c2 A, c4 B): nulls stay.
        CHECK(run(range("seen", drop_events, {}, AttributeBound::at(at("2024-03-02T23:00:00Z")))) ==
              Kept{{"c1", "BC"}, {"c2", "B"}, {"c3", "AC"}, {"c4", "C"}});
        // ... and the nulls too: left are c1 C (03-05) and c3 A (03-10).
        CHECK(run(range("seen", drop_events, {}, AttributeBound::at(at("2024-03-02T23:00:00Z")), true)) ==
              Kept{{"c1", "C"}, {"c3", "A"}});
    }

    TEST_CASE("in a chain, later filters see what the attribute filter kept") {
        // web events only (c1 AC, c2 B), then cases of at least two events: c1.
        CHECK(run_chain(FilterChain{{values("channel", keep_events, {"web"}), CaseSizeFilter{2}}}) ==
              Kept{{"c1", "AC"}});
    }

    TEST_CASE("errors name the attribute and list what there is") {
        const std::string unknown = error_of(values("segmnt", keep_cases, {"premium"}));
        CHECK(unknown.find("unknown attribute 'segmnt'") != std::string::npos);
        CHECK(unknown.find("'channel' (event, string)") != std::string::npos);
        CHECK(unknown.find("'segment' (case, string)") != std::string::npos);
        CHECK(unknown.find("'amount' (event, integer)") != std::string::npos);
        const std::string value = error_of(values("segment", keep_cases, {"gold"}));
        CHECK(value.find("attribute 'segment' (string) has no value 'gold'") != std::string::npos);
        CHECK(value.find("'premium', 'regular', 'new'") != std::string::npos);
        CHECK(error_of(values("amount", keep_cases, {"ten"})).find("'ten' is not a whole number") !=
              std::string::npos);
        CHECK(error_of(range("channel", keep_cases, AttributeBound::of(1), {}))
                  .find("needs an integer, real or time") != std::string::npos);
        CHECK(error_of(range("seen", keep_cases, AttributeBound::of(1), {}))
                  .find("bounds must be ISO 8601 times") != std::string::npos);
        CHECK(
            error_of(range("amount", keep_cases, AttributeBound::at(0), {})).find("bounds must be numbers") !=
            std::string::npos);
        // the filter's own parameters (validate_filter).
        CHECK(error_of(AttributeFilter{"amount", keep_cases, {"5"}, AttributeBound::of(1), {}, false})
                  .find("values or a range") != std::string::npos);
        CHECK(error_of(values("amount", keep_cases, {})).find("needs values, a range") != std::string::npos);
        CHECK(error_of(values("channel", keep_cases, {""})).find("use match_null") != std::string::npos);
        CHECK(error_of(range("amount", keep_cases, AttributeBound::of(5), AttributeBound::of(1)))
                  .find("min is above max") != std::string::npos);
    }

    TEST_CASE("the attributes a chain needs") {
        FilterChain chain{{values("segment", keep_cases, {"premium"}), CaseSizeFilter{2},
                           range("amount", keep_events, AttributeBound::of(1), {}),
                           values("segment", drop_cases, {"new"})}};
        CHECK(filter_attribute_names(chain) == std::vector<std::string>{"segment", "amount"});
        CHECK(filter_attribute_names(FilterChain{{CaseSizeFilter{2}}}).empty());
    }

    TEST_CASE("JSON round trip") {
        FilterChain chain{
            {values("channel", keep_events, {"web", "a \"quoted\", value"}),
             range("amount", drop_cases, AttributeBound::of(-7), AttributeBound::of(12.25)),
             range("seen", keep_cases, AttributeBound::at(at("2024-03-01T00:00:00Z")), {}, true),
             values("vip", keep_cases, {}, true)}};
        const std::string json = filter_chain_to_json(chain);
        CHECK(json.find("\"kind\": \"attribute\"") != std::string::npos);
        CHECK(json.find("\"min\": -7") != std::string::npos);
        CHECK(json.find("\"max\": 12.25") != std::string::npos);
        CHECK(json.find("\"min\": \"2024-03-01T00:00:00Z\"") != std::string::npos);
        const FilterChain back = filter_chain_from_json(json, "chain.json");
        REQUIRE(back.filters.size() == 4);
        CHECK(filter_chain_to_json(back) == json);
        const auto& a = std::get<AttributeFilter>(back.filters[0]);
        CHECK(a.attribute == "channel");
        CHECK(a.mode == keep_events);
        CHECK(a.values == std::vector<std::string>{"web", "a \"quoted\", value"});
        const auto& b = std::get<AttributeFilter>(back.filters[1]);
        CHECK(b.min == AttributeBound::of(-7));
        CHECK(b.max == AttributeBound::of(12.25));
        const auto& c = std::get<AttributeFilter>(back.filters[2]);
        CHECK(c.min == AttributeBound::at(at("2024-03-01T00:00:00Z")));
        CHECK(c.max.open());
        CHECK(c.match_null);
        // a read chain filters as the original.
        const FilterChain small{{values("channel", keep_events, {"web"})}};
        CHECK(run_chain(filter_chain_from_json(filter_chain_to_json(small), "x")) == run_chain(small));
        // defaults and errors when reading.
        const FilterChain d = filter_chain_from_json(
            R"({"version":1,"filters":[{"kind":"attribute","attribute":"segment","values":["new"]}]})",
            "d.json");
        CHECK(std::get<AttributeFilter>(d.filters[0]).mode == keep_cases);
        CHECK_THROWS_WITH_AS(
            filter_chain_from_json(
                R"({"version":1,"filters":[{"kind":"attribute","attribute":"segment","valeus":["new"]}]})",
                "e.json"),
            doctest::Contains("unknown field 'valeus'"), InputError);
        CHECK_THROWS_WITH_AS(
            filter_chain_from_json(
                R"({"version":1,"filters":[{"kind":"attribute","attribute":"seen","min":"soon"}]})",
                "e.json"),
            doctest::Contains("'min' must be a number, an ISO 8601 time or null"), InputError);
        CHECK_THROWS_WITH_AS(
            filter_chain_from_json(R"({"version":1,"filters":[{"kind":"attribute","values":["new"]}]})",
                                   "e.json"),
            doctest::Contains("needs an attribute name"), InputError);
    }
}
