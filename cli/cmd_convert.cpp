// tabiji convert: read a log of any supported format and write it as CSV, JSON Lines or XES (core's
// write_log.hpp), with every attribute, its type and its level; the filter flags can cut it first.
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "output.hpp"

#include "tabiji/error.hpp"
#include "tabiji/write_log.hpp"

namespace tabiji::cli {

namespace {

// The kept cases and events of the view as a log of their own (the writers take a whole log).
EventLog kept_log(const EventLog& log, const LogView& view) {
    EventLogBuilder b(log.source);
    std::vector<uint32_t> ecol, ccol;
    for (const AttributeColumn& a : log.event_attributes)
        ecol.push_back(b.attribute(a.name, AttrLevel::event, a.type));
    for (const AttributeColumn& a : log.case_attributes)
        ccol.push_back(b.attribute(a.name, AttrLevel::case_level, a.type));
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        if (!view.keeps_case(c)) continue;
        for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) {
            if (!view.keeps_event(i)) continue;
            b.add(log.cases.view(c), log.activities.view(log.activity[i]), log.time[i]);
            for (size_t k = 0; k < ecol.size(); ++k) b.set_text(ecol[k], log.event_attributes[k].text(i));
        }
        const uint32_t number = b.cases().find(log.cases.view(c));
        if (number == StringPool::npos) continue;
        for (size_t k = 0; k < ccol.size(); ++k)
            b.set_case_text(ccol[k], number, log.case_attributes[k].text(c));
    }
    EventLog out = b.finish();
    out.has_time = log.has_time;
    return out;
}

int run(const Args& args) {
    const std::string output = args.value_or("output", "");
    std::optional<LogWriteFormat> format;
    if (const auto to = args.value("to")) {
        format = parse_log_write_format(*to);
        if (!format) throw UsageError("--to expects csv, jsonl or xes, got '" + *to + "'");
    } else if (!output.empty() && output != "-") {
        format = log_write_format_of_path(output);
        if (!format)
            throw UsageError("cannot tell the format from '" + output +
                             "': name it .csv, .jsonl or .xes, or give --to");
    } else {
        throw UsageError("give -o FILE.{csv,jsonl,xes} or --to FORMAT");
    }
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log = load_log(args, args.positionals().at(0), report, AttributeSelection{});
    const LogView view = apply_filter_options(args, filters, log);
    if (view.case_kept.empty() && view.event_kept.empty())
        write_output(output, write_log(log, *format));
    else
        write_output(output, write_log(kept_log(log, view), *format));
    return kOk;
}

} // namespace

Command convert_command() {
    CommandSpec s;
    s.name = "convert";
    s.summary = "write a log as CSV, JSON Lines or XES, with its attributes, types and levels";
    s.usage = "tabiji convert [options] LOG -o OUT.{csv,jsonl,xes}";
    s.options = log_and_filter_option_specs();
    s.options.push_back({"to", "FORMAT", "csv, jsonl or xes; default: from the extension of -o"});
    s.options.push_back({"output", "FILE", "write to FILE (atomically); - for standard output (with --to)"});
    s.examples = "  tabiji convert samples/journeys_ja.csv -o journeys.xes\n"
                 "  tabiji convert helpdesk.xes.gz -o helpdesk.csv\n"
                 "  tabiji convert samples/journeys_en.csv --end-with 'EC purchase' --to jsonl -o -\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return {s, run};
}

} // namespace tabiji::cli
