// The filter options every mining subcommand shares (--filter FILE.json and convenience flags such as
// --start-with NAME, --min-events N or --attr NAME=V), turned into a FilterChain and applied to a loaded log.
#pragma once
#include "args.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/log_view.hpp"

#include <vector>

namespace tabiji::cli {

std::vector<OptionSpec> filter_option_specs();
// What every command that reads and mines one log takes: the log options, then the filter options.
std::vector<OptionSpec> log_and_filter_option_specs();

// The chain the options describe: first the filters of --filter FILE (in their order), then the
// convenience flags in the order of filter_option_specs(). Throws UsageError for bad flag values and
// InputError for a bad filter file.
FilterChain filter_chain_from_args(const Args& args);

// Writes the chain to --save-filter FILE when asked, and applies it to the log. Unknown touchpoint and
// attribute names are InputErrors naming them. A command builds the chain before reading the log, and
// passes filter_attribute_names(chain) to load_log so that the attributes the filters test are read.
LogView apply_filter_options(const Args& args, const FilterChain& chain, const EventLog& log);

} // namespace tabiji::cli
