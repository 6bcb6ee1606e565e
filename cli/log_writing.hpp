// What `convert` and `filter` share: read a log, apply the filter options, and write the kept cases and
// events as CSV, JSON Lines or XES (core's write_log.hpp) with every attribute, its type and its level.
#pragma once
#include "args.hpp"

#include <string>

namespace tabiji::cli {

// A command that writes a log: LOG, the log and filter options, --format (and the older --to), -o.
CommandSpec log_writing_spec(std::string name, std::string summary, std::string examples);

// The whole command: the format from --format / --to, else from the extension of -o (UsageError when
// neither tells); reads the log (with a progress bar), filters it and writes it atomically.
int write_filtered_log(const Args& args);

} // namespace tabiji::cli
