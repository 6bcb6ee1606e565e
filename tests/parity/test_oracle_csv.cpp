// Parity with PM4Py: every CSV log under shared/data that has a reference output in shared/oracle is read
// with the options recorded in the reference's meta, and must match the reference exactly (see
// support/oracle_compare.hpp); the separator and the columns our detection picks must be the reference's.
#include "support/oracle_compare.hpp"

#include "tabiji/read_csv.hpp"

namespace fs = std::filesystem;
using namespace tabiji;

TEST_SUITE("parity") {
    TEST_CASE("every CSV log in shared/data matches the PM4Py reference exactly") {
        if (!test::shared_or_skip()) return;
        int compared = 0;
        for (const fs::path& ref_path : test::oracle_files("csv")) {
            const rapidjson::Document ref = test::load_json(ref_path);
            const auto& meta = ref["meta"];
            const std::string label = meta["options"]["label"].GetString();
            CAPTURE(label);
            const fs::path data = test::shared_dir() / meta["source"].GetString();
            REQUIRE_MESSAGE(fs::exists(data), "missing ", data.string());

            const auto& o = meta["options"];
            CsvOptions options;
            options.case_column = test::opt_string(o, "case");
            options.activity_column = test::opt_string(o, "activity");
            options.timestamp_column = test::opt_string(o, "timestamp");
            const std::string sep = test::opt_string(o, "sep");
            REQUIRE(test::opt_string(o, "lifecycle").empty()); // no CSV reference filters on lifecycle
            // The reference states its separator; our detection must find the same one by itself.
            ReadReport report;
            const EventLog log = read_csv_file(data.string(), options, &report);
            CHECK(std::string(1, report.separator) == sep);
            CHECK(report.case_column == meta["columns_used"]["case"].GetString());
            CHECK(report.activity_column == meta["columns_used"]["activity"].GetString());
            CHECK(report.timestamp_column == meta["columns_used"]["timestamp"].GetString());
            CHECK(report.dropped_missing_values == meta["rows_dropped_missing_values"].GetUint64());

            test::check_matches_oracle(log, ref);
            ++compared;
        }
        MESSAGE("compared ", compared, " CSV reference outputs");
        CHECK(compared >= 11); // the 11 CSV references listed in shared/oracle
    }
}
