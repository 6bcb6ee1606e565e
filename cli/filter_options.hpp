// The filter options every mining subcommand shares (--filter FILE.json and convenience flags such as
// --start-with NAME or --min-events N), turned into a FilterChain and applied to a loaded log.
#pragma once
#include "args.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/log_view.hpp"

#include <vector>

namespace tabiji::cli {

std::vector<OptionSpec> filter_option_specs();

// The chain the options describe: first the filters of --filter FILE (in their order), then the
// convenience flags in the order of filter_option_specs(). Throws UsageError for bad flag values and
// InputError for a bad filter file.
FilterChain filter_chain_from_args(const Args& args);

// Builds the chain, writes it to --save-filter FILE when asked, and applies it to the log. Unknown
// touchpoint names are InputErrors naming them.
LogView apply_filter_options(const Args& args, const EventLog& log);

} // namespace tabiji::cli
