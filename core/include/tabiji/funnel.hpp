// Funnels: ordered steps (touchpoints, stages, or alternatives "A|B") with a maximum gap between steps.
//
// Definition. Each step is a set of touchpoints. A case enters the funnel at its first journey step whose
// touchpoint is in step 1's set. Having reached step k at journey position p (time t), it reaches step
// k+1 when the FIRST position q > p whose touchpoint is in step k+1's set exists and time(q) - t <=
// max_gap (inclusive; no limit by default). When that first occurrence is too late the case stops at
// step k (a later occurrence does not count). Per step k:
//   cases                    cases reaching step k;
//   conversion_from_previous cases(k) / cases(k-1) (step 1: cases(1) / cases of the view);
//   conversion_from_first    cases(k) / cases(1);
//   dropped                  cases(k-1) - cases(k) (0 for step 1);
//   dropped_next             for those dropped cases, the touchpoint of the journey step right after
//                            their step k-1 position (kNone: the journey ended there), with counts, by
//                            count descending then touchpoint name (journey end last among ties);
//   time_from_previous       durations time(step k) - time(step k-1) of the cases reaching k (seconds);
//   time_from_first          durations time(step k) - time(step 1) of the cases reaching k.
#pragma once
#include "tabiji/journey.hpp"
#include "tabiji/performance.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tabiji {

struct FunnelStep {
    std::string label;                 // as the user wrote it
    std::vector<uint32_t> touchpoints; // the set, ascending
};

// Each spec is a touchpoint name, a stage name (all touchpoints of the stage), or alternatives joined by
// '|' ("product1|product2"). Throws InputError(source, 0, 0, ...) naming an unknown name.
std::vector<FunnelStep> resolve_funnel_steps(const std::vector<std::string>& specs, const TouchpointMap& map,
                                             const std::string& source);

struct FunnelStepResult {
    uint64_t cases = 0;
    double conversion_from_previous = 0, conversion_from_first = 0;
    uint64_t dropped = 0;
    std::vector<std::pair<uint32_t, uint64_t>> dropped_next;
    DurationStats time_from_previous, time_from_first;
};

struct Funnel {
    double max_gap_seconds = std::numeric_limits<double>::infinity();
    uint64_t cases = 0; // cases of the view (with a mapped event)
    std::vector<FunnelStepResult> steps;
};

Funnel mine_funnel(const EventLog& log, const LogView& view, const TouchpointMap& map,
                   const std::vector<FunnelStep>& steps,
                   double max_gap_seconds = std::numeric_limits<double>::infinity());

// "7d", "36h", "90m", "45s" or a plain number of seconds -> seconds; nullopt when malformed.
std::optional<double> parse_duration_seconds(std::string_view text);

} // namespace tabiji
