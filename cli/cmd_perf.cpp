// tabiji perf: times on the journey map: per step (edge) durations, per touchpoint time to the next step,
// and journey durations (throughput time) with a histogram on fixed bins.
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "perf_output.hpp"
#include "report_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/performance.hpp"

namespace tabiji::cli {

namespace {

std::string kind(const Args& args) {
    return format_extension(output_format(args, {Format::json, Format::csv, Format::dot}));
}

std::string produce(const Args& args, const std::string& path) {
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log =
        load_log(args, path, report, AttributeSelection::none(), filter_attribute_names(filters));
    const Format format = output_format(args, {Format::json, Format::csv, Format::dot});
    const std::string table = perf_table(args);
    const LogView view = apply_filter_options(args, filters, log);
    const Dfg dfg = mine_dfg(log, view);
    const auto edges = mine_edge_performance(log, view);
    const auto next = mine_time_to_next(log, view);
    const CaseDurations durations = mine_case_durations(log, view);
    return perf_output(format, table, log, dfg, edges, next, durations);
}

} // namespace

Command perf_command() {
    CommandSpec s;
    s.name = "perf";
    s.summary = "step durations, time to next step per touchpoint, journey durations and their histogram";
    s.usage = "tabiji perf [options] LOG...";
    s.options = log_and_filter_option_specs();
    for (OptionSpec& o : perf_option_specs()) s.options.push_back(std::move(o));
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji perf samples/journeys_en.csv\n"
                 "  tabiji perf samples/journeys_en.csv --format csv --table touchpoints\n"
                 "  tabiji perf export.csv --from-time 2026-04-01 --to-time 2026-04-30 -o april.json\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
