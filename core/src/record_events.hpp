// Internal to the tabular readers (CSV, JSON Lines): turning one record into an event of the
// EventLogBuilder, so both formats follow the same rules:
//   - column roles: the given names, else the first present of the detection lists of read_csv.hpp;
//   - a record with an empty case id, activity or (when the log has a timestamp column) timestamp is
//     dropped and counted;
//   - a lifecycle column (kLifecycleColumnNames) is counted per value and filters with options.lifecycle;
//   - timestamps: ISO 8601 (naive ones in options.time_zone) or Unix epoch numbers (options.epoch);
//   - every other selected column becomes an attribute (AttrLevel::detect).
// Problems go through problem(): strict mode throws InputError, lenient mode skips the record and counts.
#pragma once
#include "tabiji/encoding.hpp"
#include "tabiji/error.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/timestamp.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tabiji {

class RecordEvents {
  public:
    RecordEvents(const std::string& source, const CsvOptions& options, ReadReport& report,
                 EventLogBuilder& builder);

    // Roles from the column names (CSV header, keys of the first JSON object). Throws InputError at `line`
    // when a required column is missing. `what_column` is "column" or "key", for messages.
    void resolve(const std::vector<std::string>& names, uint64_t line, const char* what_column);
    // A column that appears after resolve (a key first seen on a later JSON line): an attribute if selected.
    void add_column(const std::string& name, int index);
    const std::string& name(int index) const { return names_[size_t(index)]; }
    // The last column take() reads (case, activity, timestamp, lifecycle or a wanted attribute).
    int last_column_read() const;

    [[noreturn]] void fail(uint64_t line, uint64_t column, const std::string& message) const;
    void problem(const char* kind, uint64_t line, uint64_t column, std::string_view text,
                 const std::string& message);

    // One record. Fields has: std::string_view text(int column, int slot) (an empty view for a missing
    // column; views of different slots stay valid together), uint64_t line(int column), uint64_t
    // column(int column).
    template <class Fields>
    void take(const Fields& f);

    int case_column = -1, activity_column = -1, time_column = -1, lifecycle_column = -1;

  private:
    std::optional<Micros> parse_time(std::string_view text) const {
        return options_.epoch != EpochUnit::none ? parse_epoch(text, options_.epoch)
                                                 : parse_timestamp(text, options_.time_zone);
    }
    std::string bad_time_message() const;
    void count_lifecycle(std::string_view value);

    const std::string& source_;
    const CsvOptions& options_;
    ReadReport& report_;
    EventLogBuilder& builder_;
    std::vector<std::string> names_;
    std::vector<std::pair<int, uint32_t>> attributes_; // column index -> builder column
    RecentStrings recent_activities_;
    std::vector<std::pair<std::string, uint64_t>> lifecycles_; // value -> records (few distinct values)

  public:
    // At the end of reading: what the decoder saw (encoding, byte order mark, replaced bytes) and the
    // lifecycle counts go into the report.
    void finish_report(const Decoder& decoder);
};

template <class Fields>
void RecordEvents::take(const Fields& f) {
    const std::string_view case_id = f.text(case_column, 0);
    const std::string_view activity = f.text(activity_column, 1);
    const std::string_view ts_text = time_column >= 0 ? f.text(time_column, 2) : std::string_view();
    if (case_id.empty() || activity.empty() || (time_column >= 0 && ts_text.empty())) {
        ++report_.dropped_missing_values;
        return;
    }
    if (lifecycle_column >= 0) {
        const std::string_view value = f.text(lifecycle_column, 3);
        count_lifecycle(value);
        if (!options_.lifecycle.empty() && value != options_.lifecycle) return;
    }
    Micros t = kNoTime;
    if (time_column >= 0) {
        const auto parsed = parse_time(ts_text);
        if (!parsed) {
            problem("bad_timestamp", f.line(time_column), f.column(time_column), ts_text, bad_time_message());
            return;
        }
        t = *parsed;
    }
    builder_.add_case_text(case_id, recent_activities_.intern(builder_.activities(), activity), t);
    for (const auto& [column, attribute] : attributes_) builder_.set_text(attribute, f.text(column, 4));
    ++report_.events;
}

} // namespace tabiji
