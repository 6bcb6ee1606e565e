#include "tabiji/read_csv_parallel.hpp"

#include "tabiji/encoding.hpp"
#include "tabiji/log_merge.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <thread>
#include <vector>

namespace tabiji {

namespace {

struct Part : CsvPart {
    EventLog log;
    ReadReport report;
    std::exception_ptr error;
};

void merge_reports(ReadReport& into, const ReadReport& part) {
    into.records += part.records;
    into.events += part.events;
    into.dropped_missing_values += part.dropped_missing_values;
    into.skipped_bad_records += part.skipped_bad_records;
    into.replaced_bytes += part.replaced_bytes;
    for (const auto& [value, n] : part.lifecycle_values) into.lifecycle_values[value] += n;
    for (const auto& [kind, n] : part.problem_counts) into.problem_counts[kind] += n;
    for (const auto& p : part.examples) {
        const auto shown = std::count_if(into.examples.begin(), into.examples.end(),
                                         [&](const ReadProblem& q) { return q.kind == p.kind; });
        if (size_t(shown) < ReadReport::kMaxExamples) into.examples.push_back(p);
    }
}

} // namespace

CsvCutPlan plan_csv_cuts(std::string_view bytes, const CsvOptions& options) {
    // Only UTF-8 text can be cut at '\n' bytes; UTF-16 and CP932 files are read on one thread.
    size_t body = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") body = 3;
    const std::string_view head = bytes.substr(body, size_t(64) << 10);
    const bool utf8 =
        options.encoding == Encoding::utf8 ||
        (options.encoding == Encoding::detect && bytes.substr(0, 2) != "\xFF\xFE" &&
         bytes.substr(0, 2) != "\xFE\xFF" && looks_like_utf8(head, head.size() < bytes.size() - body));
    CsvCutPlan plan;
    const void* nl = std::memchr(bytes.data() + body, '\n', bytes.size() - body);
    plan.header_end = nl ? size_t(static_cast<const char*>(nl) - bytes.data()) + 1 : bytes.size();
    const bool header_quoted = std::memchr(bytes.data(), '"', plan.header_end) != nullptr;
    // Every part's reader is fed the header: a byte it replaces there (invalid UTF-8, NUL) would be
    // counted once per part (found by fuzz_csv_parallel). Such a header is read on one thread.
    const std::string_view header = bytes.substr(body, plan.header_end - body);
    const bool header_clean =
        valid_utf8_prefix(header, false) == header.size() && header.find('\0') == std::string_view::npos;
    plan.splittable = utf8 && !header_quoted && header_clean;
    return plan;
}

// The header holds no quote (plan_csv_cuts), so counting starts at header_end.
std::vector<CsvPart> cut_csv_parts(std::string_view bytes, size_t header_end, unsigned count,
                                   bool quote_parity) {
    std::vector<CsvPart> parts(count);
    size_t pos = header_end;     // where the current part starts
    size_t counted = header_end; // quotes are counted up to here
    size_t quotes = 0;
    for (unsigned k = 0; k < count; ++k) {
        parts[k].begin = pos;
        size_t cut = bytes.size();
        if (k + 1 < count) {
            size_t from = std::max(pos, header_end + (bytes.size() - header_end) * (k + 1) / count);
            while (from < bytes.size()) {
                const void* nl = std::memchr(bytes.data() + from, '\n', bytes.size() - from);
                if (!nl) break;
                const size_t candidate = size_t(static_cast<const char*>(nl) - bytes.data()) + 1;
                if (quote_parity) {
                    quotes += size_t(
                        std::count(bytes.begin() + long(counted), bytes.begin() + long(candidate), '"'));
                    counted = candidate;
                    if (quotes % 2) {
                        from = candidate;
                        continue;
                    }
                }
                cut = candidate;
                break;
            }
        }
        parts[k].end = cut;
        pos = cut;
    }
    return parts;
}

EventLog read_csv_part(std::string_view bytes, size_t header_end, CsvPart part, const std::string& source,
                       const CsvOptions& options, ReadReport* report,
                       const std::function<void(size_t)>& after_slice) {
    CsvOptions o = options;
    o.encoding = Encoding::utf8;
    o.expected_bytes = header_end + (part.end - part.begin);
    CsvReader r(source, o);
    r.feed(bytes.substr(0, header_end));
    feed_in_slices(r, bytes.substr(part.begin, part.end - part.begin), after_slice);
    EventLog log = r.finish();
    if (report) *report = r.report();
    return log;
}

EventLog read_csv_parallel(std::string_view bytes, const std::string& source, const CsvOptions& options,
                           unsigned threads, ReadReport* report, size_t min_part_bytes,
                           const std::function<void(uint64_t)>& progress) {
    // Every part adds what it has read; the calling thread's part reports the sum.
    std::atomic<uint64_t> read_so_far{0};
    const std::function<void(size_t)> none, count_slice = [&](size_t n) { read_so_far += n; };
    const std::function<void(size_t)> count_and_report = [&](size_t n) { progress(read_so_far += n); };
    auto read_on_one_thread = [&] {
        read_so_far = 0;
        return read_csv(bytes, source, options, report, progress ? count_and_report : none);
    };

    const CsvCutPlan plan = plan_csv_cuts(bytes, options);
    const size_t header_end = plan.header_end;
    unsigned parts_wanted = std::max(1u, threads);
    while (parts_wanted > 1 && bytes.size() / parts_wanted < min_part_bytes) --parts_wanted;
    if (parts_wanted == 1 || !plan.splittable) return read_on_one_thread();
    auto read_part = [&](Part& p, bool reports) {
        try {
            CsvOptions o = options;
            o.untyped_attributes = true; // typed once after merging, so every part sees all values
            p.log = read_csv_part(bytes, header_end, p, source, o, &p.report,
                                  !progress ? none
                                  : reports ? count_and_report
                                            : count_slice);
        } catch (...) {
            p.error = std::current_exception();
        }
    };
    auto read_parts = [&](bool quote_parity) {
        std::vector<Part> parts;
        for (const CsvPart& c : cut_csv_parts(bytes, header_end, parts_wanted, quote_parity))
            parts.push_back({c, {}, {}, nullptr});
        std::vector<std::thread> workers;
        read_so_far = 0;
        for (size_t k = 1; k < parts.size(); ++k) workers.emplace_back(read_part, std::ref(parts[k]), false);
        read_part(parts[0], true);
        for (auto& w : workers) w.join();
        return parts;
    };
    auto any_error = [](const std::vector<Part>& parts) {
        return std::any_of(parts.begin(), parts.end(), [](const Part& p) { return bool(p.error); });
    };
    // First try: cuts at plain line ends (no pass over the file before the threads start). A cut inside
    // a quoted field makes the part before it end in an open quote, which is an error: then cut again at
    // line ends with an even number of quotes before them; if a part still fails, the one-thread reader
    // decides (and reports the first error exactly where it is).
    std::vector<Part> parts = read_parts(false);
    if (any_error(parts) && std::memchr(bytes.data(), '"', bytes.size())) parts = read_parts(true);
    if (any_error(parts)) return read_on_one_thread();

    // Each part numbered its lines from 2; move its problem reports to the lines of the whole file. Line
    // ends are counted only up to the last part with a problem to show (most reads have none).
    uint64_t first_line = 2;
    size_t counted_to = parts[0].begin;
    for (Part& p : parts) {
        if (p.report.examples.empty()) continue;
        first_line +=
            uint64_t(std::count(bytes.begin() + long(counted_to), bytes.begin() + long(p.begin), '\n'));
        counted_to = p.begin;
        for (ReadProblem& problem : p.report.examples) problem.line += first_line - 2;
    }

    EventLog log = std::move(parts[0].log);
    ReadReport merged = parts[0].report;
    for (size_t k = 1; k < parts.size(); ++k) {
        log = merge_logs(std::move(log), parts[k].log);
        merge_reports(merged, parts[k].report);
    }
    type_attributes(log, options.time_zone);
    if (report) *report = std::move(merged);
    return log;
}

} // namespace tabiji
