// A summary of a loaded log, for `tabiji info` and the web app's "about this log" panel: sizes, time span,
// events per case, every attribute (level, type, distinct values, nulls, top values), and the read report.
// Everything is ordered deterministically (attributes: event level in column order, then case level;
// top values: count descending, then byte order), so the JSON is byte-identical run to run.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/read_report.hpp"

#include <string>
#include <vector>

namespace tabiji {

struct ValueCount {
    std::string value;
    uint64_t count = 0;
};

struct AttributeInfo {
    std::string name;
    bool case_level = false;
    AttrType type = AttrType::string;
    uint64_t distinct = 0; // distinct non-null values
    uint64_t nulls = 0;
    std::vector<ValueCount> top; // strings and booleans: the most frequent values (at most 3)
    std::string min, max;        // integers, reals, times: smallest and largest value as text
};

struct LogInfo {
    uint64_t cases = 0, events = 0, activities = 0;
    Micros first = kNoTime, last = kNoTime; // time span (kNoTime when the log has no timestamps)
    uint64_t min_events_per_case = 0, max_events_per_case = 0;
    double median_events_per_case = 0; // the mean of the two middle cases for an even number of cases
    std::vector<AttributeInfo> attributes;
};

LogInfo describe_log(const EventLog& log, size_t top_values = 3);

// "364 d 23 h 10 min 5 s" (largest unit first, zero units left out; "0 s" for zero).
std::string format_duration(Micros d);

// The summary and the read report as JSON (json_layout.hpp's readable layout).
std::string log_info_json(const LogInfo& info, const ReadReport& report);

} // namespace tabiji
