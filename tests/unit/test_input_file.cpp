// WholeFile: a plain file mapped gives exactly its bytes; gzip is inflated as read_file_chunks does; an
// empty file, a missing file and a folder behave as with read_file_chunks. And read_log_file on threads,
// which uses it, reads a log exactly as one thread does.
#include "support/paths.hpp"
#include "support/temp_file.hpp"
#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/read_log.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace tabiji;
namespace fs = std::filesystem;

namespace {

std::string temp_file(const std::string& name, const std::string& content) {
    return test::temp_file("tabiji_input_file", name, content);
}

std::string chunks_of(const std::string& path) {
    std::string all;
    read_file_chunks(path, [&](std::string_view c) { all.append(c); });
    return all;
}

} // namespace

TEST_SUITE("input_file") {
    TEST_CASE("a plain file is mapped and gives its bytes, NUL and all") {
        std::string content = "case_id,activity\n";
        for (int i = 0; i < 100000; ++i) content += "c" + std::to_string(i % 977) + ",a\n";
        content += std::string("\0tail", 5);
        const std::string path = temp_file("plain.csv", content);
        const WholeFile file(path);
#if defined(__unix__)
        CHECK(file.mapped());
#endif
        CHECK(file.bytes() == content);
    }

    TEST_CASE("gzip is inflated, not mapped") {
        if (!test::have_shared()) return;
        const std::string path = (test::shared_dir() / "data" / "retentioneering" / "ecom.csv.gz").string();
        int calls = 0;
        uint64_t read = 0;
        const WholeFile file(
            path, [&] { ++calls; }, &read);
        CHECK_FALSE(file.mapped());
        CHECK(file.bytes() == chunks_of(path));
        CHECK(file.bytes().size() > 4 * fs::file_size(path)); // inflated
        CHECK(calls > 0);
        CHECK(read == fs::file_size(path));
    }

    TEST_CASE("empty, missing and folder") {
        CHECK(WholeFile(temp_file("empty.csv", "")).bytes().empty());
        CHECK_THROWS_AS(WholeFile((fs::temp_directory_path() / "tabiji_no_such_file.csv").string()),
                        InputError);
        CHECK_THROWS_AS(WholeFile(fs::temp_directory_path().string()), InputError);
    }

    TEST_CASE("a log read on two threads from a mapped file is the one-thread log") {
        std::string content = "customer_id,touchpoint,timestamp\n";
        for (int i = 0; i < 200000; ++i) // about 8 MB: two parts
            content += "C" + std::to_string(i * 7919 % 60013) + ",tp" + std::to_string(i % 7) +
                       ",2026-04-01T00:" + std::to_string(10 + i % 50) + ":00Z\n";
        const std::string path = temp_file("two_threads.csv", content);
        ReadOptions one, two;
        two.threads = 2;
        const EventLog a = read_log_file(path, one), b = read_log_file(path, two);
        REQUIRE(a.num_events() == 200000);
        CHECK(b.num_events() == a.num_events());
        REQUIRE(b.num_cases() == a.num_cases());
        uint32_t other_ids = 0;
        for (uint32_t c = 0; c < a.num_cases(); ++c) other_ids += b.cases.view(c) != a.cases.view(c);
        CHECK(other_ids == 0);
        CHECK(b.case_offsets == a.case_offsets);
        CHECK(b.activity == a.activity);
        CHECK(b.time == a.time);
    }
}
