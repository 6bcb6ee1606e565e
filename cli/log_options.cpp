#include "log_options.hpp"

#include "tabiji/read_log.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace tabiji::cli {

namespace {

// "+09:00", "-0530", "UTC", "Z" -> seconds east of UTC.
int32_t parse_offset(const std::string& text) {
    if (text == "UTC" || text == "Z" || text == "utc") return 0;
    int sign = 0;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) sign = text[0] == '-' ? -1 : 1;
    std::string digits;
    for (size_t i = 1; i < text.size(); ++i)
        if (text[i] != ':') digits.push_back(text[i]);
    bool ok = sign != 0 && (digits.size() == 2 || digits.size() == 4);
    for (char c : digits) ok = ok && c >= '0' && c <= '9';
    if (!ok) throw UsageError("--tz expects UTC or an offset such as +09:00, got '" + text + "'");
    const int h = std::stoi(digits.substr(0, 2)), m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
    if (h > 23 || m > 59) throw UsageError("--tz offset out of range: '" + text + "'");
    return sign * (h * 3600 + m * 60);
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
        {"tz", "OFFSET", "zone of timestamps written without offset, e.g. +09:00; default UTC"},
        {"lenient", "", "skip bad rows and report them, instead of stopping at the first"},
        {"encoding", "NAME", "utf-8, utf-16, shift_jis (cp932); default: detected (BOM, UTF-8, else CP932)"},
        {"threads", "N", "threads for reading CSV; default: all cores (1: stream with little memory)"},
        {"format", "FORMAT", "csv, xes or ocel; default: detected from the content, then the file name"},
        {"xes-wallclock", "", "XES: read wall-clock times and ignore UTC offsets, as PM4Py does"},
        {"object-type", "TYPE",
         "OCEL: the object type whose objects become the journeys (cases); default: the only type"},
    };
}

EventLog load_log(const Args& args, const std::string& path, ReadReport& report) {
    ReadOptions o;
    if (auto format = args.value("format")) {
        auto f = parse_log_format(*format);
        if (!f) throw UsageError("--format expects csv, xes or ocel, got '" + *format + "'");
        o.format = *f;
    }
    o.csv.case_column = args.value_or("case", "");
    o.csv.activity_column = args.value_or("activity", "");
    o.csv.timestamp_column = args.value_or("timestamp", "");
    if (auto sep = args.value("sep")) o.csv.separator = parse_separator(*sep);
    if (auto tz = args.value("tz")) o.set_naive_offset_seconds(parse_offset(*tz));
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
    EventLog log = read_log_file(path, o, &report);
    if (report.skipped_bad_records) {
        std::cerr << "tabiji: " << path << ": skipped " << report.skipped_bad_records << " bad records:";
        for (const auto& [kind, count] : report.problem_counts) std::cerr << " " << kind << "=" << count;
        std::cerr << "\n";
        for (const auto& p : report.examples)
            std::cerr << "  " << path << ":" << p.line << ":" << p.column << ": " << p.message
                      << (p.text.empty() ? "" : " (found '" + p.text + "')") << "\n";
    }
    return log;
}

} // namespace tabiji::cli
