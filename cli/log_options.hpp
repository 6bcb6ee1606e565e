// The options every log-reading subcommand shares (--case, --activity, --timestamp, --sep, --tz, --epoch,
// --lenient, --format, --xes-wallclock, --object-type, --attributes, --lifecycle, --pair-lifecycle), and
// loading a log of any format with them.
#pragma once
#include "args.hpp"
#include "tabiji/attributes.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/read_report.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

std::vector<OptionSpec> log_option_specs();

// The read options the args give (what load_log reads with). Throws UsageError on a bad option value.
ReadOptions read_options(const Args& args, const AttributeSelection& attributes = AttributeSelection::none(),
                         const std::vector<std::string>& required = {});
// The --lenient summary on stderr: records skipped, by kind, with the first examples (nothing if none).
void report_skipped_records(const std::string& path, const ReadReport& report);

// Reads the log named by `path` with the options in args. Throws InputError (bad file) or UsageError
// (bad option value). Problems skipped in --lenient mode are summarised on stderr.
// `attributes`: what the command needs (mining commands: none, which reads fastest; `info`: all);
// --attributes overrides it. `required`: attributes read whatever --attributes says (the ones the
// command's filters test, filter_attribute_names).
EventLog load_log(const Args& args, const std::string& path, ReadReport& report,
                  const AttributeSelection& attributes = AttributeSelection::none(),
                  const std::vector<std::string>& required = {});

} // namespace tabiji::cli
