// Format detection and the any-format LogReader: content first, then the file name, or a forced format;
// the push reader decides on the first bytes whatever the chunk size.
#include "tabiji/error.hpp"
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace tabiji;

TEST_SUITE("read_log") {
    TEST_CASE("detection from the content, then the name") {
        CHECK(detect_log_format("<?xml version='1.0'?><log/>", "x.csv") == LogFormat::xes);
        CHECK(detect_log_format("\xEF\xBB\xBF\n  <log>", "upload") == LogFormat::xes);
        CHECK(detect_log_format(std::string("\xFF\xFE<\0l\0", 6), "x") == LogFormat::xes); // UTF-16 XML
        CHECK(detect_log_format(" {\"ocel:events\": {}}", "x.txt") == LogFormat::ocel);
        CHECK(detect_log_format("case_id,activity\n", "x.xes") == LogFormat::xes); // the name decides
        CHECK(detect_log_format("case_id,activity\n", "x.jsonocel.gz") == LogFormat::ocel);
        CHECK(detect_log_format("case_id,activity\n", "x.TSV") == LogFormat::csv);
        CHECK(detect_log_format("", "x.csv.gz") == LogFormat::csv);
        CHECK(parse_log_format("ocel") == LogFormat::ocel);
        CHECK_FALSE(parse_log_format("parquet"));
    }

    TEST_CASE("LogReader forwards to the detected reader, one byte at a time too") {
        const std::string csv =
            "case_id,activity,timestamp\n1,A,2024-01-01T00:00:00Z\n1,B,2024-01-01T00:01:00Z\n";
        const std::string xes = "\n\n<log><trace><string key='concept:name' value='1'/><event><string "
                                "key='concept:name' value='A'/></event></trace></log>";
        const std::string ocel =
            R"({"ocel:events": {"e": {"ocel:activity": "A", "ocel:timestamp": "2024-01-01",
            "ocel:omap": ["x"]}}, "ocel:objects": {"x": {"ocel:type": "t"}}})";
        for (const auto& [bytes, format, events] :
             {std::tuple{csv, LogFormat::csv, 2}, std::tuple{xes, LogFormat::xes, 1},
              std::tuple{ocel, LogFormat::ocel, 1}}) {
            LogReader reader("upload", {});
            for (char c : bytes) reader.feed(std::string_view(&c, 1));
            const EventLog log = reader.finish();
            CHECK(reader.format() == format);
            CHECK(log.num_events() == uint64_t(events));
            CHECK(reader.report().format == log_format_name(format));
        }
    }

    TEST_CASE("a forced format wins over the content") {
        ReadOptions o;
        o.format = LogFormat::csv;
        CHECK_THROWS_AS(read_log("<log/>", "x.xes", o), InputError); // no case column in that "CSV"
        o.format = LogFormat::xes;
        CHECK(read_log("<log/>", "x.csv", o).num_events() == 0);
    }
}
