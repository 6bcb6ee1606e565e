// bench_core: times each stage of the core on one log, in one process, and prints one JSON line.
//   bench_core LOG.csv [--repeat N]
//   bench_core LOG.xes[.gz] [--repeat N]   (XES: only the read, of the uncompressed XML held in memory)
// Stages: read (CSV bytes already in memory -> EventLog; without attributes, as `tabiji dfg` reads, and with
// all columns as typed attributes, as the web app and `tabiji info` read), dfg, variants, performance. Each
// is run N times and the best time is kept (the least disturbed by the rest of the machine). For the memory
// target, the peak growth of resident memory during one read (as in a fresh process: timing.hpp) and the
// bytes of the log's columns per event are reported; the read with attributes beside its payload.
#include "timing.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_csv_parallel.hpp"
#include "tabiji/read_xes.hpp"
#include "tabiji/variants.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

using namespace tabiji;
using namespace tabiji::bench;

namespace {

bool ends_with(const std::string& s, const char* tail) {
    const size_t n = std::strlen(tail);
    return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

// XES: the read of the inflated XML in memory (the target is in MB/s of uncompressed XML).
int bench_xes(const std::string& path, const std::string& bytes, int repeat) {
    const double peak_kib = fresh_peak_growth_kib([&] { read_xes(bytes, path, {}); });
    EventLog log;
    const double t_read = best_of(repeat, [&] {
        log = {};
        log = read_xes(bytes, path, {});
    });
    const double events = double(log.num_events());
    std::printf("{\"log\": \"%s\", \"format\": \"xes\", \"bytes\": %zu, \"events\": %.0f, \"cases\": %u, "
                "\"read_s\": %.4f, \"read_mb_s\": %.1f, \"read_peak_rss_bytes_per_event\": %.1f}\n",
                path.c_str(), bytes.size(), events, log.num_cases(), t_read,
                double(bytes.size()) / 1e6 / t_read, peak_kib * 1024.0 / events);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_core LOG.csv [--repeat N]\n");
        return 2;
    }
    const std::string path = argv[1];
    int repeat = 3;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));

    std::string bytes;
    std::error_code ec; // sized once (a plain file), so growing it leaves no peak above the read's own
    if (const auto size = std::filesystem::file_size(path, ec); !ec) bytes.reserve(size);
    read_file_chunks(path, [&](std::string_view c) { bytes.append(c); });
    if (ends_with(path, ".xes") || ends_with(path, ".xes.gz")) return bench_xes(path, bytes, repeat);
    CsvOptions no_attributes;
    no_attributes.attributes = AttributeSelection::none();
    // First, while this process holds little besides the bytes (timing.hpp).
    const double peak_kib = fresh_peak_growth_kib([&] { read_csv(bytes, path, no_attributes); });
    const double peak_attr_kib = fresh_peak_growth_kib([&] { read_csv(bytes, path, {}); });

    EventLog log;
    const double t_read = best_of(repeat, [&] {
        log = {};
        log = read_csv(bytes, path, no_attributes);
    });
    // With every other column as a typed attribute (what the web app and `tabiji info` read).
    const double t_read_attr = best_of(repeat, [&] {
        log = {};
        log = read_csv(bytes, path, {});
    });
    const double attr_bytes_per_event = double(log.attribute_bytes()) / double(log.num_events());
#ifdef __EMSCRIPTEN__
    const unsigned cores = 1; // built without threads
#else
    const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
#endif
    const double t_read_par = best_of(repeat, [&] {
        log = {};
        log = read_csv_parallel(bytes, path, no_attributes, cores);
    });
    Dfg dfg;
    const double t_dfg = best_of(repeat, [&] { dfg = mine_dfg(log); });
    std::vector<Variant> variants;
    const double t_var = best_of(repeat, [&] { variants = mine_variants(log); });
    std::vector<EdgePerformance> perf;
    const double t_perf = best_of(repeat, [&] { perf = mine_edge_performance(log); });

    const double mb = double(bytes.size()) / 1e6;
    const double events = double(log.num_events());
    std::printf(
        "{\"log\": \"%s\", \"bytes\": %zu, \"events\": %.0f, \"cases\": %u, \"activities\": %u, "
        "\"read_s\": %.4f, \"read_mb_s\": %.1f, \"read_attributes_mb_s\": %.1f, "
        "\"attribute_bytes_per_event\": %.1f, \"read_threads\": %u, \"read_parallel_s\": %.4f, "
        "\"read_parallel_mb_s\": %.1f, \"dfg_s\": %.4f, \"variants_s\": %.4f, "
        "\"performance_s\": %.4f, \"mine_s\": %.4f, \"log_bytes_per_event\": %.1f, "
        "\"read_peak_rss_bytes_per_event\": %.1f, \"read_attributes_peak_rss_bytes_per_event\": %.1f, "
        "\"edges\": %zu, \"variants\": %zu}\n",
        path.c_str(), bytes.size(), events, log.num_cases(), log.num_activities(), t_read, mb / t_read,
        mb / t_read_attr, attr_bytes_per_event, cores, t_read_par, mb / t_read_par, t_dfg, t_var, t_perf,
        t_dfg + t_var + t_perf, double(log.memory_bytes()) / events, peak_kib * 1024.0 / events,
        peak_attr_kib * 1024.0 / events, dfg.edges.size(), variants.size());
    return 0;
}
