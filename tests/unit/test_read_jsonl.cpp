// JSON Lines: good lines, key detection and attributes, bad lines placed at line:column, missing keys,
// and format detection against OCEL JSON.
#include "tabiji/error.hpp"
#include "tabiji/read_jsonl.hpp"
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

TEST_SUITE("read_jsonl") {
    TEST_CASE("one event per line; keys detected like CSV columns; other keys are attributes") {
        const std::string text = "{\"customer_id\": \"C1\", \"touchpoint\": \"Web\", \"timestamp\": "
                                 "\"2024-01-01T00:00:10Z\", \"n\": 7}\n"
                                 "\n"
                                 "{\"touchpoint\": \"Shop\", \"customer_id\": \"C2\", \"timestamp\": "
                                 "\"2024-01-01T00:00:05Z\", \"n\": 8,"
                                 " \"vip\": true, \"meta\": {\"a\": [1, 2]}}\r\n"
                                 "{\"customer_id\": 42, \"touchpoint\": \"Call\", \"timestamp\": "
                                 "\"2024-01-01T00:00:00Z\", \"n\": null}";
        ReadReport report;
        const EventLog log = read_jsonl(text, "e.jsonl", {}, &report);
        CHECK(report.format == "jsonl");
        CHECK(report.case_column == "customer_id");
        CHECK(report.activity_column == "touchpoint");
        CHECK(log.num_cases() == 3);
        CHECK(log.num_events() == 3);
        CHECK(log.cases.view(2) == "42");
        const AttributeColumn* n = log.attribute("n");
        REQUIRE(n);
        CHECK(n->type == AttrType::integer);
        CHECK(n->text(0) == "7");
        CHECK(!n->has(2));
        REQUIRE(log.attribute("vip"));
        CHECK(log.attribute("vip")->type == AttrType::boolean);
        CHECK(!log.attribute("vip")->has(0));
        REQUIRE(log.attribute("meta"));
        CHECK(log.attribute("meta")->text(1) == "{\"a\":[1,2]}");
    }

    TEST_CASE("a bad line is an error at its line and column; lenient mode skips and counts it") {
        const std::string text =
            "{\"case\": \"c\", \"activity\": \"A\", \"time\": \"2024-01-01T00:00:00Z\"}\n"
            "{\"case\": \"c\", \"activity\": \"B\" \"time\": \"2024-01-01T00:00:01Z\"}\n"
            "[1, 2]\n";
        try {
            read_jsonl(text, "bad.jsonl", {});
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.line == 2);
            CHECK(e.column == 31); // the quote where a ',' or '}' was expected
            CHECK(std::string(e.what()).find("bad.jsonl:2:31: malformed JSON") == 0);
        }
        CsvOptions lenient;
        lenient.strict = false;
        ReadReport report;
        const EventLog log = read_jsonl(text, "bad.jsonl", lenient, &report);
        CHECK(log.num_events() == 1);
        CHECK(report.problem_counts["bad_json"] == 1);
        CHECK(report.problem_counts["not_an_object"] == 1);
        CHECK(report.records == 3);
    }

    TEST_CASE("missing keys: a missing value drops the event; a missing role key is an error") {
        const std::string text =
            "{\"case\": \"c\", \"activity\": \"A\", \"time\": \"2024-01-01T00:00:00Z\"}\n"
            "{\"case\": \"c\", \"time\": \"2024-01-01T00:00:01Z\"}\n"
            "{\"case\": \"c\", \"activity\": \"C\", \"time\": \"2024-01-01T00:00:02Z\", \"x\": 1}\n";
        ReadReport report;
        const EventLog log = read_jsonl(text, "m.jsonl", {}, &report);
        CHECK(log.num_events() == 2);
        CHECK(report.dropped_missing_values == 1);
        REQUIRE(log.attribute("x")); // a key first seen on line 3
        CHECK(!log.attribute("x")->has(0));
        CHECK(log.attribute("x")->has(1));
        CHECK_THROWS_WITH_AS(read_jsonl("{\"who\": \"c\", \"activity\": \"A\"}\n", "k.jsonl", {}),
                             doctest::Contains("no case id key found"), InputError);
    }

    TEST_CASE("format detection: JSON Lines versus OCEL JSON") {
        const std::string line =
            "{\"case\": \"c\", \"activity\": \"A\"}\n{\"case\": \"c\", \"activity\": \"B\"}\n";
        CHECK(detect_log_format(line, "x.txt") == LogFormat::jsonl);
        CHECK(detect_log_format("{\"ocel:events\": {}, \"ocel:objects\": {}}\n", "x.json") ==
              LogFormat::ocel);
        CHECK(detect_log_format("{\n  \"events\": [],\n  \"objects\": []\n}\n", "x.json") == LogFormat::ocel);
        CHECK(detect_log_format(line, "x.jsonocel") == LogFormat::ocel);
        CHECK(detect_log_format("", "x.ndjson") == LogFormat::jsonl);
        CHECK(detect_log_format("{\"case\"", "x.jsonl.gz") == LogFormat::jsonl);
        // The push reader waits for the first line before choosing, whatever the chunk sizes.
        LogReader reader("push", {});
        for (char ch : line) reader.feed(std::string_view(&ch, 1));
        const EventLog log = reader.finish();
        CHECK(reader.format() == LogFormat::jsonl);
        CHECK(log.num_events() == 2);
    }
}
