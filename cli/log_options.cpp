#include "log_options.hpp"

#include "progress.hpp"

#include "tabiji/read_log.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace tabiji::cli {

namespace {

// "all", "none", or names separated by commas.
AttributeSelection parse_attributes(const std::string& text) {
    if (text == "all") return {};
    if (text == "none" || text.empty()) return AttributeSelection::none();
    std::vector<std::string> names;
    size_t b = 0;
    while (b <= text.size()) {
        const size_t e = std::min(text.find(',', b), text.size());
        if (e > b) names.push_back(text.substr(b, e - b));
        b = e + 1;
    }
    return AttributeSelection::only(std::move(names));
}

char parse_separator(const std::string& text) {
    if (text == "\\t" || text == "tab" || text == "TAB") return '\t';
    if (text.size() != 1) throw UsageError("--sep expects one character (or 'tab'), got '" + text + "'");
    if (text[0] == '"' || text[0] == '\n' || text[0] == '\r')
        throw UsageError("--sep cannot be a quote or newline");
    return text[0];
}

} // namespace

std::vector<OptionSpec> log_option_specs() {
    return {
        {"case", "COLUMN", "column with the case (customer / journey) id; default: detected"},
        {"activity", "COLUMN", "column with the activity (touchpoint); default: detected"},
        {"timestamp", "COLUMN", "column with the timestamp; default: detected (none: file order)"},
        {"sep", "CHAR", "field separator: , ; | or tab; default: detected from the header"},
        {"tz", "ZONE",
         "zone of timestamps written without offset: +09:00, UTC or a zone name such as Asia/Tokyo "
         "(daylight saving applied); default UTC"},
        {"epoch", "UNIT", "timestamps are Unix epoch numbers: s (seconds) or ms (milliseconds)"},
        {"attributes", "LIST",
         "attributes to read: all, none or names separated by commas; default: what "
         "the command needs"},
        {"lifecycle", "VALUE", "keep only events with this lifecycle value (e.g. complete)"},
        {"pair-lifecycle", "",
         "pair start and complete events of an activity into one event with "
         "start_timestamp and duration_s"},
        {"lenient", "", "skip bad rows and report them, instead of stopping at the first"},
        {"encoding", "NAME", "utf-8, utf-16, shift_jis (cp932); default: detected (BOM, UTF-8, else CP932)"},
        {"threads", "N",
         "threads for reading CSV, and logs read at once when several are given; default: all cores (1: "
         "stream with little memory)"},
        {"quiet", "", "no progress bar on stderr (it is shown only on a terminal, for work over a second)"},
        {"input-format", "FORMAT",
         "csv, jsonl, xes or ocel; default: detected from the content, then the file name"},
        {"xes-wallclock", "", "XES: read wall-clock times and ignore UTC offsets, as PM4Py does"},
        {"object-type", "TYPE",
         "OCEL: the object type whose objects become the journeys (cases); default: the only type"},
    };
}

ReadOptions read_options(const Args& args, const AttributeSelection& attributes,
                         const std::vector<std::string>& required) {
    ReadOptions o;
    if (auto format = args.value("input-format")) {
        auto f = parse_log_format(*format);
        if (!f) throw UsageError("--input-format expects csv, jsonl, xes or ocel, got '" + *format + "'");
        o.format = *f;
    }
    o.csv.case_column = args.value_or("case", "");
    o.csv.activity_column = args.value_or("activity", "");
    o.csv.timestamp_column = args.value_or("timestamp", "");
    if (auto sep = args.value("sep")) o.csv.separator = parse_separator(*sep);
    if (auto tz = args.value("tz")) {
        std::string error;
        auto zone = find_time_zone(*tz, &error);
        if (!zone) throw UsageError("--tz: " + error);
        o.set_time_zone(*zone);
    }
    if (auto epoch = args.value("epoch")) {
        if (*epoch == "s" || *epoch == "seconds")
            o.csv.epoch = EpochUnit::seconds;
        else if (*epoch == "ms" || *epoch == "milliseconds")
            o.csv.epoch = EpochUnit::milliseconds;
        else
            throw UsageError("--epoch expects s or ms, got '" + *epoch + "'");
    }
    AttributeSelection selection =
        args.value("attributes") ? parse_attributes(*args.value("attributes")) : attributes;
    selection.add(required);
    o.set_attributes(selection);
    if (auto lifecycle = args.value("lifecycle")) o.set_lifecycle(*lifecycle);
    o.pair_lifecycle = args.flag("pair-lifecycle");
    if (o.pair_lifecycle && args.value("lifecycle"))
        throw UsageError(
            "--lifecycle and --pair-lifecycle exclude each other (pairing needs start and complete)");
    o.set_strict(!args.flag("lenient"));
    if (auto enc = args.value("encoding")) {
        auto e = parse_encoding(*enc);
        if (!e)
            throw UsageError("--encoding expects utf-8, utf-16, utf-16be or shift_jis, got '" + *enc + "'");
        o.csv.encoding = *e;
    }
    const long long threads = args.int_or("threads", std::max(1u, std::thread::hardware_concurrency()));
    if (threads < 1 || threads > 256) throw UsageError("--threads expects 1 to 256");
    o.threads = unsigned(threads);
    o.xes.wallclock = args.flag("xes-wallclock");
    o.ocel.object_type = args.value_or("object-type", "");
    o.progress = progress_callback();
    return o;
}

void report_skipped_records(const std::string& path, const ReadReport& report) {
    if (report.skipped_bad_records) {
        std::cerr << "tabiji: " << path << ": skipped " << report.skipped_bad_records << " bad records:";
        for (const auto& [kind, count] : report.problem_counts) std::cerr << " " << kind << "=" << count;
        std::cerr << "\n";
        for (const auto& p : report.examples)
            std::cerr << "  " << path << ":" << p.line << ":" << p.column << ": " << p.message
                      << (p.text.empty() ? "" : " (found '" + p.text + "')") << "\n";
    }
}

EventLog load_log(const Args& args, const std::string& path, ReadReport& report,
                  const AttributeSelection& attributes, const std::vector<std::string>& required) {
    EventLog log = read_log_file(path, read_options(args, attributes, required), &report);
    report_skipped_records(path, report);
    return log;
}

} // namespace tabiji::cli
