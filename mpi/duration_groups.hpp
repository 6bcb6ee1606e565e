// Durations grouped by something every rank numbers the same way (a merged DFG edge, a touchpoint, "all
// journeys"), summarised over all ranks into the DurationStats core's summarize_durations gives for the
// whole log.
//
// Exact (default): each group has an owner rank, chosen so that owners get about the same number of
// values (largest groups first, each to the least loaded rank; the loads are global counts every rank
// knows). Every rank sends each owner its values of the owner's groups with their case keys, in key
// order; the owner merges the runs by key (each case lives on one rank, so this is the single-node order:
// cases by first appearance, steps in case order) and calls summarize_durations: count, sum, mean, min,
// max, stdev are the same doubles and median / p90 exact. Only the small summaries go to rank 0.
//
// Sketched (alpha > 0): values stay on their rank; each rank keeps count, sum, min, max, mean and the sum
// of squared deviations per group (merged on rank 0 with the pairwise update of Chan, Golub and LeVeque:
// count, min, max exact, sum / mean / stdev equal up to floating-point rounding) and a QuantileSketch
// (median and p90 within alpha relative of the exact values).
#pragma once
#include "collective.hpp"

#include "tabiji/performance.hpp"

#include <cstdint>
#include <vector>

namespace tabiji::mpi {

class DurationGroups {
  public:
    // local_counts[g]: how many values this rank will add to group g. alpha == 0: exact; else the
    // relative accuracy of the quantile sketch.
    DurationGroups(const std::vector<uint64_t>& local_counts, double alpha);
    ~DurationGroups();
    DurationGroups(const DurationGroups&) = delete;
    DurationGroups& operator=(const DurationGroups&) = delete;

    // One value of this rank, in seconds: calls for one group come in non-decreasing case key order.
    void add(uint32_t group, uint64_t case_key, double seconds);

    // Collective. `load[g]`: the number of values of group g over all ranks (the same on every rank).
    // Returns the stats of every group on rank 0 (empty elsewhere).
    std::vector<DurationStats> merge(Comm& comm, const std::vector<uint64_t>& load);

  private:
    struct Impl;
    Impl* impl_;
};

} // namespace tabiji::mpi
