// What a reader saw: counts, the columns it chose, and every problem kind with its first examples.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct ReadProblem {
    std::string kind;    // stable key, e.g. "ragged_row", "bad_timestamp"
    uint64_t line = 0;   // 1-based line where the record starts
    uint64_t column = 0; // 1-based byte column of the offending field
    std::string text;    // the offending text (shortened)
    std::string message; // human sentence: what was found and what was expected
};

struct ReadReport {
    std::string source;
    std::string format;           // "csv", "jsonl", "xes", "ocel"
    char separator = 0;           // CSV: the separator used
    std::string encoding;         // the text encoding read ("UTF-8", "CP932", ...)
    bool byte_order_mark = false; // the file started with one
    uint64_t replaced_bytes = 0;  // lenient mode: invalid bytes replaced by U+FFFD
    std::string case_column, activity_column, timestamp_column;
    uint64_t records = 0;                             // data records seen (header excluded)
    uint64_t events = 0;                              // events kept
    uint64_t dropped_missing_values = 0;              // records with an empty case id, activity or timestamp
    uint64_t skipped_bad_records = 0;                 // lenient mode: records skipped because of a problem
    std::map<std::string, uint64_t> lifecycle_values; // records per lifecycle value (when there is a column)
    std::map<std::string, uint64_t> lifecycle_pairing; // --pair-lifecycle: pairs, unmatched_completes, ...
    std::map<std::string, uint64_t> problem_counts;
    std::vector<ReadProblem> examples; // at most kMaxExamples per kind
    static constexpr size_t kMaxExamples = 5;

    void add_problem(ReadProblem p);
};

// The first max_bytes of s (cut at a UTF-8 character boundary) with "..." when cut: for messages.
std::string shorten_text(std::string_view s, size_t max_bytes = 80);

} // namespace tabiji
