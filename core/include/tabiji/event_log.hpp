// The columnar event log everything downstream reads from.
//
// Ordering rule (the one place it is written down): events are grouped by case, cases in order of their
// first event in the file; inside a case, events are sorted by timestamp, and events with equal timestamps
// keep their file order (a stable sort). A log without timestamps keeps file order inside each case.
//
// Attributes (attributes.hpp): typed columns beside the core columns. Event-level columns have one row per
// event in this final order; case-level columns one row per case number. Readers hand every value over as
// text with set_text / set_case_text; finish() moves each row with its event (the same permutation as the
// core columns) and types the columns. Core columns stay under 32 bytes per event; attributes are payload,
// counted apart (attribute_bytes). Logs with attributes hold at most 2^32 - 1 events.
#pragma once
#include "tabiji/attributes.hpp"
#include "tabiji/chunk_pool.hpp"
#include "tabiji/string_pool.hpp"
#include "tabiji/time_zone.hpp"

#include <cstdint>
#include <limits>
#include <optional>
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
    std::vector<AttributeColumn> event_attributes; // rows: events in the order above
    std::vector<AttributeColumn> case_attributes;  // rows: case numbers

    uint64_t num_events() const { return activity.size(); }
    uint32_t num_cases() const { return static_cast<uint32_t>(case_offsets.size() - 1); }
    uint32_t num_activities() const { return activities.size(); }
    uint64_t case_begin(uint32_t c) const { return case_offsets[c]; }
    uint64_t case_end(uint32_t c) const { return case_offsets[c + 1]; }
    // Bytes held by the log's core columns and pools (for the memory-per-event figure).
    size_t memory_bytes() const;
    // Bytes held by the attribute columns.
    size_t attribute_bytes() const;
    // The attribute of that name (event level first, then case level); null when there is none.
    const AttributeColumn* attribute(std::string_view name) const;
    const AttributeColumn* event_attribute(std::string_view name) const;
    const AttributeColumn* case_attribute(std::string_view name) const;
};

// Collects events in file order, then applies the ordering rule once in finish(). The events wait in pool
// chunks (16 bytes each), and finish() reorders them without a second whole copy: the peak memory of a read
// stays near that of the final log.
class EventLogBuilder {
  public:
    explicit EventLogBuilder(std::string source);
    // The number of events expected (attribute columns are sized for it once).
    void reserve(size_t events) { expected_events_ = events; }
    void add(std::string_view case_id, std::string_view activity, Micros time);
    // Same, with ids already interned in this builder's pools (readers that cache lookups).
    void add_ids(uint32_t case_number, uint32_t activity_id, Micros time);
    // Same, with the case id interned later, together with the next ones (StringPool::intern_batch): what
    // the tabular readers do, whose logs may hold millions of customers. The text is copied.
    void add_case_text(std::string_view case_id, uint32_t activity_id, Micros time);
    StringPool& cases() {
        flush_cases();
        return log_.cases;
    }
    StringPool& activities() { return log_.activities; }
    uint64_t size() const { return rows_.size(); }

    // The attribute column of that name (created on first use). `declared`: the type the format states
    // (XES), kept when every value parses as it; nothing: inferred. Asking again for a name returns the
    // same column (a different declared type then makes it inferred).
    uint32_t attribute(std::string_view name, AttrLevel level, std::optional<AttrType> declared = {});
    // The value of an event-level column for the most recently added event ("" = null).
    void set_text(uint32_t column, std::string_view text);
    // The value of a case-level column for a case number (the first value given for a case is kept).
    void set_case_text(uint32_t column, uint32_t case_number, std::string_view text);
    // Zone of naive timestamps in attribute values (typing to AttrType::time).
    void set_time_zone(TimeZone zone) { zone_ = std::move(zone); }

    // Applies the ordering rule and types the attributes.
    EventLog finish();
    // The same, but attributes stay untyped string columns (for read_csv_parallel, which merges the parts'
    // logs and then calls type_attributes once).
    EventLog finish_untyped();

  private:
    // Interns the case ids of add_case_text not yet interned and writes their numbers into their rows.
    void flush_cases() {
        if (!pending_ends_.empty()) intern_pending_cases();
    }
    void intern_pending_cases();
    // finish_untyped without the case index (its caller rebuilds it once the log is whole).
    EventLog order_events();
    void push_row(uint32_t case_number, uint32_t activity_id, Micros time) {
        rows_.push_back({case_number, activity_id, time}, chunks_);
        any_time_ |= (time != kNoTime);
    }
    // Groups the rows by case into log_.case_offsets, activity and time (stable: file order inside a
    // case), and gives their chunks back. `order` (when not empty): final position -> file row.
    void group_by_case(std::vector<uint32_t>& order);

    struct Column {
        std::string name;
        AttrLevel level;
        std::optional<AttrType> declared;
        bool conflicting_types = false;
        StringPool texts;          // id 0 = ""
        std::vector<uint32_t> ids; // per event in file order, or per case number
        // Most attribute columns have few distinct values: a hit here skips the pool's hash lookup (a
        // third of the read time of a CSV with attributes).
        RecentStrings recent;
    };
    struct Row {
        uint32_t case_number; // StringPool::npos while its case id waits in pending_text_
        uint32_t activity;
        Micros time;
    };
    EventLog log_;
    ChunkPool chunks_;
    ChunkSeq<Row> rows_; // in file order
    size_t expected_events_ = 0;
    // Case ids of add_case_text not yet interned, one after another, and where each ends: those of the
    // last pending_ends_.size() rows (everything else that adds rows interns them first).
    std::string pending_text_;
    std::vector<size_t> pending_ends_;
    uint32_t last_case_ = StringPool::npos; // the last case interned: a repeat skips the lookup
    // Below this many cases the case table stays in the caches and add_case_text interns at once.
    static constexpr uint32_t kBatchFromCases = 1u << 16;
    std::vector<Column> columns_;
    TimeZone zone_;
    bool any_time_ = false;
};

} // namespace tabiji
