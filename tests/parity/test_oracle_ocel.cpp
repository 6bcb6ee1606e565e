// Parity with PM4Py on object-centric logs: every reference output whose input is an OCEL JSON document
// (OCEL 1.0 and 2.0) is flattened on the object type its meta names and must match exactly (see
// support/oracle_compare.hpp); the object types we list must be the reference's.
#include "support/oracle_compare.hpp"

#include "tabiji/input_file.hpp"
#include "tabiji/read_ocel.hpp"

namespace fs = std::filesystem;
using namespace tabiji;

TEST_SUITE("parity") {
    TEST_CASE("every OCEL log in shared/data, flattened, matches the PM4Py reference exactly") {
        if (!test::shared_or_skip()) return;
        int compared = 0;
        for (const fs::path& ref_path : test::oracle_files("jsonocel")) {
            const rapidjson::Document ref = test::load_json(ref_path);
            const auto& meta = ref["meta"];
            const std::string label = meta["options"]["label"].GetString();
            CAPTURE(label);
            const fs::path data = test::shared_dir() / meta["source"].GetString();
            REQUIRE_MESSAGE(fs::exists(data), "missing ", data.string());

            OcelOptions options;
            options.object_type = test::opt_string(meta["options"], "ocel_object_type");
            REQUIRE(!options.object_type.empty());
            OcelReader reader(data.string(), options);
            read_file_chunks(data.string(), [&](std::string_view chunk) { reader.feed(chunk); });
            const EventLog log = reader.finish();
            std::vector<std::string> ref_types;
            for (const auto& t : meta["ocel_object_types"].GetArray()) ref_types.emplace_back(t.GetString());
            CHECK(reader.object_types() == ref_types);
            CHECK(reader.report().dropped_missing_values == meta["rows_dropped_missing_values"].GetUint64());
            test::check_matches_oracle(log, ref);
            ++compared;
        }
        MESSAGE("compared ", compared, " OCEL reference outputs");
        CHECK(compared >= 3); // recruiting-red (1.0), example_log (1.0), ocel20_example (2.0)
    }
}
