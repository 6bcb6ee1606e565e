// ReadOptions::progress: read_log_file reports the bytes taken from the file (rising to its size, compressed
// bytes for gzip) and the events read, on one thread and on several, in every format; and it never changes
// what is read.
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace tabiji;

namespace {

std::string write_temp(const std::string& name, const std::string& bytes) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

// A CSV log of `cases` customers with three events each, over several chunks of the reader.
std::string big_csv(int cases) {
    std::string s = "case_id,activity,timestamp\n";
    for (int c = 0; c < cases; ++c)
        for (int k = 0; k < 3; ++k)
            s += "customer-" + std::to_string(c) + ",touchpoint " + std::to_string(k) + ",2024-01-0" +
                 std::to_string(k + 1) + "T10:00:00Z\n";
    return s;
}

} // namespace

TEST_SUITE("read_progress") {
    TEST_CASE("bytes rise to the file size and the events to the log's") {
        const std::string bytes = big_csv(150000); // about 8 MB: more than one 4 MiB chunk
        const std::string path = write_temp("tabiji-progress.csv", bytes);
        for (unsigned threads : {1u, 2u}) {
            CAPTURE(threads);
            std::vector<ReadProgress> seen;
            ReadOptions o;
            o.threads = threads;
            o.progress = [&](const ReadProgress& p) { seen.push_back(p); };
            const EventLog log = read_log_file(path, o);
            REQUIRE(seen.size() >= 3); // two chunks and the end
            for (size_t k = 1; k < seen.size(); ++k) {
                CHECK(seen[k].bytes_read >= seen[k - 1].bytes_read);
                CHECK(seen[k].events >= seen[k - 1].events);
            }
            CHECK(seen.back().bytes_read == bytes.size());
            CHECK(seen.back().bytes_total == bytes.size());
            CHECK(seen.back().events == log.num_events());
            CHECK(log.num_events() == 450000);
            if (threads == 1) CHECK(seen.front().events > 0); // the streaming reader counts as it goes
            ReadOptions plain;
            plain.threads = threads;
            CHECK(read_log_file(path, plain).num_events() == log.num_events());
        }
        std::remove(path.c_str());
    }

    TEST_CASE("XES and JSON Lines report too") {
        const std::string xes = "<log><trace><string key='concept:name' value='1'/><event><string "
                                "key='concept:name' value='A'/></event></trace></log>";
        const std::string jsonl =
            "{\"case_id\": \"1\", \"activity\": \"A\"}\n{\"case_id\": \"1\", \"activity\": "
            "\"B\"}\n";
        for (const auto& [name, bytes, events] :
             {std::tuple{"tabiji-progress.xes", xes, 1}, std::tuple{"tabiji-progress.jsonl", jsonl, 2}}) {
            CAPTURE(name);
            const std::string path = write_temp(name, bytes);
            ReadProgress last;
            ReadOptions o;
            o.progress = [&](const ReadProgress& p) { last = p; };
            read_log_file(path, o);
            CHECK(last.bytes_read == bytes.size());
            CHECK(last.bytes_total == bytes.size());
            CHECK(last.events == uint64_t(events));
            std::remove(path.c_str());
        }
    }
}
