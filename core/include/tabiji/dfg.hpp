// The directly-follows graph of a log: touchpoints (activities) as nodes, "b directly after a in the same
// case" as edges, with start and end touchpoints.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct DfgEdge {
    uint32_t from = 0, to = 0; // activity ids
    uint64_t count = 0;        // occurrences (a case taking the step twice counts twice)
    uint64_t cases = 0;        // distinct cases taking the step
};

struct Dfg {
    uint32_t num_activities = 0;
    uint32_t num_cases = 0;
    uint64_t num_events = 0;
    std::vector<uint64_t> events; // per activity: events
    std::vector<uint64_t> cases;  // per activity: cases with at least one such event
    std::vector<uint64_t> starts; // per activity: cases starting with it
    std::vector<uint64_t> ends;   // per activity: cases ending with it
    std::vector<DfgEdge> edges;   // sorted by (from, to)
};

Dfg mine_dfg(const EventLog& log);
// Over the kept cases and events of a view: num_cases / num_events count what the view keeps.
Dfg mine_dfg(const EventLog& log, const LogView& view);

} // namespace tabiji
