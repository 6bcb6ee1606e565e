// Project files: round trip in JSON and portable binary, the version-1 files in tests/data still load,
// truncated / corrupt / foreign bytes give an InputError (never a crash), and a failed save leaves the
// previous file intact.
#include "support/paths.hpp"
#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/project.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

using namespace tabiji;
namespace fs = std::filesystem;

namespace {

Project sample() {
    Project p;
    p.catalog = default_catalog(Lang::ja);
    p.catalog.rules.push_back({"channel", MatchKind::prefix, "ph", "コールセンター"});
    p.filters.filters.push_back(CaseSizeFilter{2, 40});
    p.filters.filters.push_back(EndpointFilter{Endpoint::end, {"EC購入"}, true});
    p.annotations.push_back(
        {"コールセンター", "月曜は待ち時間が長い", "待ち時間", -2, "音声ガイダンス", "不安"});
    p.view = {70, 20, "layered", "ja"};
    p.funnels.push_back({"purchase", {"TVCM", "ECサイト", "EC購入"}, 7 * 86400});
    return p;
}

std::string slurp(const fs::path& p) {
    std::string s;
    read_file_chunks(p.string(), [&](std::string_view c) { s.append(c); });
    return s;
}

fs::path temp_dir() {
    const fs::path d = fs::temp_directory_path() / ("tabiji_project_test_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

} // namespace

TEST_CASE("project: round trip in both encodings") {
    const Project p = sample();
    const std::string json = project_to_bytes(p, ProjectEncoding::json);
    const std::string bin = project_to_bytes(p, ProjectEncoding::binary);
    CHECK(json.find("\"format\": \"tabiji-project\"") != std::string::npos);
    CHECK(bin.substr(0, 8) == "TABIJIPB");
    for (const std::string* bytes : {&json, &bin}) {
        const Project q = project_from_bytes(*bytes, "p");
        CHECK(project_to_bytes(q, ProjectEncoding::json) == json);
        CHECK(q.annotations.at(0).emotion == -2);
        CHECK(q.funnels.at(0).steps.size() == 3);
        CHECK(filter_chain_to_json(q.filters) == filter_chain_to_json(p.filters));
    }
    const fs::path dir = temp_dir();
    save_project(p, (dir / "a.tabiji.json").string(), ProjectEncoding::json);
    save_project(p, (dir / "a.tabiji").string(), ProjectEncoding::binary);
    CHECK(project_to_bytes(load_project((dir / "a.tabiji").string()), ProjectEncoding::json) == json);
    CHECK(project_to_bytes(load_project((dir / "a.tabiji.json").string()), ProjectEncoding::json) == json);
    fs::remove_all(dir);
}

TEST_CASE("fuzz finding: numbers in a JSON project load to the very doubles that were saved") {
    // 4.778309726736481e-299 came back one unit in the last place off: rapidjson parsed the project
    // without its full-precision flag, so save / load / save changed the file.
    Project p = sample();
    const double hard[] = {4.778309726736481e-299, 0.1, 1e-300, 5e-324, 1.7976931348623157e308, 2.0 / 3.0};
    for (double cost : hard) {
        p.catalog.touchpoints.at(0).cost_per_contact = cost;
        const std::string json = project_to_bytes(p, ProjectEncoding::json);
        const Project q = project_from_bytes(json, "p");
        CHECK(q.catalog.touchpoints.at(0).cost_per_contact == cost);
        CHECK(project_to_bytes(q, ProjectEncoding::json) == json);
    }
}

TEST_CASE("project: version-1 files still load") {
    // Written by the first version of this code (before saved funnels existed): tests/data/project_v1.*.
    for (const char* name : {"project_v1.json", "project_v1.bin"}) {
        const Project p = load_project((test::source_dir() / "tests" / "data" / name).string());
        CHECK(p.catalog.touchpoints.size() == 14);
        CHECK(p.catalog.currency == "JPY");
        CHECK(p.catalog.touchpoints[12].cost_per_contact == 800);
        CHECK(p.catalog.rules.back().match == MatchKind::regex);
        CHECK(p.filters.filters.size() == 2);
        REQUIRE(p.annotations.size() == 2);
        CHECK(p.annotations[0].pain_point == "待ち時間が長い");
        CHECK(p.annotations[0].emotion == -2);
        CHECK(p.view.paths_percent == 35.5);
        CHECK(p.view.language == "ja");
        CHECK(p.funnels.empty()); // added in version 2
    }
}

TEST_CASE("project: truncated, corrupt and foreign bytes are InputErrors") {
    const Project p = sample();
    for (const ProjectEncoding enc : {ProjectEncoding::json, ProjectEncoding::binary}) {
        const std::string bytes = project_to_bytes(p, enc);
        // Every prefix cut before the last byte of content (truncation anywhere) fails cleanly; the JSON
        // form ends with a line feed, which is not content.
        const size_t content = enc == ProjectEncoding::json ? bytes.rfind('}') + 1 : bytes.size();
        size_t errors = 0, tried = 0;
        for (size_t n = 0; n < content; n += (enc == ProjectEncoding::json ? 7 : 1)) {
            ++tried;
            try {
                project_from_bytes(std::string_view(bytes).substr(0, n), "t");
            } catch (const InputError& e) {
                ++errors;
                CHECK(e.file == "t");
            }
        }
        CHECK(errors == tried);
        // Random byte damage: loads or fails with InputError, never anything else.
        std::mt19937 rng(42);
        for (int round = 0; round < 300; ++round) {
            std::string damaged = bytes;
            for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = char(rng());
            try {
                project_from_bytes(damaged, "d");
            } catch (const InputError&) {
            }
        }
    }
    // A huge length in a binary file is refused, not allocated.
    std::string huge = "TABIJIPB";
    huge += std::string("\x01", 1);                             // portable binary: little-endian flag
    huge += std::string("\x02\x00\x00\x00", 4);                 // Project class version
    huge += std::string("\x01\x00\x00\x00", 4);                 // Catalog class version
    huge += std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8); // stages: 2^63 - 1 of them
    CHECK_THROWS_AS(project_from_bytes(huge, "h"), InputError);
    CHECK_THROWS_WITH_AS(project_from_bytes("hello", "f"), doctest::Contains("not a Tabiji project file"),
                         InputError);
    CHECK_THROWS_WITH_AS(project_from_bytes("{\"format\": \"other\", \"project\": {}}", "f"),
                         doctest::Contains("expected 'tabiji-project'"), InputError);
    CHECK_THROWS_AS(project_from_bytes(std::string(100000, '['), "deep"), InputError);
    CHECK_THROWS_AS(project_from_bytes("{" + std::string(100000, '['), "deep"), InputError);
}

TEST_CASE("project: a failed save leaves the previous file intact") {
    const fs::path dir = temp_dir();
    const std::string path = (dir / "keep.tabiji").string();
    Project p = sample();
    save_project(p, path, ProjectEncoding::json);
    const std::string before = slurp(path);
    // Invalid content: checked before anything is written.
    Project bad = p;
    bad.annotations[0].emotion = 3;
    CHECK_THROWS_WITH_AS(save_project(bad, path, ProjectEncoding::json), doctest::Contains("emotion"),
                         InputError);
    CHECK(slurp(path) == before);
    // The temporary file cannot be created (a folder is in its way): the write fails, the file stays.
    fs::create_directory(path + ".tmp-tabiji");
    p.view.language = "en";
    CHECK_THROWS_AS(save_project(p, path, ProjectEncoding::binary), InputError);
    CHECK(slurp(path) == before);
    fs::remove(path + ".tmp-tabiji");
    // A corrupt file on disk: loading fails and does not touch it.
    { std::ofstream(path, std::ios::binary) << before.substr(0, before.size() / 2); }
    CHECK_THROWS_AS(load_project(path), InputError);
    CHECK(slurp(path) == before.substr(0, before.size() / 2));
    fs::remove_all(dir);
}
