// The interface of every streaming log reader (CSV, JSON Lines, XES, OCEL): bytes go in by chunks of any
// size — a browser File slice by slice, a file from disk, standard input — and an EventLog comes out.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/read_report.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace tabiji {

class PushReader {
  public:
    PushReader() = default;
    virtual ~PushReader() = default;
    PushReader(const PushReader&) = delete;
    PushReader& operator=(const PushReader&) = delete;

    // The next bytes of the input. Throws InputError in strict mode at the first bad record.
    virtual void feed(std::string_view chunk) = 0;
    // End of input: reads what is left and builds the log.
    virtual EventLog finish() = 0;
    virtual const ReadReport& report() const = 0;
    virtual uint64_t bytes_fed() const = 0;
    // Events read so far (for a progress display; 0 where a reader only knows at the end).
    virtual uint64_t events_read() const { return 0; }
};

// Feeds a buffer in slices of a few MB, as a file is read: each slice is scanned while it is in cache (one
// feed of hundreds of MB goes to memory at every pass of the reader, about half the speed).
// after_slice, when given, is called with the bytes of each slice once it is read.
void feed_in_slices(PushReader& reader, std::string_view bytes,
                    const std::function<void(size_t)>& after_slice = {});

// Feeds a whole buffer, or a file from disk (gzip inflated, "-" for standard input), to a reader and
// finishes it; the report is copied out when asked for.
EventLog read_buffer_with(PushReader& reader, std::string_view bytes, ReadReport* report,
                          const std::function<void(size_t)>& after_slice = {});
EventLog read_file_with(PushReader& reader, const std::string& path, ReadReport* report);

} // namespace tabiji
