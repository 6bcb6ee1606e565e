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

#include <string>
#include <string_view>

namespace tabiji {

// Parts are at least min_part_bytes long (fewer threads are used on small inputs).
EventLog read_csv_parallel(std::string_view bytes, const std::string& source, const CsvOptions& options,
                           unsigned threads, ReadReport* report = nullptr,
                           size_t min_part_bytes = size_t(4) << 20);

} // namespace tabiji
