// What every log-reader fuzz target checks: the bytes are read whole and in three chunks (split where the
// input itself says, since chunk boundaries are a classic source of bugs), in strict and in lenient mode.
// Allowed outcomes are a log or an InputError; anything else (a crash, a sanitizer report, another
// exception) is a finding. On success the log must satisfy the EventLog invariants (case_offsets a CSR
// index over all events, activity ids inside the pool, events of a case sorted by time), and the chunked
// read must give exactly the whole read's result: the same log, or an error at the same place (XES: an
// error, anywhere: expat reports a malformed document at the token it is on when a piece ends).
#pragma once
#include "tabiji/error.hpp"
#include "tabiji/read_log.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji::fuzz {

// Stops the run with a message libFuzzer keeps next to the crashing input.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}
inline void require(bool ok, const char* what) {
    if (!ok) fail(what);
}

inline void check_invariants(const EventLog& log) {
    require(!log.case_offsets.empty() && log.case_offsets.front() == 0, "case_offsets starts at 0");
    require(log.case_offsets.back() == log.num_events(), "case_offsets ends at the number of events");
    for (size_t c = 1; c < log.case_offsets.size(); ++c)
        require(log.case_offsets[c - 1] <= log.case_offsets[c], "case_offsets non-decreasing");
    require(log.cases.size() == log.num_cases(), "one case id per case");
    require(log.time.size() == log.activity.size(), "one time per event");
    for (uint32_t a : log.activity) require(a < log.num_activities(), "activity id < num_activities");
    if (!log.has_time) return;
    for (uint32_t c = 0; c < log.num_cases(); ++c)
        for (uint64_t e = log.case_begin(c) + 1; e < log.case_end(c); ++e)
            require(log.time[e - 1] <= log.time[e], "events of a case sorted by time");
    for (const auto& column : log.event_attributes)
        require(column.rows == log.num_events(), "event attribute column has one row per event");
    for (const auto& column : log.case_attributes)
        require(column.rows == log.num_cases(), "case attribute column has one row per case");
}

// A read's outcome, comparable across chunkings.
struct Outcome {
    std::optional<EventLog> log;
    std::string where; // file:line:column of the error (expat words an error differently by chunking)
};

inline Outcome read_in_chunks(const std::vector<std::string_view>& chunks, const ReadOptions& options) {
    Outcome out;
    try {
        LogReader reader("fuzz", options);
        for (auto chunk : chunks) reader.feed(chunk);
        out.log = reader.finish();
        check_invariants(*out.log);
    } catch (const InputError& e) {
        out.where = format_location(e.file, e.line, e.column, "");
    }
    return out;
}

inline bool same_columns(const std::vector<AttributeColumn>& a, const std::vector<AttributeColumn>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].type != b[i].type || a[i].rows != b[i].rows) return false;
        for (uint64_t r = 0; r < a[i].rows; ++r)
            if (a[i].text(r) != b[i].text(r)) return false;
    }
    return true;
}

inline bool same_log(const EventLog& a, const EventLog& b) {
    if (a.case_offsets != b.case_offsets || a.activity != b.activity || a.time != b.time ||
        a.has_time != b.has_time || a.num_activities() != b.num_activities())
        return false;
    for (uint32_t i = 0; i < a.num_activities(); ++i)
        if (a.activities.view(i) != b.activities.view(i)) return false;
    for (uint32_t c = 0; c < a.num_cases(); ++c)
        if (a.cases.view(c) != b.cases.view(c)) return false;
    return same_columns(a.event_attributes, b.event_attributes) &&
           same_columns(a.case_attributes, b.case_attributes);
}

// The whole input, then three chunks split at offsets taken from the input's first and last bytes.
inline void fuzz_log(const uint8_t* data, size_t size, LogFormat format) {
    const bool same_error_place = format != LogFormat::xes;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const size_t a = size ? data[0] % (size + 1) : 0;
    const size_t b = a + (size ? data[size - 1] % (size - a + 1) : 0);
    const std::vector<std::string_view> whole{bytes};
    const std::vector<std::string_view> chunked{bytes.substr(0, a), bytes.substr(a, b - a), bytes.substr(b)};
    for (bool strict : {true, false}) {
        ReadOptions options;
        options.format = format;
        options.set_strict(strict);
        const Outcome one = read_in_chunks(whole, options);
        const Outcome three = read_in_chunks(chunked, options);
        require(one.log.has_value() == three.log.has_value(),
                "chunked read succeeds exactly when whole does");
        if (one.log)
            require(same_log(*one.log, *three.log), "chunked read gives the whole read's log");
        else
            require(!same_error_place || one.where == three.where,
                    "chunked read fails where the whole read fails");
    }
}

} // namespace tabiji::fuzz
