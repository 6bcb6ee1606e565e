// Format detection and the LogReader that forwards to the CSV, JSON Lines, XES or OCEL reader.
#include "tabiji/read_log.hpp"

#include "tabiji/input_file.hpp"
#include "tabiji/lifecycle.hpp"
#include "tabiji/read_csv_parallel.hpp"

#include <rapidjson/document.h>

#include <filesystem>

namespace tabiji {

namespace {

// Bytes kept while looking for the first meaningful character (a file of only white space is CSV).
constexpr size_t kSniffLimit = size_t(64) << 10;

bool ends_with(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i) {
        char c = s[s.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != suffix[i]) return false;
    }
    return true;
}

// The first character after a byte order mark and white space; 0 when there is none yet.
// UTF-16 XML ("<" as two bytes) is recognised too: expat reads it.
char first_meaningful(std::string_view s) {
    size_t i = 0;
    if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    if (s.substr(0, 2) == "\xFF\xFE" || s.substr(0, 2) == "\xFE\xFF") {
        for (i = 2; i + 1 < s.size(); i += 2) {
            const char c = s[i] ? s[i] : s[i + 1];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
        }
        return 0;
    }
    for (; i < s.size(); ++i)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return s[i];
    return 0;
}

// Where the first '{' line of s ends ('\n' found), or npos while it is incomplete.
size_t first_line_end(std::string_view s) {
    const size_t brace = s.find('{');
    return brace == std::string_view::npos ? brace : s.find('\n', brace);
}

// The first line is one JSON object that is not an OCEL document: JSON Lines.
bool looks_like_jsonl(std::string_view s) {
    const size_t brace = s.find('{');
    const size_t end = first_line_end(s);
    if (end == std::string_view::npos) return false;
    rapidjson::Document doc;
    doc.Parse(s.data() + brace, end - brace);
    if (doc.HasParseError() || !doc.IsObject()) return false;
    return !doc.HasMember("ocel:events") && !doc.HasMember("events") && !doc.HasMember("objects");
}

// The parts of the options that follow from others (pairing needs the lifecycle column).
ReadOptions effective(ReadOptions o) {
    if (o.pair_lifecycle) {
        o.csv.attributes.add(kLifecycleColumnNames);
        o.xes.attributes.add({"lifecycle:transition"});
    }
    return o;
}

// What happens to every log after its reader: lifecycle pairing.
EventLog after_reading(EventLog log, const ReadOptions& options, ReadReport& report) {
    if (!options.pair_lifecycle) return log;
    LifecyclePairing st;
    log = pair_lifecycle(std::move(log), &st);
    report.lifecycle_pairing = {{"pairs", st.pairs},
                                {"unmatched_completes", st.unmatched_completes},
                                {"unmatched_starts", st.unmatched_starts},
                                {"other_events", st.other_events},
                                {"dropped_cases", st.dropped_cases}};
    report.events = log.num_events();
    return log;
}

} // namespace

void ReadOptions::set_lifecycle(const std::string& value) {
    csv.lifecycle = xes.lifecycle = value;
}

void ReadOptions::set_strict(bool strict) {
    csv.strict = xes.strict = ocel.strict = strict;
}
void ReadOptions::set_time_zone(const TimeZone& zone) {
    csv.time_zone = xes.time_zone = ocel.time_zone = zone;
}
void ReadOptions::set_attributes(const AttributeSelection& selection) {
    csv.attributes = xes.attributes = selection;
}

std::optional<LogFormat> parse_log_format(std::string_view name) {
    if (name == "auto") return LogFormat::automatic;
    if (name == "csv") return LogFormat::csv;
    if (name == "xes") return LogFormat::xes;
    if (name == "ocel" || name == "jsonocel") return LogFormat::ocel;
    if (name == "jsonl" || name == "ndjson") return LogFormat::jsonl;
    return std::nullopt;
}

const char* log_format_name(LogFormat format) {
    switch (format) {
    case LogFormat::csv:
        return "csv";
    case LogFormat::xes:
        return "xes";
    case LogFormat::ocel:
        return "ocel";
    case LogFormat::jsonl:
        return "jsonl";
    case LogFormat::automatic:
        break;
    }
    return "auto";
}

LogFormat detect_log_format(std::string_view first_bytes, std::string_view name) {
    const char c = first_meaningful(first_bytes);
    if (ends_with(name, ".gz")) name.remove_suffix(3);
    const bool jsonl_name = ends_with(name, ".jsonl") || ends_with(name, ".ndjson");
    if (c == '<') return LogFormat::xes;
    if (c == '{') {
        if (jsonl_name) return LogFormat::jsonl;
        if (ends_with(name, ".jsonocel")) return LogFormat::ocel;
        return looks_like_jsonl(first_bytes) ? LogFormat::jsonl : LogFormat::ocel;
    }
    if (jsonl_name) return LogFormat::jsonl;
    if (ends_with(name, ".xes")) return LogFormat::xes;
    if (ends_with(name, ".jsonocel") || ends_with(name, ".json")) return LogFormat::ocel;
    return LogFormat::csv;
}

