#include "log_writing.hpp"

#include "filter_options.hpp"
#include "log_options.hpp"
#include "output.hpp"
#include "progress.hpp"

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

LogWriteFormat written_format(const Args& args) {
    const std::string output = args.value_or("output", "");
    for (const char* option : {"format", "to"}) {
        if (const auto name = args.value(option)) {
            const auto format = parse_log_write_format(*name);
            if (!format)
                throw UsageError(std::string("--") + option + " expects csv, jsonl or xes, got '" + *name +
                                 "'");
            return *format;
        }
    }
    if (output.empty() || output == "-") throw UsageError("give -o FILE.{csv,jsonl,xes} or --format FORMAT");
    const auto format = log_write_format_of_path(output);
    if (!format)
        throw UsageError("cannot tell the format from '" + output +
                         "': name it .csv, .jsonl or .xes, or give --format");
    return *format;
}

} // namespace

CommandSpec log_writing_spec(std::string name, std::string summary, std::string examples) {
    CommandSpec s;
    s.usage = "tabiji " + name + " [options] LOG -o OUT.{csv,jsonl,xes}";
    s.name = std::move(name);
    s.summary = std::move(summary);
    s.options = log_and_filter_option_specs();
    s.options.push_back({"format", "FORMAT", "csv, jsonl or xes; default: from the extension of -o"});
    s.options.push_back({"to", "FORMAT", "the same as --format"});
    s.options.push_back(
        {"output", "FILE", "write to FILE (atomically); - for standard output (with --format)"});
    s.examples = std::move(examples);
    s.min_positionals = 1;
    s.max_positionals = 1;
    return s;
}

int write_filtered_log(const Args& args) {
    const LogWriteFormat format = written_format(args);
    Progress progress(args);
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log = load_log(args, args.positionals().at(0), report, AttributeSelection{});
    const LogView view = apply_filter_options(args, filters, log);
    std::string text = view.case_kept.empty() && view.event_kept.empty()
                           ? write_log(log, format)
                           : write_log(kept_log(log, view), format);
    progress.finish();
    write_output(args.value_or("output", ""), text);
    return kOk;
}

} // namespace tabiji::cli
