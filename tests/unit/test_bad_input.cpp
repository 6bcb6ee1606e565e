// The bad-input corpus (tests/bad_input/, plus inputs too big to commit, made here): every file is refused
// through read_log_file with an InputError naming the file, the line and column where the problem has a
// place, and what was found and expected. Never a crash, a hang, or a log with silently wrong numbers.
#include "support/paths.hpp"
#include "support/temp_file.hpp"
#include "tabiji/catalog_json.hpp"
#include "tabiji/error.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/project.hpp"
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace tabiji;
namespace fs = std::filesystem;

namespace {

std::string corpus(const char* name) {
    return (test::source_dir() / "tests" / "bad_input" / name).string();
}

std::string temp_file(const std::string& name, const std::string& content) {
    return test::temp_file("tabiji_bad_input", name, content);
}

// read_log_file must throw an InputError at (line, column) whose message holds `expected`.
void check_refused(const std::string& path, uint64_t line, uint64_t column, const std::string& expected,
                   const ReadOptions& options = {}) {
    CAPTURE(path);
    try {
        read_log_file(path, options);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.file == path);
        CHECK(e.line == line);
        CHECK(e.column == column);
        CHECK_MESSAGE(e.message.find(expected) != std::string::npos, e.what());
    }
}

} // namespace

TEST_SUITE("bad_input") {
    TEST_CASE("truncated gzip") {
        check_refused(corpus("truncated.csv.gz"), 0, 0, "the gzip file is truncated");
    }

    TEST_CASE("invalid UTF-8 (not CP932 either) and NUL bytes, strict and lenient") {
        check_refused(corpus("invalid_utf8.csv"), 3, 4,
                      "invalid byte 0xFF: the text is neither UTF-8 nor CP932");
        check_refused(corpus("nul_bytes.csv"), 3, 4, "a NUL byte (0x00) in the text");
        ReadOptions lenient;
        lenient.set_strict(false);
        ReadReport report;
        const EventLog log = read_log_file(corpus("nul_bytes.csv"), lenient, &report);
        CHECK(report.replaced_bytes == 1);
        CHECK(log.activities.find("A\xEF\xBF\xBD"
                                  "B") != StringPool::npos); // U+FFFD in place of the NUL
    }

    TEST_CASE("wrong separator, ragged rows, timestamps out of range") {
        check_refused(corpus("wrong_separator.csv"), 1, 0, "no case id column found");
        check_refused(corpus("ragged_rows.csv"), 3, 3, "expected 3 fields as in the header, found 2");
        check_refused(corpus("timestamp_out_of_range.csv"), 3, 9, "is not a timestamp");
        for (const char* time : {"2024-02-30T00:00:00Z", "99999-01-01T00:00:00Z", "2024-01-01T24:61:00Z",
                                 "9999999999999999999"}) {
            CAPTURE(time);
            const std::string path =
                temp_file("time.csv", std::string("case_id,activity,timestamp\n1,Web,") + time + "\n");
            check_refused(path, 2, 7, "is not a timestamp");
        }
        ReadOptions epoch;
        epoch.csv.epoch = EpochUnit::seconds;
        check_refused(temp_file("epoch.csv", "case_id,activity,timestamp\n1,Web,99999999999999999\n"), 2, 7,
                      "timestamp", epoch);
    }

    TEST_CASE("XML entity expansion and deep nesting") {
        check_refused(corpus("billion_laughs.xes"), 3, 15, "entity declarations are refused");
        std::string deep = "<log><trace><string key='concept:name' value='1'/>";
        for (int i = 0; i < 100000; ++i) deep += "<list key='x'>";
        // expat keeps its element stack on the heap: 100 000 levels are read, the unclosed end is reported.
        check_refused(temp_file("deep.xes", deep), 1, deep.size() + 1, "malformed XML: no element found");
        for (int i = 0; i < 100000; ++i) deep += "</list>";
        const EventLog log = read_log_file(temp_file("deep_closed.xes", deep + "</trace></log>"), {});
        CHECK(log.num_cases() == 0); // a trace without events
    }

    TEST_CASE("deeply nested JSON") {
        const std::string head = R"({"case_id": "1", "activity": "A", "x": )";
        const std::string line = head + std::string(100000, '[') + std::string(100000, ']') + "}\n";
        check_refused(temp_file("deep.jsonl", line), 1, head.size() + 256,
                      "JSON nested deeper than 256 levels");
        const std::string ocel_head = R"({"ocel:events": {"e": {"x": )";
        check_refused(temp_file("deep.jsonocel", ocel_head + std::string(100000, '[')), 1,
                      ocel_head.size() + 254, "JSON nested deeper than 256 levels");
        const std::string deep = "{\"x\": " + std::string(100000, '[');
        CHECK_THROWS_WITH_AS(catalog_from_json(deep, "c.json"), doctest::Contains("JSON nested deeper"),
                             InputError);
        CHECK_THROWS_WITH_AS(filter_chain_from_json(deep, "f.json"), doctest::Contains("JSON nested deeper"),
                             InputError);
    }

    TEST_CASE("a 10 MB line: read when well-formed, refused at its place when ragged") {
        const std::string field(size_t(10) << 20, 'x');
        const EventLog log = read_log_file(
            temp_file("long.csv", "case_id,activity,timestamp\n1," + field + ",2024-01-01T00:00:00Z\n"), {});
        REQUIRE(log.num_events() == 1);
        CHECK(log.activities.view(0).size() == field.size());
        check_refused(temp_file("long_ragged.csv", "case_id,activity,timestamp\n1," + field + "\n"), 2, 3,
                      "expected 3 fields as in the header, found 2");
    }

    TEST_CASE("an empty file, a directory") {
        check_refused(corpus("empty.csv"), 0, 0, "the file is empty");
        const fs::path dir = fs::temp_directory_path() / "tabiji_bad_input" / "a_folder.csv";
        fs::create_directories(dir);
        check_refused(dir.string(), 0, 0, "is a directory");
    }

    // Found by bench/fuzz (fuzz_project): a binary project whose catalog text holds a NUL byte loaded, but
    // saving it as JSON cut that text at the NUL (cereal reads JSON strings as C strings).
    TEST_CASE("fuzz finding: a project text with a NUL byte is refused") {
        std::ifstream f(corpus("project_nul_text.bin"), std::ios::binary);
        std::stringstream bytes;
        bytes << f.rdbuf();
        try {
            project_from_bytes(bytes.str(), "p.bin");
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.message.find("a text holds a NUL byte") != std::string::npos);
        }
    }

    // Found by bench/fuzz (fuzz_xes): expat words (and places) an error in a malformed document by the
    // token it is on when a piece ends; whatever the chunking, the document is refused as malformed XML.
    TEST_CASE("fuzz finding: malformed XML is refused whatever the chunking") {
        for (const char* name : {"xes_chunk_error.xes", "xes_chunk_error2.xes"}) {
            std::ifstream f(corpus(name), std::ios::binary);
            std::stringstream in;
            in << f.rdbuf();
            const std::string bytes = in.str();
            for (size_t cut = 0; cut <= bytes.size(); ++cut) {
                CAPTURE(name);
                CAPTURE(cut);
                ReadOptions o;
                o.format = LogFormat::xes;
                LogReader reader("x.xes", o);
                try {
                    reader.feed(std::string_view(bytes).substr(0, cut));
                    reader.feed(std::string_view(bytes).substr(cut));
                    reader.finish();
                    FAIL("expected an InputError");
                } catch (const InputError& e) {
                    CHECK(e.line == 1);
                    CHECK(e.message.find("malformed XML") == 0);
                }
            }
        }
    }
}
