// JSON Lines event logs (also called NDJSON): one JSON object per line, one event per object, e.g.
//   {"customer_id": "C1", "touchpoint": "Web visit", "timestamp": "2024-03-13T10:21:14Z", "channel": "web"}
// A push reader like CsvReader (chunks of any size), taking the tabular options of CsvOptions: the keys
// for case id, activity and timestamp are found with the same detection lists as CSV columns (or named),
// the keys of the FIRST object decide them, and every other key becomes an attribute (keys first seen on a
// later line too; earlier events have no value there).
//
// Values: strings as they are; numbers as written (rapidjson keeps their text, so 007 or 1.10 are not
// reformatted); true / false as text; null as a missing value; nested objects and arrays as their compact
// JSON text. Attribute types are then inferred from these texts exactly as for CSV (attributes.hpp), so a
// CSV and a JSON Lines export of the same data give the same log: one rule for both tabular formats (JSON
// has no date type anyway, so strings must be inferred; a key holding both "abc" and 5 is a string column).
// A missing case id, activity or timestamp key counts like an empty CSV field (dropped and counted).
//
// Errors: a line that is not valid JSON is an InputError at its line and byte column (from rapidjson's
// error offset; strict mode), or is skipped and counted as "bad_json" (lenient); a line holding a JSON
// value that is not an object is "not_an_object". Blank lines are skipped.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/push_reader.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_report.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace tabiji {

class JsonlReader : public PushReader {
  public:
    JsonlReader(std::string source, CsvOptions options);
    ~JsonlReader() override;

    void feed(std::string_view chunk) override;
    EventLog finish() override;
    const ReadReport& report() const override;
    uint64_t bytes_fed() const override;
    uint64_t events_read() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whole buffer at once.
EventLog read_jsonl(std::string_view bytes, const std::string& source, const CsvOptions& options,
                    ReadReport* report = nullptr);
// A file from disk (optionally gzipped), read in chunks. Throws InputError when it cannot be opened.
EventLog read_jsonl_file(const std::string& path, const CsvOptions& options, ReadReport* report = nullptr);

} // namespace tabiji
