// Running an analysis command on one log, several logs or the logs of a folder in one call.
//
// Semantics (docs/cli.md, "Several logs"):
// - A folder stands for its log files (.csv .tsv .jsonl .ndjson .jsonocel .xes, each also .gz;
//   not hidden, not in subfolders), sorted by name. One file (not a folder): exactly the one-log output.
// - -o DIR (an existing folder, or a name ending in '/', created): one result per log, DIR/NAME.EXT, NAME
//   the log's file name without its log extensions ("stdin" for '-'), EXT the result's kind.
// - Otherwise (standard output or -o FILE), several results become one: JSON results one object keyed by
//   the log as named (in input order; a failed log gets {"error": MESSAGE}); CSV results one table with a
//   first column `file`; text results each under a line "==> LOG <==". SVG, DOT and HTML need -o DIR.
// - --threads N runs up to N logs at once (each read with N / logs-at-once threads).
// - A log that fails is named on stderr (file:line:column) and the others are still written; the exit
//   code is then 1. A usage error (2) gives no combined result (under -o DIR, files of logs already done
//   stay: a few values are only checked after reading).
#pragma once
#include "args.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

struct BatchCommand {
    // The kind of one result: json, csv, txt, dot, svg or html (also the extension under -o DIR).
    // Checks --format; throws UsageError.
    std::string (*kind)(const Args& args) = nullptr;
    // The result for one log.
    std::string (*produce)(const Args& args, const std::string& log) = nullptr;
};

// CommandSpec::max_positionals of a command that takes several logs.
constexpr size_t kManyLogs = size_t(1) << 20;

// The -o option of a command that takes several logs.
OptionSpec batch_output_option_spec();

// Folders replaced by their log files (sorted by name); other arguments kept as given. InputError for a
// folder without any log file.
std::vector<std::string> expand_log_arguments(const std::vector<std::string>& arguments);

// Runs `command` on the logs args names and writes the results (see above). Returns the exit code.
int run_batch(const BatchCommand& command, const Args& args);

} // namespace tabiji::cli
