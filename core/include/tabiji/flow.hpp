// Flows from a touchpoint: where journeys go in the steps after their first visit of it (what a Sankey
// diagram draws).
//
// Definition. For each case of the view whose kept events include activity `start`, let p be the position
// of its first such event. Column k (k = 0..steps) holds the activity at position p + k, or kFlowEnded when
// the journey has no event there. columns[k] lists (activity, journeys) by journeys descending, then
// activity id (kFlowEnded last among ties); links[k] lists the steps from column k to column k + 1 of the
// journeys not ended at k, as (from, to, journeys) sorted by (from, to). Column 0 is `start` alone.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace tabiji {

inline constexpr uint32_t kFlowEnded = 0xffffffffu;

struct FlowLink {
    uint32_t from = 0, to = 0;
    uint64_t journeys = 0;
};

struct Flow {
    uint64_t journeys = 0; // cases visiting `start`
    std::vector<std::vector<std::pair<uint32_t, uint64_t>>> columns;
    std::vector<std::vector<FlowLink>> links;
};

Flow mine_flow(const EventLog& log, const LogView& view, uint32_t start, uint32_t steps);

} // namespace tabiji
