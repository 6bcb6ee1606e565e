// The subcommands of `tabiji`: each lives in its own cmd_*.cpp and registers a spec and a run function.
#pragma once
#include "args.hpp"
#include "batch.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

// A command either runs once (`run`), or is an analysis of logs (`batch`: one log, several logs or
// folders, see batch.hpp; `run` is then null).
struct Command {
    CommandSpec spec;
    int (*run)(const Args& args) = nullptr;
    BatchCommand batch = {};
};

// Each cmd_*.cpp defines one of these; main.cpp lists them.
Command dfg_command();
Command generate_command();
Command info_command();
Command variants_command();
Command perf_command();
Command paths_command();
Command cx_command();
Command funnel_command();
Command attribution_command();
Command catalog_command();
Command render_command();
Command report_command();
Command convert_command();
Command filter_command();
Command training_pack_command();

} // namespace tabiji::cli
