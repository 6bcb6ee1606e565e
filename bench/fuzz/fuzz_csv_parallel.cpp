// libFuzzer target: arbitrary bytes read as CSV by read_csv_parallel, cut into 2..4 parts as small as a few
// bytes (both chosen by the input), in strict and lenient mode. It must give exactly what the one-thread
// reader gives: the same log and the same counts in the read report, or an InputError at the same place.
#include "fuzz_log.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_csv_parallel.hpp"

namespace {

struct Result {
    std::optional<tabiji::EventLog> log;
    tabiji::ReadReport report;
    std::string where;
};

template <class Read>
Result read_with(Read&& read) {
    Result r;
    try {
        r.log = read(&r.report);
        tabiji::fuzz::check_invariants(*r.log);
    } catch (const tabiji::InputError& e) {
        r.where = tabiji::format_location(e.file, e.line, e.column, "");
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tabiji;
    using fuzz::require;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const unsigned threads = size ? 2 + data[0] % 3 : 2;
    const size_t min_part_bytes = size ? 1 + data[size - 1] % 64 : 1;
    for (bool strict : {true, false}) {
        CsvOptions options;
        options.strict = strict;
        const Result one =
            read_with([&](ReadReport* report) { return read_csv(bytes, "fuzz", options, report); });
        const Result parts = read_with([&](ReadReport* report) {
            return read_csv_parallel(bytes, "fuzz", options, threads, report, min_part_bytes);
        });
        require(one.log.has_value() == parts.log.has_value(),
                "parallel read succeeds exactly when one thread does");
        if (!one.log) {
            require(one.where == parts.where, "parallel read fails where the one-thread read fails");
            continue;
        }
        require(fuzz::same_log(*one.log, *parts.log), "parallel read gives the one-thread read's log");
        const ReadReport &a = one.report, &b = parts.report;
        require(a.records == b.records && a.events == b.events &&
                    a.dropped_missing_values == b.dropped_missing_values &&
                    a.skipped_bad_records == b.skipped_bad_records && a.problem_counts == b.problem_counts &&
                    a.lifecycle_values == b.lifecycle_values,
                "parallel read reports the one-thread read's counts");
    }
    return 0;
}
