// What the CX subcommands (cx, funnel, attribution) share: the --catalog option and its loading, the goal
// and window options, and the log + catalog + touchpoint map + filtered view they all start from.
#pragma once
#include "args.hpp"
#include "tabiji/catalog.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"
#include "tabiji/project.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/touchpoint_map.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tabiji::cli {

// --catalog FILE, plus the log and filter options.
std::vector<OptionSpec> cx_common_option_specs();
// --project FILE (a command that takes it adds it; load_cx_input reads it).
OptionSpec cx_project_option_spec();

struct CxInput {
    EventLog log;
    Catalog catalog;
    TouchpointMap map;
    LogView view;
    std::optional<Project> project; // --project: what the browser app saved (catalog, filters, funnels, ...)
};

// Reads --catalog, else the catalog of --project, else picks the default catalog in the log's language; loads
// the log with the attributes the catalog's rules test (all attributes when `all_attributes`), maps
// touchpoints and applies the filter options (a project's filters first). `report`: when given, receives the
// read report.
CxInput load_cx_input(const Args& args, const std::string& path, bool all_attributes,
                      ReadReport* report = nullptr);

// A touchpoint number for the name given to --OPTION; InputError naming it when unknown.
uint32_t cx_touchpoint(const CxInput& in, const std::string& name, const char* option);

// "A,B,C" -> {"A", "B", "C"} (empty items dropped).
std::vector<std::string> split_list(const std::string& text);

// --OPTION as a duration ("7d", "24h", "90m", "45s", seconds) in seconds; `fallback` when absent.
double duration_option(const Args& args, const char* option, double fallback);

} // namespace tabiji::cli
