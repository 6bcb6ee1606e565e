// What `tabiji perf` writes for mined times (JSON, one CSV table, or DOT, the map with median times) and
// the options that add this; shared with `tabiji-mpi perf`.
#pragma once
#include "args.hpp"
#include "report_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/performance.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

// --format, --table (each command adds its own output option).
std::vector<OptionSpec> perf_option_specs();

// --table (edges by default); throws UsageError for another word.
std::string perf_table(const Args& args);

// `edges`: one per dfg edge (same order), `next`: per activity; both empty without time.
std::string perf_output(Format format, const std::string& table, const EventLog& log, const Dfg& dfg,
                        const std::vector<EdgePerformance>& edges, const std::vector<DurationStats>& next,
                        const CaseDurations& durations);

} // namespace tabiji::cli
