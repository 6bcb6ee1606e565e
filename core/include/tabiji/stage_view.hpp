// The journey by stage (awareness, consideration, purchase, ... from the catalog): how many cases reach
// each stage, how long they stay, and how they feel there.
//
// Per stage s of the catalog (in catalog order, stages no case reaches included):
//   cases     cases with at least one step at a touchpoint of stage s; events: those steps;
//   dwell     per such case, time of its last step in s - time of its first step in s (seconds;
//             0 for a single step), summarised (count, mean, median, ...);
//   satisfaction  when a numeric attribute is given (CSAT, NPS, sentiment: integer or real column): the
//             values on the steps of stage s (event-level column), or, for a case-level column, the
//             case's value once per case reaching s; summarised the same way (mean and median are the
//             emotion curve). Null values are skipped.
// Steps of touchpoints without a stage are counted in unstaged_events.
#pragma once
#include "tabiji/journey.hpp"
#include "tabiji/performance.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct StageRow {
    uint64_t cases = 0, events = 0;
    DurationStats dwell;
    DurationStats satisfaction; // count 0 when no attribute or no value
};

struct StageView {
    std::vector<StageRow> stages; // per stage of the map (TouchpointMap::stage_names)
    uint64_t unstaged_events = 0;
    std::string satisfaction_attribute; // "" when none
};

// `satisfaction`: a numeric attribute column of `log`, or null.
StageView mine_stage_view(const EventLog& log, const LogView& view, const TouchpointMap& map,
                          const AttributeColumn* satisfaction);

// The attribute to use for the emotion curve: `name` when given (InputError when the log has no such
// attribute or it is not numeric), else the first numeric attribute named csat, nps, sentiment or
// satisfaction (any case), else null.
const AttributeColumn* find_satisfaction_attribute(const EventLog& log, std::string_view name);

} // namespace tabiji
