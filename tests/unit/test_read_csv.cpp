// The CSV reader: quoting, line endings, BOM, separators, column detection, the ordering rule, chunk
// independence, and errors that name line and column.
#include "tabiji/error.hpp"
#include "tabiji/read_csv.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tabiji;

namespace {

std::vector<std::string> activities_of(const EventLog& log, uint32_t c) {
    std::vector<std::string> out;
    for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i)
        out.emplace_back(log.activities.view(log.activity[i]));
    return out;
}

std::string error_of(const std::string& csv, CsvOptions o = {}) {
    try {
        read_csv(csv, "in.csv", o);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_SUITE("read_csv") {
    TEST_CASE("groups by case in order of first appearance, sorts by time, keeps file order on ties") {
        const std::string csv = "case_id,activity,timestamp\n"
                                "b,B1,2024-01-01T10:00:00Z\n"
                                "a,A2,2024-01-01T09:00:00Z\n"
                                "a,A1,2024-01-01T08:00:00Z\n"
                                "b,B0,2024-01-01T09:00:00Z\n"
                                "a,A3,2024-01-01T09:00:00Z\n"; // tie with A2: stays after it
        const EventLog log = read_csv(csv, "t.csv", {});
        REQUIRE(log.num_cases() == 2);
        CHECK(log.cases.view(0) == "b");
        CHECK(log.cases.view(1) == "a");
        CHECK(activities_of(log, 0) == std::vector<std::string>{"B0", "B1"});
        CHECK(activities_of(log, 1) == std::vector<std::string>{"A1", "A2", "A3"});
        CHECK(log.has_time);
    }

    TEST_CASE("RFC 4180 quoting, CRLF, BOM") {
        const std::string csv =
            "\xEF\xBB\xBF"
            "case_id,activity,timestamp,note\r\n"
            "1,\"Call, then \"\"chat\"\"\",2024-01-01T10:00:00Z,\"line one\r\nline two\"\r\n"
            "1,Store,2024-01-01T11:00:00Z,\r\n";
        ReadReport report;
        const EventLog log = read_csv(csv, "t.csv", {}, &report);
        REQUIRE(log.num_events() == 2);
        CHECK(activities_of(log, 0) == std::vector<std::string>{"Call, then \"chat\"", "Store"});
        CHECK(report.case_column == "case_id");
        CHECK(report.records == 2);
    }

    TEST_CASE("separator detection and --sep") {
        for (char sep : {',', ';', '\t', '|'}) {
            std::string csv =
                "Case ID#Activity#Complete Timestamp\nx#a#2024-01-01 00:00:00\nx#b#2024-01-01 00:00:01\n";
            for (char& ch : csv)
                if (ch == '#') ch = sep;
            ReadReport report;
            const EventLog log = read_csv(csv, "t.csv", {}, &report);
            CHECK(report.separator == sep);
            CHECK(log.num_events() == 2);
            CsvOptions o;
            o.separator = sep;
            CHECK(read_csv(csv, "t.csv", o).num_events() == 2);
        }
    }

    TEST_CASE("column detection follows the reference order, and explicit columns win") {
        const std::string csv = "Activity,concept:name,case:concept:name,time:timestamp,timestamp\n"
                                "wrong,right,c1,2024-01-01T00:00:00Z,1999-01-01\n";
        ReadReport report;
        const EventLog log = read_csv(csv, "t.csv", {}, &report);
        CHECK(report.activity_column == "concept:name");
        CHECK(report.timestamp_column == "time:timestamp");
        CHECK(log.activities.view(0) == "right");
        CsvOptions o;
        o.activity_column = "Activity";
        CHECK(read_csv(csv, "t.csv", o).activities.view(0) == "wrong");
        o.activity_column = "nope";
        CHECK(error_of(csv, o).find("no column named 'nope'") != std::string::npos);
    }

    TEST_CASE("Japanese CX column names are detected") {
        const std::string csv = "顧客ID,タッチポイント,日時,チャネル\nC1,店舗,2024年3月13日 "
                                "10:21,store\nC1,コールセンター,2024/03/14 09:00,phone\n";
        ReadReport report;
        const EventLog log = read_csv(csv, "ja.csv", {}, &report);
        CHECK(report.case_column == "顧客ID");
        CHECK(report.activity_column == "タッチポイント");
        CHECK(report.timestamp_column == "日時");
        CHECK(activities_of(log, 0) == std::vector<std::string>{"店舗", "コールセンター"});
    }

    TEST_CASE("without a timestamp column, file order is kept") {
        const std::string csv = "case,activity\nc,z\nc,a\nd,m\n";
        const EventLog log = read_csv(csv, "t.csv", {});
        CHECK_FALSE(log.has_time);
        CHECK(activities_of(log, 0) == std::vector<std::string>{"z", "a"});
    }

    TEST_CASE("rows with an empty case, activity or timestamp are dropped and counted") {
        const std::string csv = "case,activity,time\n,a,2024-01-01\nc,,2024-01-01\nc,b,\nc,d,2024-01-01\n\n";
        ReadReport report;
        const EventLog log = read_csv(csv, "t.csv", {}, &report);
        CHECK(log.num_events() == 1);
        CHECK(report.dropped_missing_values == 3);
        CHECK(report.records == 4);
    }

    TEST_CASE("fields of every length around the 8- and 16-byte scanning blocks end where they should") {
        // Field ends found a block at a time must land on the same byte as a byte-by-byte scan: fields of
        // 0..40 bytes, separators and line ends at every offset inside a block, the last one at the very end.
        std::string csv = "case_id;activity;timestamp;note\n";
        std::vector<std::string> expected;
        for (size_t len = 0; len <= 40; ++len) {
            const std::string name = "a" + std::string(len, char('b' + len % 20));
            expected.push_back(name);
            csv += "c" + std::to_string(len) + ";" + name + ";2024-01-01T10:00:00Z;" + std::string(len, 'n') +
                   (len == 40 ? "" : "\n");
        }
        CsvOptions o;
        o.attributes = AttributeSelection::none();
        const EventLog log = read_csv(csv, "t.csv", o);
        REQUIRE(log.num_cases() == expected.size());
        for (uint32_t c = 0; c < log.num_cases(); ++c) {
            CAPTURE(c);
            CHECK(log.cases.view(c) == "c" + std::to_string(c));
            CHECK(activities_of(log, c) == std::vector<std::string>{expected[c]});
        }
        const EventLog with_note = read_csv(csv, "t.csv", {});
        const AttributeColumn* note = with_note.attribute("note");
        REQUIRE(note);
        for (uint32_t c = 1; c < with_note.num_cases(); ++c) CHECK(note->text(c) == std::string(c, 'n'));
    }

    TEST_CASE("fields after the last one read are counted, not split: same log, same problems") {
        // Read without attributes, the fields after the timestamp are only counted up to the line end
        // (unless a quote is in the way). Reading every column as an attribute splits them all: the core
        // columns and every problem (ragged rows with their columns, quotes opening fields that hold
        // separators and line ends, CRLF, a last line without its end) must be the same, fed whole or in
        // chunks, lenient or strict.
        uint64_t state = 0x9E3779B97F4A7C15ull;
        auto next = [&](uint64_t n) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return (state >> 33) % n;
        };
        auto tail_field = [&]() -> std::string {
            switch (next(8)) {
            case 0:
                return "";
            case 1:
                return "\"q,\nx\""; // a quoted field with a separator and a line end
            case 2:
                return "\"say \"\"hi\"\"\""; // escaped quotes
            case 3:
                return "mid\"quote"; // a literal quote inside an unquoted field
            default:
                return std::string(next(20), char('a' + next(26)));
            }
        };
        for (int round = 0; round < 200; ++round) {
            CAPTURE(round);
            const bool crlf = next(2) == 1;
            std::string csv = std::string("case_id,activity,timestamp,u,v,w") + (crlf ? "\r\n" : "\n");
            const int rows = 1 + int(next(40));
            for (int r = 0; r < rows; ++r) {
                csv += "c" + std::to_string(next(5)) + ",a" + std::to_string(next(4)) + ",2024-01-0" +
                       std::to_string(1 + next(9)) + "T10:00:00Z";
                const int extra = next(10) == 0 ? int(next(6)) : 3; // a ragged row now and then
                for (int k = 0; k < extra; ++k) csv += "," + tail_field();
                if (r + 1 < rows || next(2)) csv += crlf ? "\r\n" : "\n";
            }
            for (const bool strict : {false, true}) {
                CAPTURE(strict);
                CsvOptions skip, all;
                skip.attributes = AttributeSelection::none();
                skip.strict = all.strict = strict;
                const std::string e_all = error_of(csv, all), e_skip = error_of(csv, skip);
                CHECK(e_skip == e_all);
                if (!e_all.empty()) continue;
                ReadReport r_all, r_skip;
                const EventLog l_all = read_csv(csv, "in.csv", all, &r_all);
                const size_t step = 1 + next(17);
                CsvReader chunked("in.csv", skip);
                for (size_t i = 0; i < csv.size(); i += step)
                    chunked.feed(std::string_view(csv).substr(i, step));
                const EventLog l_skip = chunked.finish();
                r_skip = chunked.report();
                CHECK(l_skip.activity == l_all.activity);
                CHECK(l_skip.time == l_all.time);
                CHECK(l_skip.case_offsets == l_all.case_offsets);
                CHECK(r_skip.records == r_all.records);
                CHECK(r_skip.skipped_bad_records == r_all.skipped_bad_records);
                REQUIRE(r_skip.examples.size() == r_all.examples.size());
                for (size_t k = 0; k < r_all.examples.size(); ++k) {
                    CHECK(r_skip.examples[k].kind == r_all.examples[k].kind);
                    CHECK(r_skip.examples[k].line == r_all.examples[k].line);
                    CHECK(r_skip.examples[k].column == r_all.examples[k].column);
                    CHECK(r_skip.examples[k].message == r_all.examples[k].message);
                }
            }
        }
    }

    TEST_CASE("feeding any chunk sizes gives the same log as one buffer") {
        const std::string csv = "case_id,activity,timestamp,x\r\n"
                                "1,\"a,\"\"q\"\"\",2024-01-01T10:00:00Z,\"multi\nline\"\r\n"
                                "2,b,2024-01-01T10:00:01+01:00,\r\n"
                                "1,c,2024-01-01T09:00:00Z,z\r\n"
                                "2,\"d\",2024-01-01T10:00:02Z,z";
        const EventLog whole = read_csv(csv, "t.csv", {});
        for (size_t step : {1u, 2u, 3u, 7u, 16u}) {
            CsvReader r("t.csv", {});
            for (size_t i = 0; i < csv.size(); i += step) r.feed(std::string_view(csv).substr(i, step));
            const EventLog log = r.finish();
            CAPTURE(step);
            CHECK(log.activity == whole.activity);
            CHECK(log.time == whole.time);
            CHECK(log.case_offsets == whole.case_offsets);
            CHECK(log.num_activities() == whole.num_activities());
        }
    }

    TEST_CASE("a record cut between chunks is completed, however many lines its quoted field holds") {
        // The reader completes a cut record line by line for a few lines, then takes the whole chunk: every
        // cut point around records of one, two and nine lines must give the same log and attributes. The
        // first 64 KiB go before them (the decoder holds that much back to detect the encoding).
        std::string csv = "case,activity,time,note\n";
        for (int i = 0; csv.size() < 70000; ++i)
            csv += "c" + std::to_string(i % 97) + ",A,2024-01-01T10:00:00Z,plain" + std::to_string(i) + "\n";
        const size_t tail = csv.size();
        csv += "c1,B,2024-01-01T10:00:01Z,\"one\ntwo\"\n"
               "c1,C,2024-01-01T10:00:02Z,\"1\n2\n3\n4\n5\n6\n7\n8\n9\"\n"
               "c2,D,2024-01-01T10:00:03Z,last\n"
               "c3,E,2024-01-01T10:00:04Z,\"x,y\"\n";
        const EventLog whole = read_csv(csv, "t.csv", {});
        const AttributeColumn* note = whole.event_attribute("note");
        REQUIRE(note);
        size_t nine_lines = 0;
        for (uint64_t i = 0; i < whole.num_events(); ++i)
            nine_lines += note->text(i) == "1\n2\n3\n4\n5\n6\n7\n8\n9";
        CHECK(nine_lines == 1);
        size_t differ = 0, cuts = 0;
        for (size_t first = tail - 40; first < csv.size(); ++first)
            for (size_t second = first; second <= csv.size(); second += 7, ++cuts) {
                CsvReader r("t.csv", {});
                r.feed(std::string_view(csv).substr(0, first));
                r.feed(std::string_view(csv).substr(first, second - first));
                r.feed(std::string_view(csv).substr(second));
                const EventLog log = r.finish();
                const AttributeColumn* n = log.event_attribute("note");
                bool same = log.activity == whole.activity && log.time == whole.time && n;
                for (uint64_t i = 0; same && i < log.num_events(); ++i) same = n->text(i) == note->text(i);
                differ += !same;
            }
        CHECK(cuts > 1000);
        CHECK(differ == 0);
    }

    TEST_CASE("strict mode stops at the first bad row with file, line and column") {
        const std::string csv = "case,activity,time\nc,a,2024-01-01\nc,b,not a time\nc,c\n";
        const std::string e = error_of(csv);
        CHECK(e.rfind("in.csv:3:5: column 'time' is not a timestamp", 0) == 0);
        CHECK(e.find("(found 'not a time')") != std::string::npos);
        CHECK(error_of("case,activity,time\nc,a,2024-01-01,extra\n")
                  .rfind("in.csv:2:16: expected 3 fields", 0) == 0);
        CHECK(error_of("case,activity,time\nc,\"open,2024-01-01\n")
                  .rfind("in.csv:2:3: a quoted field is not closed", 0) == 0);
        CHECK(error_of("").find("the file is empty") != std::string::npos);
        CHECK(error_of("a,b,c\n1,2,3\n").find("no case id column found") != std::string::npos);
        CHECK(error_of("\xFF\xFE"
                       "c\0a\0")
                  .find("UTF-16") != std::string::npos);
    }

    TEST_CASE("lenient mode skips bad rows and reports them by kind") {
        const std::string csv =
            "case,activity,time\nc,a,2024-01-01\nc,b,never\nc,x,2024-01-02,9\nc,d,2024-01-03\n";
        CsvOptions o;
        o.strict = false;
        ReadReport report;
        const EventLog log = read_csv(csv, "t.csv", o, &report);
        CHECK(log.num_events() == 2);
        CHECK(report.skipped_bad_records == 2);
        CHECK(report.problem_counts.at("bad_timestamp") == 1);
        CHECK(report.problem_counts.at("ragged_row") == 1);
        REQUIRE(report.examples.size() == 2);
        CHECK(report.examples[0].line == 3);
        CHECK(report.examples[0].text == "never");
    }
}
