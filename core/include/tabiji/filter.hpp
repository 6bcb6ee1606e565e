// Filters: a chain of steps, each narrowing a LogView (log_view.hpp) over the log; the log is never
// copied. Steps apply in order, each to the view the previous ones left (so "case size" counts the events
// an earlier event filter kept). A filter that masks events also drops the cases left without events.
//
// The steps and their exact meaning (times are inclusive bounds; an unset bound is open):
//   time_frame        mode events: keep events with from <= t <= to;
//                     mode contained: keep cases whose first and last kept event are inside [from, to];
//                     mode intersecting: keep cases whose span [first, last] overlaps [from, to].
//   case_size         keep cases with min <= kept events <= max.
//   case_duration     keep cases with min <= (last - first kept timestamp, seconds) <= max.
//   start_touchpoints keep (keep=true) or drop (keep=false) cases whose first kept event is one of the list.
//   end_touchpoints   the same with the last kept event.
//   touchpoint        mode keep_cases: cases with at least one event of the list; drop_cases: cases with
//                     none; keep_events: only the events of the list; drop_events: all but those.
//   directly_follows  keep (or drop) cases where an event `from` is directly followed by `to` (kept events).
//   eventually_follows keep (or drop) cases with an event `from` and a later event `to`.
//   between           keep, in each case, the events from its first `from` to the first `to` after it
//                     (both included); cases without such a pair are dropped. One segment per case:
//                     a view cannot split a case into sub-cases.
//   variants          keep the cases of the `top` most frequent variants (mine_variants order), or of the
//                     fewest variants covering `coverage_percent` % of the cases (variants_covering).
//   attribute         an attribute column (attributes.hpp) found by name, event level first, matched per
//                     row against a set of values OR an inclusive range [min, max] (either bound open);
//                     modes as for touchpoint: keep_cases (cases with at least one matching kept event),
//                     drop_cases (cases with none), keep_events (only the matching events), drop_events
//                     (all but those). A case-level attribute matches all events of its case, so the
//                     event modes act as the case modes there. Values are compared typed: strings
//                     exactly; booleans true/false (any case); integers, reals and times by value (times
//                     in ISO 8601, naive = UTC). Ranges need an integer, real or time attribute (number
//                     bounds for integer and real, time bounds for time). A null (missing or empty value)
//                     never matches a value or a range; with match_null it matches. The attribute must be
//                     in the log (read: see filter_attribute_names), and string values must occur in it:
//                     else an InputError naming the attribute and listing the available ones.
// Touchpoints are named as in the log; an unknown name is an InputError naming it.
//
// Adding a filter kind: add a parameter
// struct, add it to the Filter variant, give it a "kind" name and its fields in filter_json.cpp
// (filter_kind_name, read and write), its checks in validate_filter and its step in apply_filter. Every
// std::visit over Filter then fails to compile until the new kind is handled everywhere.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tabiji {

enum class TimeFrameMode : uint8_t { events, contained, intersecting };
struct TimeFrameFilter {
    TimeFrameMode mode = TimeFrameMode::events;
    Micros from = kNoTime, to = kNoTime; // kNoTime: open bound
};

struct CaseSizeFilter {
    uint64_t min = 0;
    uint64_t max = std::numeric_limits<uint64_t>::max();
};

struct CaseDurationFilter {
    double min_seconds = 0;
    double max_seconds = std::numeric_limits<double>::infinity();
};

enum class Endpoint : uint8_t { start, end };
struct EndpointFilter {
    Endpoint endpoint = Endpoint::start;
    std::vector<std::string> touchpoints;
    bool keep = true;
};

// What a filter does with the cases and events that match it (touchpoint and attribute filters).
enum class MatchMode : uint8_t { keep_cases, drop_cases, keep_events, drop_events };
using TouchpointMode = MatchMode;
struct TouchpointFilter {
    TouchpointMode mode = TouchpointMode::keep_cases;
    std::vector<std::string> touchpoints;
};

struct FollowsFilter {
    bool eventually = false; // false: directly follows
    std::string from, to;
    bool keep = true;
};

struct BetweenFilter {
    std::string from, to;
};

struct VariantFilter {
    uint64_t top = 0;            // > 0: keep the top variants
    double coverage_percent = 0; // else: keep the fewest variants covering this share of cases
};

// One bound of an attribute range: open, a number (integer and real attributes) or a time (time ones).
struct AttributeBound {
    enum class Kind : uint8_t { open, number, time } kind = Kind::open;
    double number = 0; // Kind::number
    Micros time = 0;   // Kind::time
    static AttributeBound of(double x) { return {Kind::number, x, 0}; }
    static AttributeBound at(Micros t) { return {Kind::time, 0, t}; }
    bool open() const { return kind == Kind::open; }
    bool operator==(const AttributeBound&) const = default;
};

struct AttributeFilter {
    std::string attribute;
    MatchMode mode = MatchMode::keep_cases;
    std::vector<std::string> values; // a value set, or
    AttributeBound min, max;         // a range (at least one bound set)
    bool match_null = false;         // nulls match too (alone: match only the nulls)
};

using Filter = std::variant<TimeFrameFilter, CaseSizeFilter, CaseDurationFilter, EndpointFilter,
                            TouchpointFilter, FollowsFilter, BetweenFilter, VariantFilter, AttributeFilter>;

struct FilterChain {
    std::vector<Filter> filters;
    bool empty() const { return filters.empty(); }
};

// The "kind" of a filter in JSON and messages ("time_frame", "start_touchpoints", ...).
std::string_view filter_kind_name(const Filter& f);

// Checks a filter's own parameters (ranges, empty lists); InputError(where, 0, 0, reason) when wrong.
void validate_filter(const Filter& f, const std::string& where);

// Narrows `view` by one filter. Throws InputError for bad parameters or unknown touchpoint names.
void apply_filter(const EventLog& log, const Filter& f, LogView& view);

// Applies every filter in order to a view that keeps everything.
LogView apply_filters(const EventLog& log, const FilterChain& chain);

// The attributes the chain's filters read, in order, without repeats: what a reader must keep
// (AttributeSelection::add) for apply_filters to find them.
std::vector<std::string> filter_attribute_names(const FilterChain& chain);

// JSON form: {"version": 1, "filters": [{"kind": "...", ...fields...}, ...]}. Field names are stable;
// times are ISO 8601 strings ("2024-01-01T00:00:00Z"), open bounds null. See filter_json.cpp.
inline constexpr int kFilterJsonVersion = 1;
std::string filter_chain_to_json(const FilterChain& chain);
// Throws InputError(source, 0, 0, ...) on malformed JSON, a newer version, an unknown kind or field
// value, or parameters that fail validate_filter.
FilterChain filter_chain_from_json(std::string_view json, const std::string& source);

} // namespace tabiji
