// Typed attribute columns of an EventLog: everything a log says about an event or a case besides the case
// id, the activity and the timestamp (channel, segment, resource, amount, ...).
//
// Layout: one AttributeColumn per attribute. Rows are event positions in the log's final order (event
// level) or case numbers (case level). A bit mask says which rows hold a value (a missing or empty value is
// null); only the payload vector of the column's type is filled:
//   string  -> ids (id into `strings`; id 0 is the empty string, and null rows hold id 0)
//   integer -> ints;  boolean -> ints (0 / 1);  time -> ints (microseconds since 1970, UTC)
//   real    -> reals
// Null rows hold 0 in ints / reals. Attribute columns are "payload": EventLog::memory_bytes() counts the
// core columns only, EventLog::attribute_bytes() these.
//
// Typing (type_attributes, run once by EventLogBuilder::finish): a reader hands over every value as text;
// each column's type is inferred from its DISTINCT non-empty values only: all parse as integer -> integer;
// else all as real -> real; else all are true/false (any case) -> boolean; else all are timestamps
// (parse_timestamp, naive ones in the reader's zone) -> time; else string. A column with a declared type
// (XES) keeps it when all its values parse as that type, and is a string column otherwise. Conversion is a
// table lookup per row, so typing costs O(distinct) parses + O(rows) lookups.
//
// Level (AttrLevel::detect, what CSV and JSON Lines ask for): a column whose value is the same in all
// events of every case (nulls included) moves to case level, when at least one case has two events (else
// there is no evidence). A column named with PM4Py's "case:" prefix always goes to case level (name kept);
// when its values differ inside a case, the case takes the first non-null value in the log's order.
// Both rules look at the log in its final order, so reading a file on one thread or on several gives the
// same columns (read_csv_parallel merges untyped columns, then types once).
#pragma once
#include "tabiji/string_pool.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct EventLog;
class TimeZone;

enum class AttrType : uint8_t { string, integer, real, boolean, time };
enum class AttrLevel : uint8_t { event, case_level, detect };

// "string", "integer", "real", "boolean", "time".
const char* attr_type_name(AttrType type);

struct AttributeColumn {
    std::string name;
    AttrType type = AttrType::string;
    bool case_level = false;
    uint64_t rows = 0;
    std::vector<uint64_t> valid; // bit r set: row r holds a value
    std::vector<uint32_t> ids;   // string
    std::vector<int64_t> ints;   // integer, boolean 0/1, time in microseconds UTC
    std::vector<double> reals;   // real
    StringPool strings;          // string: distinct values, id 0 = ""

    // Until typed (between EventLogBuilder::finish_untyped and type_attributes) a column is a string
    // column of the raw texts at event level (or case level when asked), and remembers what was asked.
    bool typed = true;
    AttrLevel requested_level = AttrLevel::event;
    std::optional<AttrType> declared;

    bool has(uint64_t row) const { return (valid[row >> 6] >> (row & 63)) & 1; }
    uint64_t null_count() const;
    // The value as text: strings as they are, integers in decimal, reals with up to 17 significant
    // digits, booleans "true"/"false", times in ISO 8601 UTC; "" for null.
    std::string text(uint64_t row) const;
    size_t memory_bytes() const;
};

// Which attributes a reader keeps. Reading attributes costs time (CSV: about a third more per byte), so
// the mining commands ask for none unless they need one; the web app and `tabiji info` ask for all.
struct AttributeSelection {
    enum class Mode : uint8_t { all, none, list } mode = Mode::all;
    std::vector<std::string> names; // Mode::list
    static AttributeSelection none() { return {Mode::none, {}}; }
    static AttributeSelection only(std::vector<std::string> names) { return {Mode::list, std::move(names)}; }
    bool wants(std::string_view name) const;
    bool wants_any() const { return mode == Mode::all || !names.empty(); }
    // Adds names to the selection (none -> a list of them; all stays all).
    void add(const std::vector<std::string>& more);
};

// Infers types and levels of every untyped column of the log (see above). Naive timestamps in values are
// read in `zone`.
void type_attributes(EventLog& log, const TimeZone& zone);

// The value parsers of the inference, exposed for the readers and tests.
std::optional<int64_t> parse_integer(std::string_view text);
std::optional<double> parse_real(std::string_view text); // decimal notation only (no nan, inf, hex)
std::optional<bool> parse_boolean(std::string_view text);

} // namespace tabiji
