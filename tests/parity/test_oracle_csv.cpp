// Parity with PM4Py: every CSV log under shared/data that has a reference output in shared/oracle is read
// with the options recorded in the reference's meta, and its counts, activities, start/end activities,
// directly-follows graph, variants and edge performance must equal the reference (durations to 1e-6
// relative; stdev null exactly where the reference has null).
#include "support/paths.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace tabiji;

namespace {

rapidjson::Document load_json(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    rapidjson::Document d;
    d.Parse(ss.str().c_str());
    REQUIRE_MESSAGE(!d.HasParseError(), "cannot parse ", p.string());
    return d;
}

std::string opt_string(const rapidjson::Value& options, const char* key) {
    auto it = options.FindMember(key);
    return it != options.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

using Counts = std::map<std::string, uint64_t>;

Counts oracle_counts(const rapidjson::Value& list) {
    Counts m;
    for (const auto& x : list.GetArray()) m[x["activity"].GetString()] = x["count"].GetUint64();
    return m;
}

Counts our_counts(const EventLog& log, const std::vector<uint64_t>& per_activity) {
    Counts m;
    for (uint32_t a = 0; a < per_activity.size(); ++a)
        if (per_activity[a]) m[std::string(log.activities.view(a))] = per_activity[a];
    return m;
}

bool close(double ours, double theirs) {
    return std::fabs(ours - theirs) <= 1e-6 * std::max(std::fabs(ours), std::fabs(theirs)) + 1e-9;
}

} // namespace

TEST_SUITE("parity") {
    TEST_CASE("every CSV log in shared/data matches the PM4Py reference exactly") {
        if (!test::have_shared()) {
            MESSAGE("SKIPPED: ", test::shared_dir().string(),
                    " is absent; parity needs shared/oracle and shared/data");
            return;
        }
        int compared = 0;
        for (const auto& entry : fs::directory_iterator(test::shared_dir() / "oracle")) {
            if (entry.path().extension() != ".json") continue;
            const rapidjson::Document ref = load_json(entry.path());
            const auto& meta = ref["meta"];
            if (std::string(meta["input_kind"].GetString()) != "csv") continue;
            const std::string label = meta["options"]["label"].GetString();
            CAPTURE(label);
            const fs::path data = test::shared_dir() / meta["source"].GetString();
            REQUIRE_MESSAGE(fs::exists(data), "missing ", data.string());

            const auto& o = meta["options"];
            CsvOptions options;
            options.case_column = opt_string(o, "case");
            options.activity_column = opt_string(o, "activity");
            options.timestamp_column = opt_string(o, "timestamp");
            const std::string sep = opt_string(o, "sep");
            REQUIRE(opt_string(o, "lifecycle").empty()); // no CSV reference filters on lifecycle
            // The reference states its separator; our detection must find the same one by itself.
            ReadReport report;
            const EventLog log = read_csv_file(data.string(), options, &report);
            CHECK(std::string(1, report.separator) == sep);
            CHECK(report.case_column == meta["columns_used"]["case"].GetString());
            CHECK(report.activity_column == meta["columns_used"]["activity"].GetString());
            CHECK(report.timestamp_column == meta["columns_used"]["timestamp"].GetString());
            CHECK(report.dropped_missing_values == meta["rows_dropped_missing_values"].GetUint64());

            const Dfg dfg = mine_dfg(log);
            CHECK(log.num_cases() == ref["num_cases"].GetUint64());
            CHECK(log.num_events() == ref["num_events"].GetUint64());
            CHECK(log.num_activities() == ref["num_activities"].GetUint64());
            CHECK(our_counts(log, dfg.events) == oracle_counts(ref["activities"]));
            CHECK(our_counts(log, dfg.starts) == oracle_counts(ref["start_activities"]));
            CHECK(our_counts(log, dfg.ends) == oracle_counts(ref["end_activities"]));

            std::map<std::pair<std::string, std::string>, uint64_t> ours_dfg, ref_dfg;
            for (const auto& e : dfg.edges)
                ours_dfg[{std::string(log.activities.view(e.from)), std::string(log.activities.view(e.to))}] =
                    e.count;
            for (const auto& e : ref["dfg"].GetArray())
                ref_dfg[{e["from"].GetString(), e["to"].GetString()}] = e["count"].GetUint64();
            CHECK(ours_dfg == ref_dfg);

            std::map<std::vector<std::string>, uint64_t> ours_var, ref_var;
            for (const auto& v : mine_variants(log)) {
                std::vector<std::string> seq;
                for (uint32_t a : v.activities) seq.emplace_back(log.activities.view(a));
                ours_var[seq] = v.count;
            }
            for (const auto& v : ref["variants"].GetArray()) {
                std::vector<std::string> seq;
                for (const auto& a : v["activities"].GetArray()) seq.emplace_back(a.GetString());
                ref_var[seq] = v["count"].GetUint64();
            }
            CHECK(ours_var.size() == ref_var.size());
            CHECK(ours_var == ref_var);

            const auto perf = mine_edge_performance(log);
            if (ref["performance_dfg"].IsNull()) {
                CHECK(perf.empty());
            } else {
                std::map<std::pair<std::string, std::string>, const rapidjson::Value*> ref_perf;
                for (const auto& e : ref["performance_dfg"].GetArray())
                    ref_perf[{e["from"].GetString(), e["to"].GetString()}] = &e;
                CHECK(perf.size() == ref_perf.size());
                int mismatches = 0;
                for (const auto& p : perf) {
                    auto it = ref_perf.find(
                        {std::string(log.activities.view(p.from)), std::string(log.activities.view(p.to))});
                    REQUIRE(it != ref_perf.end());
                    const auto& r = *it->second;
                    const auto& s = p.stats;
                    bool ok = s.count == r["count"].GetUint64() && close(s.mean, r["mean"].GetDouble()) &&
                              close(s.median, r["median"].GetDouble()) &&
                              close(s.min, r["min"].GetDouble()) && close(s.max, r["max"].GetDouble()) &&
                              close(s.sum, r["sum"].GetDouble()) &&
                              (r["stdev"].IsNull() ? !s.has_stdev()
                                                   : s.has_stdev() && close(s.stdev, r["stdev"].GetDouble()));
                    if (!ok && ++mismatches <= 3)
                        FAIL_CHECK("performance of ", it->first.first, " -> ", it->first.second, " differs");
                }
                CHECK(mismatches == 0);
            }
            ++compared;
        }
        MESSAGE("compared ", compared, " CSV reference outputs");
        CHECK(compared >= 11); // the 11 CSV references listed in shared/oracle
    }
}
