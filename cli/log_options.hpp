// The options every log-reading subcommand shares (--case, --activity, --timestamp, --sep, --tz, --epoch,
// --lenient, --format, --xes-wallclock, --object-type, --attributes, --lifecycle, --pair-lifecycle), and
// loading a log of any format with them.
#pragma once
#include "args.hpp"
#include "tabiji/attributes.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/read_report.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

std::vector<OptionSpec> log_option_specs();

// Reads the log named by `path` with the options in args. Throws InputError (bad file) or UsageError
// (bad option value). Problems skipped in --lenient mode are summarised on stderr.
// `attributes`: what the command needs (mining commands: none, which reads fastest; `info`: all);
// --attributes overrides it. `required`: attributes read whatever --attributes says (the ones the
// command's filters test, filter_attribute_names).
EventLog load_log(const Args& args, const std::string& path, ReadReport& report,
                  const AttributeSelection& attributes = AttributeSelection::none(),
                  const std::vector<std::string>& required = {});

} // namespace tabiji::cli
