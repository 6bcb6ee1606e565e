// Reading the input on all ranks at once. One large CSV file: every rank maps the file and reads its own byte
// range (cut_csv_parts: parts end at line ends), with the header replayed, as read_csv_parallel does with
// threads. Whatever cannot be cut that way (another format, gzip, standard input, a non-UTF-8 or quoted
// header, --lenient, --pair-lifecycle), and any range that fails to read (a cut inside a quoted field
// leaves the range before it in an open quote), is read by rank 0 alone with the one-node reader, so the
// log and every error message are exactly those of `tabiji`.
#pragma once
#include "collective.hpp"

#include "tabiji/event_log.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/read_report.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tabiji::mpi {

struct Shard {
    EventLog log;       // this rank's events (file order of its range), its own activity / case pools
    ReadReport report;  // this rank's read report (several files: the first one's, dropped rows summed)
    bool split = false; // false: rank 0 read the whole file, the other ranks hold nothing
    uint64_t bytes = 0; // bytes of the file this rank read
};

// Collective: one file, split by byte ranges (or read by rank 0, see above).
Shard read_shard(Comm& comm, const std::string& path, const ReadOptions& options);

// Collective: several files, as if they were one file holding their records in this order. Each rank
// reads a run of consecutive files (runs of about equal bytes; ranks beyond the files read nothing) with
// the one-node reader, and joins them with merge_logs, so ranks again hold consecutive parts of the
// whole. A file that cannot be opened or read fails the job with the message of its rank.
Shard read_files(Comm& comm, const std::vector<std::string>& paths, const ReadOptions& options);

// Which rank reads file i of files with these byte sizes: consecutive runs of about total / ranks bytes
// (the first file always on rank 0, whose report names the columns in the result).
std::vector<int> file_ranks(const std::vector<uint64_t>& sizes, int ranks);

} // namespace tabiji::mpi
