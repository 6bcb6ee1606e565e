// The log writers: read -> write -> read gives the same log (cases and their order, activities, event
// order, timestamps, attribute names, levels, types and values), for CSV, JSON Lines and XES, on small
// logs with awkward values, the Japanese sample and a shared XES log.
#include "support/paths.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/write_log.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace tabiji;

namespace {

const AttributeColumn* find_column(const std::vector<AttributeColumn>& cols, const std::string& name) {
    for (const auto& c : cols)
        if (c.name == name) return &c;
    return nullptr;
}

void check_columns(const std::vector<AttributeColumn>& a, const std::vector<AttributeColumn>& b,
                   uint64_t rows) {
    CHECK(a.size() == b.size());
    for (const AttributeColumn& x : a) {
        INFO("attribute ", x.name);
        const AttributeColumn* y = find_column(b, x.name);
        REQUIRE(y != nullptr);
        CHECK(attr_type_name(x.type) == std::string(attr_type_name(y->type)));
        uint64_t differ = 0;
        for (uint64_t r = 0; r < rows; ++r) differ += x.has(r) != y->has(r) || x.text(r) != y->text(r);
        CHECK(differ == 0);
    }
}

void check_same(const EventLog& a, const EventLog& b) {
    REQUIRE(a.num_cases() == b.num_cases());
    REQUIRE(a.num_events() == b.num_events());
    CHECK(a.has_time == b.has_time);
    uint64_t differ = 0;
    for (uint32_t c = 0; c < a.num_cases(); ++c) {
        differ += a.cases.view(c) != b.cases.view(c) || a.case_end(c) != b.case_end(c);
    }
    for (uint64_t i = 0; i < a.num_events(); ++i)
        differ +=
            a.activities.view(a.activity[i]) != b.activities.view(b.activity[i]) || a.time[i] != b.time[i];
    CHECK(differ == 0);
    check_columns(a.event_attributes, b.event_attributes, a.num_events());
    check_columns(a.case_attributes, b.case_attributes, a.num_cases());
}

void round_trip(const EventLog& log, const std::string& what) {
    for (LogWriteFormat f : {LogWriteFormat::csv, LogWriteFormat::jsonl, LogWriteFormat::xes}) {
        const std::string ext = f == LogWriteFormat::csv     ? "out.csv"
                                : f == LogWriteFormat::jsonl ? "out.jsonl"
                                                             : "out.xes";
        INFO(what, " as ", ext);
        const std::string text = write_log(log, f);
        const EventLog back = read_log(text, ext, {});
        check_same(log, back);
        CHECK(write_log(back, f) == text);
    }
}

} // namespace

TEST_SUITE("write_log") {
    TEST_CASE("format names and extensions") {
        CHECK(log_write_format_of_path("a/b.XES") == LogWriteFormat::xes);
        CHECK(log_write_format_of_path("x.ndjson") == LogWriteFormat::jsonl);
        CHECK(log_write_format_of_path("x.csv") == LogWriteFormat::csv);
        CHECK(!log_write_format_of_path("x.txt"));
        CHECK(parse_log_write_format("jsonl") == LogWriteFormat::jsonl);
        CHECK(!parse_log_write_format("json"));
    }

    TEST_CASE("CSV quoting, JSON escapes, XML escapes, typed values round trip") {
        const EventLog log =
            read_log("case,activity,timestamp,note,amount,n,ok,due,segment\n"
                     "c1,\"A, \"\"quoted\"\"\",2024-01-01T00:00:00Z,\"two\nlines\",1.5,3,true,"
                     "2024-02-01T00:00:00Z,gold & <silver>\n"
                     "c1,B,2024-01-01T00:00:01.250Z,,2.0,,false,,gold & <silver>\n"
                     "c2,窓口,2024-01-01T09:00:00+09:00,tab\there,-3e5,-7,TRUE,2024-03-01,一般\n"
                     "c2,B,2024-01-03T00:00:00Z,\\back,,12,,2024-03-02T10:00:00Z,一般\n",
                     "in.csv", {});
        REQUIRE(log.case_attribute("segment") != nullptr);
        REQUIRE(log.event_attribute("amount") != nullptr);
        CHECK(log.event_attribute("amount")->type == AttrType::real);
        CHECK(log.event_attribute("due")->type == AttrType::time);
        round_trip(log, "small log");
        const std::string csv = write_csv_log(log);
        CHECK(csv.rfind("case_id,activity,timestamp,", 0) == 0);
        CHECK(csv.find("\"A, \"\"quoted\"\"\"") != std::string::npos);
        const std::string xes = write_xes_log(log);
        CHECK(xes.find("<float key=\"amount\" value=\"2.0\"/>") != std::string::npos);
        CHECK(xes.find("<date key=\"due\"") != std::string::npos);
        CHECK(xes.find("<boolean key=\"ok\" value=\"true\"/>") != std::string::npos);
        CHECK(xes.find("<string key=\"segment\" value=\"gold &amp; &lt;silver&gt;\"/>") != std::string::npos);
    }

    TEST_CASE("a log without timestamps keeps file order") {
        const EventLog log = read_log("case,activity,x\n1,B,a\n1,A,b\n2,C,c\n", "in.csv", {});
        REQUIRE(!log.has_time);
        round_trip(log, "no time");
    }

    TEST_CASE("the Japanese sample round trips in every format") {
        const auto path = test::source_dir() / "samples" / "journeys_ja.csv";
        const EventLog log = read_log_file(path.string(), {});
        REQUIRE(log.num_events() > 10000);
        REQUIRE(!log.case_attributes.empty());
        round_trip(log, "journeys_ja.csv");
    }

    TEST_CASE("a shared XES log round trips in every format") {
        const auto path = test::shared_dir() / "data" / "pm4py" / "running-example.xes";
        if (!std::filesystem::exists(path)) {
            MESSAGE("skipped: ../shared is absent");
            return;
        }
        const EventLog log = read_log_file(path.string(), {});
        REQUIRE(log.num_events() > 0);
        // XES -> XES keeps declared types; the tabular formats infer them, which matches here.
        const std::string text = write_xes_log(log);
        check_same(log, read_log(text, "out.xes", {}));
        CHECK(write_xes_log(read_log(text, "out.xes", {})) == text);
    }
}
