// Re-partitioning events by case: after reading, every rank holds the events of its byte range; after
// the exchange, every case lives whole on one rank (owner = FNV-1a hash of the case id mod ranks), in an
// EventLog that follows the ordering rule of event_log.hpp exactly as the whole file would give it.
//
// Why it is exact: ranks' ranges are consecutive parts of the file, so "file order" is (rank, position in
// the rank's range). Each rank sends its cases in its own first-appearance order, each with its events
// already in the rule's order (stable by time). The owner takes the received cases source rank by source
// rank: a case's first fragment is then its first appearance in the file, its fragments are laid out in
// (source rank, position) order — the file order — and a stable sort by time of a case with fragments
// from several ranks gives the rule's order (the same as the builder's sort of the whole file).
// Activity ids are made the same on all ranks first (the distinct names all-gathered in rank order, which
// is also their first appearance in the file). Each owned case carries a global key, its first-appearance
// number in the whole file, so results merged on rank 0 can be put in the one-node order.
#pragma once
#include "collective.hpp"

#include "tabiji/event_log.hpp"

#include <cstdint>
#include <vector>

namespace tabiji::mpi {

struct OwnedCases {
    // This rank's cases; activity ids are global (log.activities: all names). With several ranks the
    // case ids are not kept (log.cases is empty: no miner or writer used here reads them).
    EventLog log;
    std::vector<uint64_t> case_key; // per case of log: its number in first-appearance order of the file
    uint64_t events_sent = 0;       // events this rank sent to other ranks
    double pack_s = 0, transfer_s = 0,
           build_s = 0; // CPU seconds: names and cases packed, all-to-all, log built
};

// Collective. `local`: this rank's log as read (its own pools), consumed. With one rank it is kept as is.
OwnedCases exchange_cases(Comm& comm, EventLog local);

} // namespace tabiji::mpi
