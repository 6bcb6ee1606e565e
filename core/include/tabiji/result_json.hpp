// Results as JSON, with exactly the field names and shapes of the PM4Py reference outputs
// (num_cases, num_events, num_activities, activities, start_activities, end_activities, dfg, variants,
// performance_dfg), plus a "meta" object like the reference's (source, columns_used,
// rows_dropped_missing_values) and two additions: "cases" per edge and "p90" per performance edge. Lists are
// sorted by count descending, then by names in byte order, so output is byte-identical run to run.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/variants.hpp"

#include <string>

namespace tabiji {

struct DfgJsonParts {
    bool variants = true;
    bool performance = true;
    bool pretty = true; // one line per list element (json_layout.hpp); false: one line in all
};

std::string dfg_to_json(const EventLog& log, const Dfg& dfg, const std::vector<Variant>& variants,
                        const std::vector<EdgePerformance>& performance, const DfgJsonParts& parts = {},
                        const ReadReport* report = nullptr);

} // namespace tabiji
