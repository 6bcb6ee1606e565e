// Reading an event log of any supported format (CSV, JSON Lines, XES, OCEL JSON): the format is detected
// from the first bytes of the (decompressed) content, then from the file name, or forced by the caller.
//
// Detection: after an optional UTF-8 byte order mark and white space, '<' means XES. '{' means JSON: a
// name ending in .jsonl / .ndjson means JSON Lines and .jsonocel OCEL; otherwise, when the first line is
// one complete JSON object without the top-level keys of OCEL ("ocel:events", "events", "objects"), JSON
// Lines, else OCEL (a pretty-printed or one-line OCEL document). Without either character, a name ending
// in .xes / .jsonocel / .json / .jsonl / .ndjson (optionally .gz) picks that reader (which then says
// precisely what is wrong), and anything else is read as CSV (.csv, .tsv, .txt, ...).
//
// After reading, ReadOptions::pair_lifecycle pairs start / complete events (lifecycle.hpp).
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_jsonl.hpp"
#include "tabiji/read_ocel.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/read_xes.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tabiji {

enum class LogFormat { automatic, csv, xes, ocel, jsonl };

// How far read_log_file is: bytes taken from the file (compressed bytes for gzip) of its size (0 when
// unknown: standard input), and the events read so far (known only at the end for CSV read on threads).
struct ReadProgress {
    uint64_t bytes_read = 0, bytes_total = 0, events = 0;
};

struct ReadOptions {
    LogFormat format = LogFormat::automatic;
    CsvOptions csv; // CSV and JSON Lines
    XesOptions xes;
    OcelOptions ocel;
    // read_log_file: threads for CSV parsing (the whole file is then mapped into memory, or held there
    // once when gzip; see read_csv_parallel.hpp). 1 streams the file in chunks with one thread.
    unsigned threads = 1;
    // Pair start / complete events into one event each (lifecycle.hpp); the lifecycle column is then read
    // whatever the attribute selection.
    bool pair_lifecycle = false;
    // read_log_file calls this on the reading thread after each chunk of the file (every few MiB, never
    // per record) and once at the end; keep it cheap.
    std::function<void(const ReadProgress&)> progress;
    // The options every format shares, set on all three at once.
    void set_strict(bool strict);
    void set_time_zone(const TimeZone& zone);
    void set_attributes(const AttributeSelection& selection);
    // Keep only events with this lifecycle value (CSV, JSON Lines, XES).
    void set_lifecycle(const std::string& value);
};

// "csv", "jsonl" (or "ndjson"), "xes", "ocel" (and "auto"); nothing for another word.
std::optional<LogFormat> parse_log_format(std::string_view name);
const char* log_format_name(LogFormat format);

// The format of a log from its first bytes and its name (never automatic).
LogFormat detect_log_format(std::string_view first_bytes, std::string_view name);

// A push reader for any format, for the browser: it keeps the first bytes until it can tell the format,
// then forwards everything to that format's reader.
class LogReader : public PushReader {
  public:
    LogReader(std::string source, ReadOptions options);
    ~LogReader() override;

    void feed(std::string_view chunk) override;
    EventLog finish() override;
    uint64_t bytes_fed() const override;
    uint64_t events_read() const override;
    // The format in use (automatic until enough bytes were seen).
    LogFormat format() const;
    const ReadReport& report() const override;
    // OCEL: the object types of the document (after finish), for a picker; empty for other formats.
    std::vector<std::string> object_types() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whole buffer at once.
EventLog read_log(std::string_view bytes, const std::string& source, const ReadOptions& options,
                  ReadReport* report = nullptr);
// A file from disk (gzip inflated whatever its name). Throws InputError when it cannot be opened or read.
EventLog read_log_file(const std::string& path, const ReadOptions& options, ReadReport* report = nullptr);

} // namespace tabiji
