// The columnar event log everything downstream reads from.
//
// Ordering rule (the one place it is written down): events are grouped by case, cases in order of their
// first event in the file; inside a case, events are sorted by timestamp, and events with equal timestamps
// keep their file order (a stable sort). A log without timestamps keeps file order inside each case.
#pragma once
#include "tabiji/string_pool.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

// Microseconds since 1970-01-01T00:00:00Z.
using Micros = int64_t;
inline constexpr Micros kNoTime = std::numeric_limits<Micros>::min();

struct EventLog {
    std::string source;                    // what the user opened, for messages and titles
    StringPool activities;                 // activity id -> name
    StringPool cases;                      // case number -> case id as written in the log
    std::vector<uint64_t> case_offsets{0}; // CSR: events of case c are [case_offsets[c], case_offsets[c+1])
    std::vector<uint32_t> activity;        // per event: activity id
    std::vector<Micros> time;              // per event: timestamp (all kNoTime when has_time is false)
    bool has_time = false;

    uint64_t num_events() const { return activity.size(); }
    uint32_t num_cases() const { return static_cast<uint32_t>(case_offsets.size() - 1); }
    uint32_t num_activities() const { return activities.size(); }
    uint64_t case_begin(uint32_t c) const { return case_offsets[c]; }
    uint64_t case_end(uint32_t c) const { return case_offsets[c + 1]; }
    // Bytes held by the log's columns and pools (for the memory-per-event figure).
    size_t memory_bytes() const;
};

// Collects events in file order, then applies the ordering rule once in finish().
class EventLogBuilder {
  public:
    explicit EventLogBuilder(std::string source);
    void reserve(size_t events);
    void add(std::string_view case_id, std::string_view activity, Micros time);
    // Same, with ids already interned in this builder's pools (readers that cache lookups).
    void add_ids(uint32_t case_number, uint32_t activity_id, Micros time);
    StringPool& cases() { return log_.cases; }
    StringPool& activities() { return log_.activities; }
    uint64_t size() const { return event_case_.size(); }
    EventLog finish();

  private:
    EventLog log_;
    std::vector<uint32_t> event_case_;
    std::vector<uint32_t> event_activity_;
    std::vector<Micros> event_time_;
    bool any_time_ = false;
};

} // namespace tabiji
