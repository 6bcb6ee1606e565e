// The one order in which results list touchpoints and steps, in every output (JSON, CSV, DOT, reports):
// by count descending, then by name in byte order (steps: source name, then target name). A total order,
// so output is byte-identical run to run and platform to platform.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

// Activity ids with a non-zero count.
std::vector<uint32_t> touchpoint_display_order(const EventLog& log, const std::vector<uint64_t>& counts);
// Indices into dfg.edges.
std::vector<uint32_t> edge_display_order(const EventLog& log, const Dfg& dfg);

} // namespace tabiji
