// Multi-touch attribution with a first-order Markov chain over touchpoints (Anderl, Becker, von Wangenheim
// and Schumann 2016; the "removal effect" model).
//
// Paths. Each journey up to its first goal event (a touchpoint of the goal set) is a path
// START -> t1 -> ... -> tn -> CONVERSION; a journey without a goal event is START -> t1 -> ... -> tn -> NULL.
// The goal event itself is not a state (a journey starting with it is START -> CONVERSION). Repeated
// touchpoints stay (self-transitions do not change absorption probabilities).
// Chain. P(s -> s') = transitions s -> s' / transitions leaving s, over all paths. CONVERSION and NULL
// absorb. reach_goal(s) = probability of absorption in CONVERSION from s: the solution of
// x_s = sum_s' P(s, s') x_s' with x_CONVERSION = 1, x_NULL = 0, solved by Gauss-Seidel sweeps (self-loops
// solved exactly) until no value moves by more than 1e-15. conversion_probability = x_START.
// Removal effect of touchpoint t: remove t, redirecting every transition into t to NULL, and solve again:
// RE(t) = (x_START - x_START without t) / x_START (0 when x_START is 0). Attribution share(t) = RE(t) /
// sum of all RE (0 when the sum is 0); attributed_conversions(t) = share(t) x conversions.
#pragma once
#include "tabiji/journey.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct MarkovPath {
    std::vector<uint32_t> touchpoints;
    bool converted = false;
    uint64_t count = 1;
};

struct MarkovTransition {
    uint32_t from = 0, to = 0; // touchpoint numbers, or the kStart / kConversion / kNull states below
    uint64_t count = 0;
    double probability = 0;
};

struct MarkovAttribution {
    static constexpr uint32_t kStart = 0xfffffffdu, kConversion = 0xfffffffeu, kNull = 0xffffffffu;
    uint64_t paths = 0, conversions = 0;
    double conversion_probability = 0;          // x_START (equals conversions / paths)
    std::vector<uint32_t> touchpoints;          // states of the chain, ascending touchpoint number
    std::vector<double> reach_goal;             // per entry of touchpoints
    std::vector<double> removal_effect;         // per entry
    std::vector<double> share;                  // per entry
    std::vector<double> attributed_conversions; // per entry
    std::vector<MarkovTransition> transitions;  // by (from, to), kStart rows first
};

MarkovAttribution markov_attribution(const std::vector<MarkovPath>& paths);
// Paths from the journeys of a view (goal: a set of touchpoint numbers).
std::vector<MarkovPath> markov_paths(const EventLog& log, const LogView& view, const TouchpointMap& map,
                                     const std::vector<uint32_t>& goal);

} // namespace tabiji
