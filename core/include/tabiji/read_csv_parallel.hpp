// Reading a CSV held in memory on several threads, with exactly the result of the one-thread reader.
//
// The buffer is cut into parts at line ends where the number of '"' before the cut is even (outside
// any quoted field in a well-formed file). Each part is read by its own CsvReader, which is first fed the
// header line so it resolves the same columns; the parts' logs are then joined with merge_logs. A part
// that ends inside an unclosed quoted field proves the cut was not a record boundary; then, and whenever
// any part reports an error, the file is read again on one thread, so errors and their positions are
// always exactly those of the sequential reader.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/read_csv.hpp"
#include "tabiji/read_report.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

// Parts are at least min_part_bytes long (fewer threads are used on small inputs): two threads on parts
// of 300 KB (1e4 events) were 1.25x as fast as one, on parts of 60 KB 0.92x (bench of 2026-11-24).
// progress, when given, is called on the calling thread, every few MB, with the bytes of all parts read
// so far.
inline constexpr size_t kMinPartBytes = size_t(256) << 10;
EventLog read_csv_parallel(std::string_view bytes, const std::string& source, const CsvOptions& options,
                           unsigned threads, ReadReport* report = nullptr,
                           size_t min_part_bytes = kMinPartBytes,
                           const std::function<void(uint64_t)>& progress = {});

// The pieces read_csv_parallel is made of, for readers that split a file across processes (tabiji-mpi):

// Where the header line ends (just after its '\n'), and whether the buffer may be cut at line ends at all:
// UTF-8 text (given, or detected from the first 64 KiB) with a header that holds no quote and no byte the
// decoder would replace (invalid UTF-8, NUL).
struct CsvCutPlan {
    bool splittable = false;
    size_t header_end = 0;
};
CsvCutPlan plan_csv_cuts(std::string_view bytes, const CsvOptions& options);

// [begin, end) of part k of `count` parts of [header_end, size): each ends just after a '\n' at or after
// its share of the bytes (with an even number of '"' before it when quote_parity). Only the bytes near
// the cuts are looked at when quote_parity is false.
struct CsvPart {
    size_t begin = 0, end = 0;
};
std::vector<CsvPart> cut_csv_parts(std::string_view bytes, size_t header_end, unsigned count,
                                   bool quote_parity);

// Reads the records of bytes[part.begin, part.end) as UTF-8, the header (bytes[0, header_end)) fed first
// so the same columns are resolved. options.first_data_line numbers the part's lines in the whole file.
// after_slice as for feed_in_slices.
EventLog read_csv_part(std::string_view bytes, size_t header_end, CsvPart part, const std::string& source,
                       const CsvOptions& options, ReadReport* report = nullptr,
                       const std::function<void(size_t)>& after_slice = {});

} // namespace tabiji
