// Comparing a log with a PM4Py reference output in shared/oracle: the one place the parity tests (CSV,
// XES, OCEL) define what "matches exactly" means. Counts, activities, start/end activities, the
// directly-follows graph and the variants must be equal; edge performance to 1e-6 relative, with stdev
// null exactly where the reference has null, and no performance at all where the reference has null.
#pragma once
#include "support/paths.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace tabiji::test {

inline rapidjson::Document load_json(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    rapidjson::Document d;
    d.Parse(ss.str().c_str());
    REQUIRE_MESSAGE(!d.HasParseError(), "cannot parse ", p.string());
    return d;
}

// A string option of meta.options ("" when absent or null).
inline std::string opt_string(const rapidjson::Value& options, const char* key) {
    auto it = options.FindMember(key);
    return it != options.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

// The reference outputs whose meta.input_kind is `kind`, sorted by file name.
inline std::vector<std::filesystem::path> oracle_files(const std::string& kind) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(shared_dir() / "oracle")) {
        if (entry.path().extension() != ".json") continue;
        const rapidjson::Document ref = load_json(entry.path());
        if (kind == ref["meta"]["input_kind"].GetString()) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace detail {

using Counts = std::map<std::string, uint64_t>;

inline Counts oracle_counts(const rapidjson::Value& list) {
    Counts m;
    for (const auto& x : list.GetArray()) m[x["activity"].GetString()] = x["count"].GetUint64();
    return m;
}

inline Counts our_counts(const EventLog& log, const std::vector<uint64_t>& per_activity) {
    Counts m;
    for (uint32_t a = 0; a < per_activity.size(); ++a)
        if (per_activity[a]) m[std::string(log.activities.view(a))] = per_activity[a];
    return m;
}

inline bool close(double ours, double theirs) {
    return std::fabs(ours - theirs) <= 1e-6 * std::max(std::fabs(ours), std::fabs(theirs)) + 1e-9;
}

} // namespace detail

// Checks (doctest CHECKs) that the log's results equal the reference's.
inline void check_matches_oracle(const EventLog& log, const rapidjson::Value& ref) {
    using namespace detail;
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
        return;
    }
    std::map<std::pair<std::string, std::string>, const rapidjson::Value*> ref_perf;
    for (const auto& e : ref["performance_dfg"].GetArray())
        ref_perf[{e["from"].GetString(), e["to"].GetString()}] = &e;
    CHECK(perf.size() == ref_perf.size());
    int mismatches = 0;
    for (const auto& p : perf) {
        auto it =
            ref_perf.find({std::string(log.activities.view(p.from)), std::string(log.activities.view(p.to))});
        REQUIRE(it != ref_perf.end());
        const auto& r = *it->second;
        const auto& s = p.stats;
        const bool ok =
            s.count == r["count"].GetUint64() && close(s.mean, r["mean"].GetDouble()) &&
            close(s.median, r["median"].GetDouble()) && close(s.min, r["min"].GetDouble()) &&
            close(s.max, r["max"].GetDouble()) && close(s.sum, r["sum"].GetDouble()) &&
            (r["stdev"].IsNull() ? !s.has_stdev() : s.has_stdev() && close(s.stdev, r["stdev"].GetDouble()));
        if (!ok && ++mismatches <= 3)
            FAIL_CHECK("performance of ", it->first.first, " -> ", it->first.second, " differs");
    }
    CHECK(mismatches == 0);
}

// True when the shared folder is there; otherwise says why the test is skipped.
inline bool shared_or_skip() {
    if (have_shared()) return true;
    MESSAGE("SKIPPED: ", shared_dir().string(), " is absent; parity needs shared/oracle and shared/data");
    return false;
}

} // namespace tabiji::test
