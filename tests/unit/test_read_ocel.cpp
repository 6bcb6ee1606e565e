// The OCEL reader: flattening on one object type (1.0 and 2.0 JSON), events in several cases, relations
// named twice, undeclared objects, the object-type choice and its errors, chunk independence, malformed
// JSON with line and column.
#include "tabiji/error.hpp"
#include "tabiji/read_ocel.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace tabiji;

namespace {

// Case id -> its activities in order.
std::map<std::string, std::vector<std::string>> journeys(const EventLog& log) {
    std::map<std::string, std::vector<std::string>> out;
    for (uint32_t c = 0; c < log.num_cases(); ++c)
        for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i)
            out[std::string(log.cases.view(c))].emplace_back(log.activities.view(log.activity[i]));
    return out;
}

InputError error_of(const std::string& json, OcelOptions o = {}) {
    try {
        read_ocel(json, "in.jsonocel", o);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no InputError");
    return InputError("", 0, 0, "");
}

// OCEL 1.0, objects after events; e2 names o1 twice and an undeclared object; e3 relates only to an item.
const std::string kOcel1 = R"({
  "ocel:global-log": {"ocel:version": "1.0", "ocel:object-types": ["order", "item", "unused"]},
  "ocel:events": {
    "e1": {"ocel:activity": "Place", "ocel:timestamp": "2024-01-01T10:00:00Z", "ocel:omap": ["o1", "o2", "i1"],
           "ocel:vmap": {"n": 1, "ok": true, "list": [1, 2], "nested": {"a": null}}},
    "e2": {"ocel:activity": "Pay", "ocel:timestamp": "2024-01-01T09:00:00+09:00", "ocel:omap": ["o1", "ghost", "o1"]},
    "e3": {"ocel:activity": "Pick", "ocel:timestamp": "2024-01-01T11:00:00", "ocel:omap": ["i1"]},
    "e4": {"ocel:activity": "Ship", "ocel:timestamp": "2024-01-01T12:00:00Z", "ocel:omap": ["o2"]},
    "e5": {"ocel:activity": "Ship", "ocel:omap": ["o1"]}
  },
  "ocel:objects": {
    "o1": {"ocel:type": "order", "ocel:ovmap": {}},
    "o2": {"ocel:type": "order", "ocel:ovmap": {}},
    "i1": {"ocel:type": "item", "ocel:ovmap": {}}
  }
})";

const std::string kOcel2 = R"({
  "objectTypes": [{"name": "Invoice", "attributes": []}, {"name": "Payment", "attributes": []}],
  "eventTypes": [{"name": "Insert Invoice", "attributes": []}],
  "objects": [{"id": "R1", "type": "Invoice", "attributes": [], "relationships": [{"objectId": "P1", "qualifier": "x"}]},
              {"id": "P1", "type": "Payment"}],
  "events": [
    {"id": "e1", "type": "Insert Invoice", "time": "2022-01-14T11:00:00+00:00", "attributes": [{"name": "by", "value": "Mike"}],
     "relationships": [{"objectId": "R1", "qualifier": "new"}, {"objectId": "R1", "qualifier": "again"}]},
    {"id": "e2", "type": "Insert Payment", "time": "2022-01-30T22:00:00Z",
     "relationships": [{"objectId": "R1", "qualifier": "pays"}, {"objectId": "P1", "qualifier": "is"}]}
  ]
})";

} // namespace

TEST_SUITE("read_ocel") {
    TEST_CASE("OCEL 1.0 flattened on a type: an event joins every related case once, ordered by time") {
        OcelOptions o;
        o.object_type = "order";
        ReadReport report;
        OcelReader reader("t.jsonocel", o);
        reader.feed(kOcel1);
        const EventLog log = reader.finish();
        report = reader.report();
        // e2 (00:00Z) comes before e1 (10:00Z) in o1; e5 has no timestamp and is dropped.
        CHECK(journeys(log) == std::map<std::string, std::vector<std::string>>{{"o1", {"Pay", "Place"}},
                                                                               {"o2", {"Place", "Ship"}}});
        CHECK(reader.object_types() == std::vector<std::string>{"item", "order"});
        CHECK(report.format == "ocel");
        CHECK(report.case_column == "order");
        CHECK(report.dropped_missing_values == 1);
        CHECK(report.records == 5);

        o.object_type = "item";
        const EventLog items = read_ocel(kOcel1, "t.jsonocel", o);
        CHECK(journeys(items) == std::map<std::string, std::vector<std::string>>{{"i1", {"Place", "Pick"}}});
    }

    TEST_CASE("OCEL 2.0 JSON") {
        OcelOptions o;
        o.object_type = "Invoice";
        const EventLog log = read_ocel(kOcel2, "t.jsonocel", o);
        CHECK(journeys(log) ==
              std::map<std::string, std::vector<std::string>>{{"R1", {"Insert Invoice", "Insert Payment"}}});
    }

    TEST_CASE("the object type: the only one by default, otherwise named, with the choices in errors") {
        const std::string one_type = R"({"ocel:events": {"e": {"ocel:activity": "A",
            "ocel:timestamp": "2024-01-01", "ocel:omap": ["x"]}}, "ocel:objects": {"x": {"ocel:type": "t"}}})";
        CHECK(read_ocel(one_type, "t.jsonocel", {}).num_events() == 1);
        const InputError many = error_of(kOcel1);
        CHECK(std::string(many.what()).find("'item', 'order'") != std::string::npos);
        OcelOptions o;
        o.object_type = "unused"; // declared in the header, but no object has it
        CHECK(std::string(error_of(kOcel1, o).what()).find("no objects of type 'unused'") !=
              std::string::npos);
    }

    TEST_CASE("feeding chunks of 1, 7, 64 bytes gives the same log as one buffer") {
        OcelOptions o;
        o.object_type = "order";
        const EventLog whole = read_ocel(kOcel1, "t.jsonocel", o);
        for (size_t step : {size_t(1), size_t(7), size_t(64)}) {
            OcelReader reader("t.jsonocel", o);
            for (size_t i = 0; i < kOcel1.size(); i += step)
                reader.feed(std::string_view(kOcel1).substr(i, step));
            const EventLog log = reader.finish();
            CHECK(log.activity == whole.activity);
            CHECK(log.time == whole.time);
        }
    }

    TEST_CASE("malformed JSON and non-OCEL JSON are InputErrors with a position") {
        const InputError e = error_of("{\n  \"ocel:events\": {\n    \"e1\": [1, 2,]\n  }\n}");
        CHECK(e.line == 3);
        CHECK(e.column == 17); // the "]" where a value was expected
        CHECK(std::string(e.what()).find("malformed JSON") != std::string::npos);
        CHECK(std::string(error_of("{\"rows\": []}").what()).find("not an OCEL") != std::string::npos);
        OcelOptions o;
        o.object_type = "order";
        const std::string bad_time =
            R"({"ocel:events": {"e9": {"ocel:activity": "A", "ocel:timestamp": "soon",
            "ocel:omap": ["o"]}}, "ocel:objects": {"o": {"ocel:type": "order"}}})";
        CHECK(std::string(error_of(bad_time, o).what()).find("event 'e9'") != std::string::npos);
    }
}
