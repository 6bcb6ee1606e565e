// The steps of one journey, as a training replay walks them: one case (every kept event, in log order) or
// one variant (its activity sequence, with the median time between consecutive steps over its cases).
// Each step says what the side panel shows: the activity, the touchpoint it maps to (channel and stage
// come from the TouchpointMap), the time since the previous step, and the attributes of the event and of
// its case.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"
#include "tabiji/touchpoint_map.hpp"
#include "tabiji/variants.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tabiji {

inline constexpr uint64_t kNoEvent = ~uint64_t(0);

struct ReplayStep {
    uint32_t activity = 0;
    uint32_t touchpoint = TouchpointMap::kNone; // kNone: unmapped under UnmappedPolicy::drop
    Micros time = kNoTime;                      // the event's time (a case); kNoTime for a variant
    double seconds_since_previous = -1;         // -1 for the first step, or when there are no times
    uint64_t event = kNoEvent;                  // the log index of the event (a case); kNoEvent for a variant
};

// The events of case c that the view keeps, in log order (all of them when the view is empty).
std::vector<ReplayStep> case_steps(const EventLog& log, const TouchpointMap& map, uint32_t c,
                                   const LogView& view = {});

// The steps of a variant: its activities with, between consecutive steps, the median time over the cases of
// `case_variant` (as filled by mine_variants) equal to `variant`; touchpoints by the activity-name rules.
std::vector<ReplayStep> variant_steps(const EventLog& log, const TouchpointMap& map,
                                      const std::vector<Variant>& variants,
                                      const std::vector<uint32_t>& case_variant, uint32_t variant);

// The attributes of a step of case c: event attributes, then case attributes, as (name, text); nulls left
// out. `event` kNoEvent gives the case attributes only.
std::vector<std::pair<std::string, std::string>> step_attributes(const EventLog& log, uint32_t c,
                                                                 uint64_t event);

} // namespace tabiji
