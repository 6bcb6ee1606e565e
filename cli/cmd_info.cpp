// tabiji info: what a log holds and how it was read: sizes, time span, events per case, every attribute
// (level, type, distinct values, nulls, top values or range), and the read report. Text for people,
// --json for machines (deterministic; the fields of log_info.hpp).
#include "commands.hpp"
#include "log_options.hpp"
#include "report_format.hpp"

#include "tabiji/log_info.hpp"
#include "tabiji/timestamp.hpp"

#include <cstdio>
#include <sstream>

namespace tabiji::cli {

namespace {

std::string pad(std::string s, size_t width) {
    // Pads by bytes of ASCII and by characters of UTF-8 (each multi-byte character counted as one column).
    size_t shown = 0;
    for (unsigned char ch : s) shown += (ch & 0xC0) != 0x80;
    if (shown < width) s.append(width - shown, ' ');
    return s;
}

std::string separator_name(char sep) {
    if (sep == '\t') return "tab";
    return std::string("'") + sep + "'";
}

std::string info_text(const LogInfo& info, const ReadReport& r) {
    std::ostringstream o;
    o << "log            " << r.source << "\n";
    o << "format         " << r.format;
    if (!r.encoding.empty()) o << ", " << r.encoding << (r.byte_order_mark ? " with BOM" : "");
    if (r.separator) o << ", separator " << separator_name(r.separator);
    o << "\n";
    o << "columns used   case '" << r.case_column << "', activity '" << r.activity_column << "', timestamp "
      << (r.timestamp_column.empty() ? "none (file order)" : "'" + r.timestamp_column + "'") << "\n";
    o << "cases          " << info.cases << "\n";
    o << "events         " << info.events << "\n";
    o << "activities     " << info.activities << "\n";
    if (info.first != kNoTime)
        o << "time span      " << format_timestamp(info.first) << " .. " << format_timestamp(info.last)
          << " (" << format_duration(info.last - info.first) << ")\n";
    else
        o << "time span      none (no timestamps)\n";
    char median[32];
    std::snprintf(median, sizeof median, "%g", info.median_events_per_case);
    o << "events/case    min " << info.min_events_per_case << ", median " << median << ", max "
      << info.max_events_per_case << "\n";
    o << "records        " << r.records << " read, " << r.events << " events kept, "
      << r.dropped_missing_values << " dropped (empty case id, activity or timestamp), "
      << r.skipped_bad_records << " skipped (bad)\n";
    if (!r.lifecycle_values.empty()) {
        o << "lifecycle      ";
        bool first = true;
        for (const auto& [value, n] : r.lifecycle_values)
            o << (first ? "" : ", ") << value << " " << n, first = false;
        o << "\n";
    }
    if (!r.lifecycle_pairing.empty()) {
        o << "paired         ";
        bool first = true;
        for (const auto& [what, n] : r.lifecycle_pairing)
            o << (first ? "" : ", ") << what << " " << n, first = false;
        o << "\n";
    }
    if (r.problem_counts.empty()) {
        o << "problems       none\n";
    } else {
        o << "problems\n";
        for (const auto& [kind, n] : r.problem_counts) {
            o << "  " << kind << ": " << n << "\n";
            for (const auto& p : r.examples)
                if (p.kind == kind)
                    o << "    " << r.source << ":" << p.line << ":" << p.column << ": " << p.message
                      << (p.text.empty() ? "" : " (found '" + p.text + "')") << "\n";
        }
    }
    if (info.attributes.empty()) {
        o << "attributes     none\n";
        return o.str();
    }
    size_t width = 4;
    for (const auto& a : info.attributes) width = std::max(width, a.name.size());
    o << "attributes\n  " << pad("name", width) << "  level  type     distinct      nulls  values\n";
    for (const auto& a : info.attributes) {
        char nums[48];
        std::snprintf(nums, sizeof nums, "%8llu %10llu", (unsigned long long)a.distinct,
                      (unsigned long long)a.nulls);
        o << "  " << pad(a.name, width) << "  " << (a.case_level ? "case " : "event") << "  "
          << pad(attr_type_name(a.type), 7) << "  " << nums << "  ";
        if (!a.top.empty()) {
            for (size_t k = 0; k < a.top.size(); ++k)
                o << (k ? ", " : "") << a.top[k].value << " (" << a.top[k].count << ")";
        } else if (a.distinct) {
            o << a.min << " .. " << a.max;
        }
        o << "\n";
    }
    return o.str();
}

Format format(const Args& args) {
    return args.flag("json") ? Format::json : output_format(args, {Format::text, Format::json});
}

std::string kind(const Args& args) {
    return format_extension(format(args));
}

std::string produce(const Args& args, const std::string& path) {
    ReadReport report;
    const EventLog log = load_log(args, path, report, AttributeSelection{});
    const LogInfo info = describe_log(log);
    return format(args) == Format::json ? log_info_json(info, report) : info_text(info, report);
}

} // namespace

Command info_command() {
    CommandSpec s;
    s.name = "info";
    s.summary = "what a log holds: cases, events, time span, attributes and their types, read problems";
    s.usage = "tabiji info [options] LOG...";
    s.options = log_option_specs();
    s.options.push_back(format_option_spec("text (default) or json (deterministic, for scripts)"));
    s.options.push_back({"json", "", "the same as --format json"});
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji info samples/journeys_en.csv\n"
                 "  tabiji info --json --lenient export.csv.gz\n"
                 "  tabiji info --tz Asia/Tokyo events.jsonl\n"
                 "  tabiji info --format json logs/ > infos.json        (every log of a folder)\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
