// What `tabiji variants` writes for a list of mined variants (JSON, CSV, or DOT, the map of the variants
// shown), cut by --top / --coverage, and the options that add this; shared with `tabiji-mpi variants`.
#pragma once
#include "args.hpp"
#include "report_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/variants.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

// --top, --coverage, --format (each command adds its own output option).
std::vector<OptionSpec> variants_option_specs();

// `variants`: most frequent first (mine_variants' order); `dfg`: the log's map (read for Format::dot only).
// Throws UsageError for a bad --top or --coverage.
std::string variants_output(const Args& args, Format format, const EventLog& log,
                            const std::vector<Variant>& variants, const Dfg& dfg);

} // namespace tabiji::cli
