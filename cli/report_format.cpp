// Output helpers shared by the mining subcommands (see report_format.hpp).
#include "report_format.hpp"

#include "tabiji/csv_field.hpp"
#include "tabiji/json_layout.hpp"

#include <algorithm>
#include <numeric>

namespace tabiji::cli {

OptionSpec format_option_spec(const std::string& allowed_help) {
    return {"format", "FORMAT", allowed_help};
}

namespace {
const char* const kFormatNames[] = {"json", "csv", "dot", "svg", "text"};
}

Format output_format(const Args& args, const std::vector<Format>& allowed) {
    std::string names;
    for (Format a : allowed) names += std::string(names.empty() ? "" : ", ") + kFormatNames[int(a)];
    const std::string v = args.value_or("format", kFormatNames[int(allowed.at(0))]);
    for (Format a : allowed)
        if (v == kFormatNames[int(a)]) return a;
    throw UsageError("--format expects " + names + ", got '" + v + "'");
}

std::string format_extension(Format format) {
    return format == Format::text ? "txt" : kFormatNames[int(format)];
}

void json_string(JsonWriter& w, std::string_view s) {
    w.String(s.data(), rapidjson::SizeType(s.size()));
}

void json_names(JsonWriter& w, const EventLog& log, const std::vector<uint32_t>& ids) {
    w.StartArray();
    for (uint32_t a : ids) json_string(w, log.activities.view(a));
    w.EndArray();
}

void json_log_header(JsonWriter& w, std::string_view source, uint64_t cases, uint64_t events) {
    w.Key("source");
    json_string(w, source);
    w.Key("num_cases");
    w.Uint64(cases);
    w.Key("num_events");
    w.Uint64(events);
}

void json_stats(JsonWriter& w, const DurationStats& s) {
    w.StartObject();
    w.Key("count");
    w.Uint64(s.count);
    const std::pair<const char*, double> fields[] = {
        {"mean", s.mean}, {"median", s.median}, {"min", s.min}, {"max", s.max}, {"sum", s.sum}};
    for (const auto& [k, v] : fields) {
        w.Key(k);
        w.Double(v);
    }
    w.Key("stdev");
    if (s.has_stdev())
        w.Double(s.stdev);
    else
        w.Null();
    w.Key("p90");
    w.Double(s.p90);
    w.EndObject();
}

std::string csv_field(std::string_view s) {
    return csv_field_text(s);
}

std::string number(double x) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.Double(x);
    return std::string(buf.GetString(), buf.GetSize());
}

std::string joined_names(const EventLog& log, const std::vector<uint32_t>& ids) {
    std::string s;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) s += " > ";
        s += log.activities.view(ids[i]);
    }
    return s;
}

const char* const kStatsCsvHeader = "count,mean,median,min,max,sum,stdev,p90";

std::string csv_stats(const DurationStats& s) {
    return std::to_string(s.count) + "," + number(s.mean) + "," + number(s.median) + "," + number(s.min) +
           "," + number(s.max) + "," + number(s.sum) + "," + (s.has_stdev() ? number(s.stdev) : "") + "," +
           number(s.p90);
}

} // namespace tabiji::cli
