// tabiji dfg: the journey graph of a log as JSON (the reference outputs' fields and shapes).
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "output.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/result_json.hpp"
#include "tabiji/variants.hpp"

#include <future>

namespace tabiji::cli {

namespace {

int run(const Args& args) {
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log = load_log(args, args.positionals().at(0), report, AttributeSelection::none(),
                                  filter_attribute_names(filters));
    const LogView view = apply_filter_options(args, filters, log);
    const Dfg dfg = mine_dfg(log, view);
    DfgJsonParts parts;
    parts.variants = !args.flag("no-variants");
    parts.performance = !args.flag("no-performance");
    parts.pretty = !args.flag("compact");
    // Variants on a second core while the step durations are summarised on this one (both only read).
    auto variants_job = std::async(parts.variants ? std::launch::async : std::launch::deferred, [&] {
        return parts.variants ? mine_variants(log, view) : std::vector<Variant>{};
    });
    const auto perf = parts.performance ? mine_edge_performance(log, view) : std::vector<EdgePerformance>{};
    const auto variants = variants_job.get();
    write_output(args.value_or("output", ""), dfg_to_json(log, dfg, variants, perf, parts, &report));
    return kOk;
}

} // namespace

Command dfg_command() {
    CommandSpec s;
    s.name = "dfg";
    s.summary =
        "journey graph (directly-follows graph), start/end touchpoints, variants and step times as JSON";
    s.usage = "tabiji dfg [options] LOG   (CSV, XES or OCEL JSON; .gz too; - for standard input)";
    s.options = log_and_filter_option_specs();
    s.options.push_back({"no-variants", "", "leave out the variants"});
    s.options.push_back({"no-performance", "", "leave out the step durations (performance_dfg)"});
    s.options.push_back({"compact", "", "one-line JSON instead of indented"});
    s.options.push_back({"output", "FILE", "write to FILE (atomically) instead of standard output"});
    s.examples = "  tabiji dfg samples/journeys_en.csv\n"
                 "  tabiji dfg --sep ';' --case 'Case ID' sepsis.csv -o sepsis.json\n"
                 "  tabiji dfg --tz +09:00 --encoding shift_jis --lenient export.csv.gz\n"
                 "  tabiji dfg --xes-wallclock helpdesk.xes.gz     # PM4Py's default reading of XES times\n"
                 "  tabiji dfg samples/journeys_en.csv --end-with 'EC purchase' --min-events 3\n"
                 "  tabiji dfg samples/journeys_en.csv --filter chain.json --save-filter used.json\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return {s, run};
}

} // namespace tabiji::cli
