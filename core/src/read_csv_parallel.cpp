#include "tabiji/read_csv_parallel.hpp"

#include "tabiji/encoding.hpp"
#include "tabiji/log_merge.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <thread>
#include <vector>

namespace tabiji {

namespace {

struct Part {
    size_t begin = 0, end = 0;
    uint64_t first_line = 0; // line number of the part's first byte in the whole file
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

EventLog read_csv_parallel(std::string_view bytes, const std::string& source, const CsvOptions& options,
                           unsigned threads, ReadReport* report, size_t min_part_bytes) {
    // Only UTF-8 text can be cut at '\n' bytes; UTF-16 and CP932 files are read on one thread.
    size_t body = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") body = 3;
    const std::string_view head = bytes.substr(body, size_t(64) << 10);
    const bool utf8 =
        options.encoding == Encoding::utf8 ||
        (options.encoding == Encoding::detect && bytes.substr(0, 2) != "\xFF\xFE" &&
         bytes.substr(0, 2) != "\xFE\xFF" && looks_like_utf8(head, head.size() < bytes.size() - body));
    const size_t header_end = [&] {
        const void* nl = std::memchr(bytes.data() + body, '\n', bytes.size() - body);
        return nl ? size_t(static_cast<const char*>(nl) - bytes.data()) + 1 : bytes.size();
    }();
    const bool header_quoted = std::memchr(bytes.data(), '"', header_end) != nullptr;
    unsigned parts_wanted = std::max(1u, threads);
    while (parts_wanted > 1 && bytes.size() / parts_wanted < min_part_bytes) --parts_wanted;
    if (parts_wanted == 1 || !utf8 || header_quoted) return read_csv(bytes, source, options, report);

    // Cut points: after a '\n', with an even number of quotes before it.
    std::vector<Part> parts(parts_wanted);
    size_t pos = header_end, quotes = 0;
    uint64_t line = 2;
    for (unsigned k = 0; k < parts_wanted; ++k) {
        parts[k].begin = pos;
        parts[k].first_line = line;
        size_t target = k + 1 == parts_wanted
                            ? bytes.size()
                            : header_end + (bytes.size() - header_end) * (k + 1) / parts_wanted;
        size_t cut = bytes.size();
        while (k + 1 < parts_wanted && target < bytes.size()) {
            const void* nl = std::memchr(bytes.data() + target, '\n', bytes.size() - target);
            if (!nl) break;
            const size_t candidate = size_t(static_cast<const char*>(nl) - bytes.data()) + 1;
            const auto q = std::count(bytes.begin() + long(pos), bytes.begin() + long(candidate), '"');
            if ((quotes + size_t(q)) % 2 == 0) {
                cut = candidate;
                break;
            }
            target = candidate;
        }
        cut = std::max(cut, pos);
        quotes += size_t(std::count(bytes.begin() + long(pos), bytes.begin() + long(cut), '"'));
        line += uint64_t(std::count(bytes.begin() + long(pos), bytes.begin() + long(cut), '\n'));
        parts[k].end = cut;
        pos = cut;
    }

    const std::string_view header = bytes.substr(0, header_end);
    auto read_part = [&](Part& p) {
        try {
            CsvOptions o = options;
            o.encoding = Encoding::utf8;
            o.expected_bytes = header.size() + (p.end - p.begin);
            o.first_data_line = p.first_line;
            o.untyped_attributes = true; // typed once after merging, so every part sees all values
            CsvReader r(source, o);
            r.feed(header);
            r.feed(bytes.substr(p.begin, p.end - p.begin));
            p.log = r.finish();
            p.report = r.report();
        } catch (...) {
            p.error = std::current_exception();
        }
    };
    std::vector<std::thread> workers;
    for (size_t k = 1; k < parts.size(); ++k) workers.emplace_back(read_part, std::ref(parts[k]));
    read_part(parts[0]);
    for (auto& w : workers) w.join();

    for (const Part& p : parts)
        if (p.error) return read_csv(bytes, source, options, report); // the sequential reader decides

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
