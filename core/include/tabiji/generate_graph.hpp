// A synthetic journey graph of a chosen size, for benchmarks of the layout and the map renderer (the web
// app's ?bench=N page, bench/): touchpoints in rough stages left to right, each with steps mostly to the
// next one or two stages, some lighter ones back one or two stages, counts falling off like real journeys.
// Seeded and deterministic (splitmix64, no std:: distributions). The log holds the touchpoint names only (no
// events).
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>

namespace tabiji {

struct JourneyGraph {
    EventLog log; // activity names "T<stage>.<n>"; no events
    Dfg dfg;      // `nodes` touchpoints, about `edges` steps (distinct pairs), every count > 0
};

JourneyGraph generate_journey_graph(uint32_t nodes, uint32_t edges, uint64_t seed = 1);

} // namespace tabiji
