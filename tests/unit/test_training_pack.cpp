// Training packs: round trip (project with the training annotations, privacy report, guarded log), no key
// or original id in the bytes, and every malformed or tampered pack refused with an InputError.
#include "support/paths.hpp"
#include "tabiji/error.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/training_pack.hpp"
#include "tabiji/training_pack_reader.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <unistd.h>

using namespace tabiji;
namespace fs = std::filesystem;

namespace {

TrainingPack sample_pack(const std::string& key) {
    const EventLog log = read_log_file((test::source_dir() / "samples" / "journeys_en.csv").string(), {});
    TrainingPack pack;
    pack.project.catalog = default_catalog(Lang::en);
    Annotation a;
    a.touchpoint = "Call center";
    a.note = "Monday queues";
    a.pain_point = "waiting";
    a.emotion = -2;
    a.customer_sees = "IVR menu, then hold music";
    a.feelings = "impatient, \"unheard\"";
    pack.project.annotations.push_back(a);
    PrivacyOptions o;
    o.k = 5;
    o.key = key;
    o.exclude_attributes = {"contact_reason"};
    pack.log = privacy_guarded_log(log, {}, o, &pack.privacy);
    pack.log_name = "journeys_en.csv";
    return pack;
}

} // namespace

TEST_CASE("training pack: round trip, and what the bytes never hold") {
    const std::string key = "a secret key 0123456789";
    const TrainingPack pack = sample_pack(key);
    REQUIRE(pack.log.num_cases() > 100);
    const std::string bytes = training_pack_to_bytes(pack);
    CHECK(looks_like_training_pack(bytes.substr(0, 64)));
    CHECK_FALSE(looks_like_training_pack("case,activity\n"));
    CHECK(bytes.find(key) == std::string::npos);
    CHECK(bytes.find("C000666") == std::string::npos);
    CHECK(bytes.find("contact_reason") != std::string::npos); // named in the privacy report only
    CHECK(bytes.find("Returns, exchanges") == std::string::npos);

    const TrainingPack back = training_pack_from_bytes(bytes, "p.tjpack");
    CHECK(back.privacy.k == 5);
    CHECK(back.privacy.cases_kept == pack.log.num_cases());
    CHECK(back.privacy.excluded_attributes == std::vector<std::string>{"contact_reason"});
    REQUIRE(back.project.annotations.size() == 1);
    CHECK(back.project.annotations[0].customer_sees == "IVR menu, then hold music");
    CHECK(back.project.annotations[0].feelings == "impatient, \"unheard\"");
    CHECK(back.log.num_cases() == pack.log.num_cases());
    CHECK(back.log.num_events() == pack.log.num_events());
    CHECK(back.log.time == pack.log.time);
    CHECK(back.log.cases.view(0) == pack.log.cases.view(0));
    CHECK(back.log.attribute("contact_reason") == nullptr);
    CHECK(back.log.attribute("segment") != nullptr);
    for (const Variant& v : mine_variants(back.log)) CHECK(v.count >= 5);
    CHECK(training_pack_to_bytes(back) == bytes);

    const fs::path path =
        fs::temp_directory_path() / ("tabiji_pack_" + std::to_string(::getpid()) + ".tjpack");
    save_training_pack(pack, path.string());
    CHECK(load_training_pack(path.string()).log.num_events() == pack.log.num_events());
    fs::remove(path);
}

TEST_CASE("training pack: malformed and tampered packs are InputErrors") {
    const std::string bytes = training_pack_to_bytes(sample_pack("k"));
    CHECK_THROWS_WITH_AS(training_pack_from_bytes("{\"format\": \"tabiji-project\"}", "x"),
                         doctest::Contains("not a training pack"), InputError);
    CHECK_THROWS_AS(training_pack_from_bytes("", "x"), InputError);
    CHECK_THROWS_AS(training_pack_from_bytes(bytes.substr(0, bytes.size() / 2), "x"), InputError);
    std::string v2 = bytes;
    v2.replace(v2.find("\"version\": 1"), 12, "\"version\": 9");
    CHECK_THROWS_WITH_AS(training_pack_from_bytes(v2, "x"), doctest::Contains("version 9"), InputError);
    // A pack whose k is raised above its journeys' counts was not made by the guard: refused.
    std::string k = bytes;
    k.replace(k.find("\"k\": 5"), 6, "\"k\": 99999");
    CHECK_THROWS_WITH_AS(training_pack_from_bytes(k, "x"), doctest::Contains("fewer than the pack's k"),
                         InputError);
    std::string count = bytes;
    const size_t at = count.find("\"events\": ");
    count.insert(at + 10, "1");
    CHECK_THROWS_WITH_AS(training_pack_from_bytes(count, "x"), doctest::Contains("the pack says"),
                         InputError);
}

TEST_CASE("training pack: read through the PushReader interface, in any chunks") {
    const TrainingPack pack = sample_pack("chunk key");
    const std::string bytes = training_pack_to_bytes(pack);
    CHECK(has_training_pack_extension("class.tjpack"));
    CHECK(has_training_pack_extension("Class.TJPACK.gz"));
    CHECK_FALSE(has_training_pack_extension("class.csv"));
    CHECK_FALSE(has_training_pack_extension("tjpack"));
    TrainingPackReader reader("class.tjpack");
    for (size_t at = 0; at < bytes.size(); at += 4093) reader.feed(std::string_view(bytes).substr(at, 4093));
    CHECK(reader.bytes_fed() == bytes.size());
    const EventLog log = reader.finish();
    CHECK(log.num_events() == pack.log.num_events());
    CHECK(reader.report().format == "training pack");
    const TrainingPack rest = reader.take_pack();
    CHECK(rest.privacy.k == 5);
    CHECK(rest.project.annotations.size() == 1);
    TrainingPackReader bad("bad.tjpack");
    bad.feed("{\"format\": \"tabiji-training-pack\", \"version\": 1}");
    CHECK_THROWS_AS(bad.finish(), InputError);
}
