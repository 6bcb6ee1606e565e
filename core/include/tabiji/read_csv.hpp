// CSV event logs (RFC 4180): a push reader that takes the file in chunks of any size, so the browser can
// feed a File slice by slice and the CLI can stream a large file without holding it twice.
#pragma once
#include "tabiji/attributes.hpp"
#include "tabiji/encoding.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/push_reader.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/time_zone.hpp"
#include "tabiji/timestamp.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace tabiji {

// Options of the tabular formats: CSV, and JSON Lines (read_jsonl.hpp), where "column" means "key" and the
// separator and encoding do not apply.
struct CsvOptions {
    char separator = 0;      // 0: detect from the header line among , ; TAB |
    std::string case_column; // empty: first present of the auto-detection list
    std::string activity_column;
    std::string timestamp_column;      // empty: auto; a log without any timestamp column keeps file order
    bool strict = true;                // strict: first problem throws InputError; lenient: skip and count
    TimeZone time_zone;                // zone of timestamps written without offset (default UTC)
    EpochUnit epoch = EpochUnit::none; // timestamps are Unix epoch seconds / milliseconds instead of ISO 8601
    AttributeSelection attributes;     // which other columns become attributes (default: all)
    std::string lifecycle;             // non-empty: keep only records whose lifecycle column holds this value
    Encoding encoding = Encoding::detect; // detect: BOM, else UTF-8 if valid, else Shift_JIS (CP932)
    uint64_t first_data_line = 0;    // line number of the first record when reading a part of a file (0: 2)
    uint64_t expected_bytes = 0;     // size of the whole input if known: lets the reader reserve memory once
    bool untyped_attributes = false; // internal (read_csv_parallel): finish with untyped attribute columns
};

// Column names tried in order when none is given (the order of the PM4Py reference outputs).
extern const std::vector<std::string> kCaseColumnNames;
extern const std::vector<std::string> kActivityColumnNames;
extern const std::vector<std::string> kTimestampColumnNames;
// The optional lifecycle column (start / complete ...), for --lifecycle and --pair-lifecycle.
extern const std::vector<std::string> kLifecycleColumnNames;

class CsvReader : public PushReader {
  public:
    CsvReader(std::string source, CsvOptions options);
    ~CsvReader() override;

    // Feed the next bytes of the file. Throws InputError in strict mode at the first bad record.
    void feed(std::string_view chunk) override;
    // End of input: parses what is left and builds the log.
    EventLog finish() override;
    const ReadReport& report() const override;
    uint64_t bytes_fed() const override;
    uint64_t events_read() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whole buffer at once.
EventLog read_csv(std::string_view bytes, const std::string& source, const CsvOptions& options,
                  ReadReport* report = nullptr, const std::function<void(size_t)>& after_slice = {});
// A file from disk, read in chunks. Throws InputError when it cannot be opened.
EventLog read_csv_file(const std::string& path, const CsvOptions& options, ReadReport* report = nullptr);

} // namespace tabiji
