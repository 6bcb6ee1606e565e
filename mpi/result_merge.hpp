// Mining the owned cases on every rank with the core and merging the results into exactly what the core
// gives for the whole log:
// - counts per touchpoint, start / end counts, cases and events: sums (every case lives on one rank);
// - edges: counts and distinct cases summed per (from, to), sorted by (from, to) as mine_dfg sorts them,
//   on every rank (they number the duration groups);
// - variants: (sequence, count) gathered on rank 0, counts summed per sequence, sorted by sort_variants;
// - durations (step times per edge, time to next step per touchpoint, journey durations): DurationGroups,
//   exact at each group's owner rank, or sketched; journey-duration histogram counts summed.
#pragma once
#include "case_exchange.hpp"
#include "collective.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/log_view.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/variants.hpp"

#include <vector>

namespace tabiji::mpi {

struct MiningRequest {
    bool variants = false;
    bool edge_performance = false;
    bool time_to_next = false;
    bool case_durations = false;
    double sketch_alpha = 0; // > 0: quantiles from sketches of that relative accuracy
};

struct MergedResults {
    Dfg dfg;
    std::vector<Variant> variants;
    std::vector<EdgePerformance> performance; // one per dfg edge, same order; empty without time
    std::vector<DurationStats> time_to_next;  // per activity; empty without time
    CaseDurations case_durations;             // stats, bin edges and counts (no per-case lists)
    // CPU seconds spent: dfg mined and merged, variants mined and gathered, durations collected on this rank,
    // duration groups merged.
    double dfg_s = 0, variants_s = 0, steps_s = 0, durations_merge_s = 0;
};

// Collective; the result is complete on rank 0 only. `view`: the kept cases and events of owned.log.
MergedResults mine_and_merge(Comm& comm, const OwnedCases& owned, const LogView& view,
                             const MiningRequest& request);

} // namespace tabiji::mpi
