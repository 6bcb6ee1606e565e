// Shared pieces of the mining subcommands' output: the --output-format option, JSON writing (rapidjson,
// laid out one list element per line), CSV fields (RFC 4180 quoting), numbers in the shortest form that
// reads back exactly, and duration statistics. Same input, same bytes.
#pragma once
#include "args.hpp"
#include "tabiji/dfg.hpp"
#include "tabiji/display_order.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/json_layout.hpp"
#include "tabiji/performance.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

namespace tabiji::cli {

enum class Format { json, csv, dot, svg, text };

// --format (the first of `allowed` by default); `allowed` lists what the command writes.
OptionSpec format_option_spec(const std::string& allowed_help);
Format output_format(const Args& args, const std::vector<Format>& allowed);
// "json", "csv", "dot", "svg", "txt": the kind of a result (batch.hpp) and its file extension.
std::string format_extension(Format format);

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void json_string(JsonWriter& w, std::string_view s);
// A list of touchpoint names.
void json_names(JsonWriter& w, const EventLog& log, const std::vector<uint32_t>& ids);
// count, mean, median, min, max, sum, stdev (null when count < 2), p90; all null-free when count is 0
// The opening members of a result: "source", "num_cases", "num_events".
void json_log_header(JsonWriter& w, std::string_view source, uint64_t cases, uint64_t events);
// except stdev.
void json_stats(JsonWriter& w, const DurationStats& s);

std::string csv_field(std::string_view s);
std::string number(double x);
// "A > B > C"
std::string joined_names(const EventLog& log, const std::vector<uint32_t>& ids);
// The header and values of json_stats, as CSV columns.
extern const char* const kStatsCsvHeader; // "count,mean,median,min,max,sum,stdev,p90"
std::string csv_stats(const DurationStats& s);

} // namespace tabiji::cli