struct LogReader::Impl {
    std::string source;
    ReadOptions options;
    std::string head;                   // first bytes, until the format is known
    std::unique_ptr<PushReader> reader; // null until the format is known
    LogFormat reader_format = LogFormat::automatic;
    ReadReport empty_report;

    Impl(std::string s, const ReadOptions& o) : source(std::move(s)), options(effective(o)) {
        if (options.format != LogFormat::automatic) start(options.format);
    }

    void start(LogFormat f) {
        switch (f) {
        case LogFormat::xes:
            reader = std::make_unique<XesReader>(source, options.xes);
            break;
        case LogFormat::ocel:
            reader = std::make_unique<OcelReader>(source, options.ocel);
            break;
        case LogFormat::jsonl:
            reader = std::make_unique<JsonlReader>(source, options.csv);
            break;
        case LogFormat::csv:
        case LogFormat::automatic:
            f = LogFormat::csv;
            reader = std::make_unique<CsvReader>(source, options.csv);
            break;
        }
        reader_format = f;
    }

    void forward(std::string_view chunk) { reader->feed(chunk); }

    uint64_t bytes = 0;

    void feed(std::string_view chunk) {
        bytes += chunk.size();
        if (reader) return forward(chunk);
        head.append(chunk);
        const char c = first_meaningful(head);
        if (!c && head.size() < kSniffLimit) return;
        // JSON: the first line tells JSON Lines from OCEL.
        if (c == '{' && first_line_end(head) == std::string::npos && head.size() < kSniffLimit) return;
        start(detect_log_format(head, source));
        std::string h;
        h.swap(head);
        forward(h);
    }

    EventLog finish() {
        if (!reader) {
            start(detect_log_format(head, source));
            std::string h;
            h.swap(head);
            if (!h.empty()) forward(h);
        }
        EventLog log = reader->finish();
        pairing_report = report();
        return after_reading(std::move(log), options, pairing_report);
    }
    ReadReport pairing_report; // the reader's report with the pairing counts (after finish)

    LogFormat format() const { return reader_format; }

    const ReadReport& report() const { return reader ? reader->report() : empty_report; }
};

LogReader::LogReader(std::string source, ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(options))) {}
LogReader::~LogReader() = default;

void LogReader::feed(std::string_view chunk) {
    impl_->feed(chunk);
}
EventLog LogReader::finish() {
    return impl_->finish();
}
uint64_t LogReader::bytes_fed() const {
    return impl_->bytes;
}
uint64_t LogReader::events_read() const {
    return impl_->reader ? impl_->reader->events_read() : 0;
}
LogFormat LogReader::format() const {
    return impl_->format();
}
const ReadReport& LogReader::report() const {
    return impl_->options.pair_lifecycle && !impl_->pairing_report.format.empty() ? impl_->pairing_report
                                                                                  : impl_->report();
}
std::vector<std::string> LogReader::object_types() const {
    if (impl_->reader_format == LogFormat::ocel)
        return static_cast<const OcelReader&>(*impl_->reader).object_types();
    return {};
}

EventLog read_log(std::string_view bytes, const std::string& source, const ReadOptions& options,
                  ReadReport* report) {
    LogReader reader(source, options);
    reader.feed(bytes);
    EventLog log = reader.finish();
    if (report) *report = reader.report();
    return log;
}

EventLog read_log_file(const std::string& path, const ReadOptions& options, ReadReport* report) {
    // Progress: once per chunk of the file (a few MiB), never inside a reader's loop over records.
    ReadProgress progress;
    if (options.progress && path != "-") {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) progress.bytes_total = size;
    }
    if (options.threads > 1 && path != "-" &&
        (options.format == LogFormat::automatic || options.format == LogFormat::csv)) {
        const WholeFile file(
            path,
            [&] {
                if (options.progress) options.progress(progress);
            },
            &progress.bytes_read);
        const std::string_view bytes = file.bytes();
        const LogFormat format =
            options.format == LogFormat::csv
                ? LogFormat::csv
                : detect_log_format(std::string_view(bytes).substr(0, kSniffLimit), path);
        if (format != LogFormat::csv) return read_log(bytes, path, options, report);
        const ReadOptions o = effective(options);
        ReadReport r;
        // A mapped file is read as it is parsed: the progress is that of the parts' readers.
        std::function<void(uint64_t)> parsed;
        if (options.progress && file.mapped())
            parsed = [&](uint64_t n) { progress.bytes_read = n, options.progress(progress); };
        EventLog log =
            after_reading(read_csv_parallel(bytes, path, o.csv, o.threads, &r, kMinPartBytes, parsed), o, r);
        if (file.mapped()) progress.bytes_read = bytes.size(); // the header too
        if (options.progress) progress.events = log.num_events(), options.progress(progress);
        if (report) *report = std::move(r);
        return log;
    }
    LogReader reader(path, options);
    read_file_chunks(
        path,
        [&](std::string_view chunk) {
            reader.feed(chunk);
            if (options.progress) progress.events = reader.events_read(), options.progress(progress);
        },
        size_t(4) << 20, &progress.bytes_read);
    EventLog log = reader.finish();
    if (options.progress) progress.events = log.num_events(), options.progress(progress);
    if (report) *report = reader.report();
    return log;
}

} // namespace tabiji
