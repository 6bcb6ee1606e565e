// Writing an event log back out, in the formats the readers take: CSV, JSON Lines and XES. Each writer is
// the inverse of its reader (read_log.hpp), so read -> write -> read gives the same log: the same cases in
// the same order, activities, timestamps, and attribute columns with the same values, levels and types.
//
// CSV (RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; LF line ends): columns
// case_id, activity, timestamp (ISO 8601 UTC, omitted when the log has no timestamps), then the event
// attributes, then the case attributes repeated on every event of their case (the reader moves such
// constant columns back to case level). Null values are empty fields.
// JSON Lines: one object per event with the same keys; integers, reals and booleans as JSON numbers and
// literals (reals always with a decimal point or exponent, so they read back as reals), times as ISO 8601
// strings; null values are left out.
// XES (IEEE 1849): one <trace> per case with concept:name and the case attributes, one <event> per event
// with concept:name, time:timestamp and the event attributes, typed string / int / float / boolean / date;
// text escaped.
// Events are written in the log's order (cases in order, events by time), which the readers keep.
#pragma once
#include "tabiji/event_log.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tabiji {

enum class LogWriteFormat { csv, jsonl, xes };

// "csv", "jsonl" / "ndjson", "xes" -> the format; nothing for another word.
std::optional<LogWriteFormat> parse_log_write_format(std::string_view name);
// The format from a file name's extension (.csv, .jsonl, .ndjson, .xes); nothing for another one.
std::optional<LogWriteFormat> log_write_format_of_path(std::string_view path);

std::string write_csv_log(const EventLog& log);
std::string write_jsonl_log(const EventLog& log);
std::string write_xes_log(const EventLog& log);
std::string write_log(const EventLog& log, LogWriteFormat format);

} // namespace tabiji
