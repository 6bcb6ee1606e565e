// XES event logs (IEEE 1849): a push reader on a streaming XML parser (expat), fed in chunks of any size
// like CsvReader, so the browser can feed a File slice by slice.
//
// What is read: the trace attribute concept:name is the case id, the event attribute concept:name the
// activity, time:timestamp the timestamp; lifecycle:transition is counted per value (and can filter);
// every other attribute of any XES type (string, date, int, float, boolean, id) is kept as a typed
// attribute column with its declared type (attributes.hpp): event attributes at event level (including
// lifecycle:transition and org:resource), trace attributes at case level; the selection in
// XesOptions::attributes says which. Lists and containers are skipped and counted; extension, global and
// classifier declarations and log-level attributes are tolerated and ignored.
// Events without concept:name, events of a trace without concept:name, and (in a log that has
// timestamps) events without time:timestamp are dropped and counted in ReadReport::dropped_missing_values.
// A log without any timestamp keeps file order (EventLog::has_time is false).
//
// Time zones: by default the offset written in each timestamp is honoured (UTC instants). With
// XesOptions::wallclock the local wall-clock time is read and the offset ignored, which is what PM4Py does
// by default (its durations across a daylight-saving change are then off by an hour): use it to compare
// with PM4Py's numbers, never for new analyses.
//
// Safety: documents with a DOCTYPE that declares entities are rejected (no entity expansion at all, so no
// "billion laughs"); external entities are never loaded. Malformed XML is an InputError with expat's
// line, column and message.
#pragma once
#include "tabiji/attributes.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/push_reader.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/time_zone.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace tabiji {

struct XesOptions {
    bool wallclock = false;        // PM4Py-compatible: read local wall-clock time, ignore the offset
    bool strict = true;            // strict: a bad timestamp throws InputError; lenient: skip and count
    TimeZone time_zone;            // zone of timestamps written without offset (default UTC)
    std::string lifecycle;         // non-empty: keep only events with this lifecycle:transition value
    AttributeSelection attributes; // which attributes are kept (by key; default all)
};

// True when this build can read XES (natively always; in the web build when expat was built for it).
bool xes_supported();

class XesReader : public PushReader {
  public:
    XesReader(std::string source, XesOptions options);
    ~XesReader() override;

    // Feed the next bytes of the file. Throws InputError at malformed XML (and in strict mode at a bad
    // timestamp).
    void feed(std::string_view chunk) override;
    // End of input: checks the document is complete and builds the log.
    EventLog finish() override;
    const ReadReport& report() const override;
    uint64_t bytes_fed() const override;
    uint64_t events_read() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whole buffer at once.
EventLog read_xes(std::string_view bytes, const std::string& source, const XesOptions& options,
                  ReadReport* report = nullptr);
// A file from disk (.xes or .xes.gz), read in chunks. Throws InputError when it cannot be opened.
EventLog read_xes_file(const std::string& path, const XesOptions& options, ReadReport* report = nullptr);

} // namespace tabiji
