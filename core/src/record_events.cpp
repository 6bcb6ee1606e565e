// RecordEvents: column roles, problems and lifecycle counts of the tabular readers (rules in
// record_events.hpp).
#include "record_events.hpp"

#include <algorithm>

namespace tabiji {

namespace {

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}

} // namespace

RecordEvents::RecordEvents(const std::string& source, const CsvOptions& options, ReadReport& report,
                           EventLogBuilder& builder)
    : source_(source), options_(options), report_(report), builder_(builder) {
    builder_.set_time_zone(options.time_zone);
}

void RecordEvents::fail(uint64_t line, uint64_t column, const std::string& message) const {
    throw InputError(source_, line, column, message);
}

void RecordEvents::problem(const char* kind, uint64_t line, uint64_t column, std::string_view text,
                           const std::string& message) {
    if (options_.strict)
        fail(line, column, message + (text.empty() ? "" : " (found '" + shorten_text(text) + "')"));
    report_.add_problem({kind, line, column, shorten_text(text), message});
    ++report_.skipped_bad_records;
}

void RecordEvents::resolve(const std::vector<std::string>& names, uint64_t line, const char* what_column) {
    names_ = names;
    auto index_of = [&](const std::string& name) -> int {
        auto it = std::find(names_.begin(), names_.end(), name);
        return it == names_.end() ? -1 : int(it - names_.begin());
    };
    auto pick = [&](const std::string& given, const std::vector<std::string>& candidates, const char* what,
                    const char* option, bool required) -> int {
        if (!given.empty()) {
            const int k = index_of(given);
            if (k < 0)
                fail(line, 0,
                     std::string("no ") + what_column + " named '" + given + "' for the " + what + "; the " +
                         (std::string(what_column) == "key" ? "first record has " : "header has ") +
                         join_names(names_));
            return k;
        }
        for (const auto& name : candidates)
            if (int k = index_of(name); k >= 0) return k;
        if (required)
            fail(line, 0,
                 std::string("no ") + what + " " + what_column + " found; expected one of " +
                     join_names(candidates) + ", or name it with " + option + "; the " +
                     (std::string(what_column) == "key" ? "first record has " : "header has ") +
                     join_names(names_));
        return -1;
    };
    case_column = pick(options_.case_column, kCaseColumnNames, "case id", "--case", true);
    activity_column = pick(options_.activity_column, kActivityColumnNames, "activity", "--activity", true);
    time_column = pick(options_.timestamp_column, kTimestampColumnNames, "timestamp", "--timestamp", false);
    lifecycle_column = pick("", kLifecycleColumnNames, "lifecycle", "", false);
    if (!options_.lifecycle.empty() && lifecycle_column < 0)
        fail(line, 0,
             "keeping lifecycle '" + options_.lifecycle + "' needs a lifecycle " + what_column + " (" +
                 join_names(kLifecycleColumnNames) + "); the " +
                 (std::string(what_column) == "key" ? "first record has " : "header has ") +
                 join_names(names_));
    report_.case_column = names_[size_t(case_column)];
    report_.activity_column = names_[size_t(activity_column)];
    if (time_column >= 0) report_.timestamp_column = names_[size_t(time_column)];
    attributes_.clear();
    for (size_t k = 0; k < names_.size(); ++k) add_column(names_[k], int(k));
}

void RecordEvents::add_column(const std::string& name, int index) {
    if (size_t(index) >= names_.size()) names_.resize(size_t(index) + 1);
    names_[size_t(index)] = name;
    if (index == case_column || index == activity_column || index == time_column) return;
    if (!options_.attributes.wants(name)) return;
    // Unnamed and repeated header names get a name of their own.
    std::string unique = name.empty() ? "column " + std::to_string(index + 1) : name;
    for (const auto& [k, col] : attributes_)
        if (names_[size_t(k)] == name) unique = name + " (column " + std::to_string(index + 1) + ")";
    attributes_.emplace_back(index, builder_.attribute(unique, AttrLevel::detect));
}

int RecordEvents::last_column_read() const {
    int last = std::max({case_column, activity_column, time_column, lifecycle_column});
    for (const auto& [column, attribute] : attributes_) last = std::max(last, column);
    return last;
}

std::string RecordEvents::bad_time_message() const {
    const std::string column = names_[size_t(time_column)];
    switch (options_.epoch) {
    case EpochUnit::seconds:
        return "'" + column + "' is not a Unix time in seconds; expected e.g. 1710325274 or 1710325274.5";
    case EpochUnit::milliseconds:
        return "'" + column + "' is not a Unix time in milliseconds; expected e.g. 1710325274000";
    case EpochUnit::none:
        break;
    }
    return "column '" + column +
           "' is not a timestamp; expected a date-time such as 2024-03-13T10:21:14+09:00, 2024-03-13 "
           "10:21:14 or "
           "2024/03/13 10:21";
}

void RecordEvents::count_lifecycle(std::string_view value) {
    for (auto& [v, n] : lifecycles_)
        if (v == value) return void(++n);
    lifecycles_.emplace_back(std::string(value), 1);
}

void RecordEvents::finish_report(const Decoder& decoder) {
    report_.encoding = encoding_name(decoder.encoding());
    report_.byte_order_mark = decoder.had_bom();
    if ((report_.replaced_bytes = decoder.replaced_bytes()))
        report_.problem_counts["invalid_encoding"] += report_.replaced_bytes;
    for (const auto& [value, count] : lifecycles_) report_.lifecycle_values[value] += count;
    lifecycles_.clear();
}

} // namespace tabiji
