// Reading one large CSV file on all ranks at once: every rank maps the file and reads its own byte range
// (cut_csv_parts: parts end at line ends), with the header replayed, as read_csv_parallel does with
// threads. Whatever cannot be cut that way (another format, gzip, standard input, a non-UTF-8 or quoted
// header, --lenient, --pair-lifecycle), and any range that fails to read (a cut inside a quoted field
// leaves the range before it in an open quote), is read by rank 0 alone with the one-node reader, so the
// log and every error message are exactly those of `tabiji`.
#pragma once
#include "collective.hpp"

#include "tabiji/event_log.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/read_report.hpp"

#include <string>

namespace tabiji::mpi {

struct Shard {
    EventLog log;       // this rank's events (file order of its range), its own activity / case pools
    ReadReport report;  // this rank's read report
    bool split = false; // false: rank 0 read the whole file, the other ranks hold nothing
    uint64_t bytes = 0; // bytes of the file this rank read
};

Shard read_shard(Comm& comm, const std::string& path, const ReadOptions& options);

} // namespace tabiji::mpi
