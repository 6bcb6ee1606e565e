// Object-centric event logs (OCEL 1.0 JSON: "ocel:events", "ocel:objects", "ocel:omap"; OCEL 2.0 JSON:
// "events", "objects", "relationships"), flattened on one object type into a case-centric EventLog.
//
// Flattening (what PM4Py's ocel_flattening does, and what the reference outputs fix): the objects of the
// chosen type are the cases; an event related to several objects of that type appears once in the case of
// each of them (a relation named twice counts once); events related to no such object are left out.
// Inside a case the ordering rule of event_log.hpp applies (timestamp, ties in the file's event order).
// Relations to objects that the document does not declare are ignored, as PM4Py does.
//
// The reader takes chunks like CsvReader, but an OCEL document is one JSON value whose event and object
// sections can come in either order, so it keeps the bytes and parses them in finish().
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/push_reader.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/time_zone.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct OcelOptions {
    std::string object_type; // the type whose objects become cases; empty: the only type there is
    bool strict = true;      // strict: a bad timestamp throws InputError; lenient: skip and count
    TimeZone time_zone;      // zone of timestamps written without offset (default UTC)
};

class OcelReader : public PushReader {
  public:
    OcelReader(std::string source, OcelOptions options);
    ~OcelReader() override;

    void feed(std::string_view chunk) override;
    // Parses and flattens. Throws InputError on malformed JSON, a document that is not OCEL, an unknown
    // object type, or (no type given) a document with several types: the message lists them.
    EventLog finish() override;
    const ReadReport& report() const override;
    // The object types the document declares or uses, sorted (known once finish() has parsed, even when
    // it then threw because no type was chosen): for a picker in the UI.
    const std::vector<std::string>& object_types() const;
    uint64_t bytes_fed() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whole buffer at once.
EventLog read_ocel(std::string_view bytes, const std::string& source, const OcelOptions& options,
                   ReadReport* report = nullptr);
// A file from disk (.jsonocel, .json, or gzipped). Throws InputError when it cannot be opened.
EventLog read_ocel_file(const std::string& path, const OcelOptions& options, ReadReport* report = nullptr);

} // namespace tabiji
