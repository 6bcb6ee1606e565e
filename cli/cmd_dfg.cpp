// tabiji dfg: the journey graph of a log as JSON (the reference outputs' fields and shapes).
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "map_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/display_order.hpp"
#include "tabiji/performance.hpp"
#include "tabiji/result_json.hpp"
#include "tabiji/variants.hpp"

#include <future>

namespace tabiji::cli {

namespace {

Format format(const Args& args) {
    return output_format(args, {Format::json, Format::csv, Format::dot, Format::svg});
}

std::string kind(const Args& args) {
    return format_extension(format(args));
}

// One row per step (display order): from, to, occurrences, distinct cases.
std::string dfg_csv(const EventLog& log, const Dfg& dfg) {
    std::string out = "from,to,count,cases\n";
    for (uint32_t k : edge_display_order(log, dfg)) {
        const DfgEdge& e = dfg.edges[k];
        out += csv_field(log.activities.view(e.from)) + "," + csv_field(log.activities.view(e.to)) + "," +
               std::to_string(e.count) + "," + std::to_string(e.cases) + "\n";
    }
    return out;
}

std::string produce(const Args& args, const std::string& path) {
    const Format f = format(args);
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log =
        load_log(args, path, report, AttributeSelection::none(), filter_attribute_names(filters));
    const LogView view = apply_filter_options(args, filters, log);
    const Dfg dfg = mine_dfg(log, view);
    if (f == Format::csv) return dfg_csv(log, dfg);
    if (f != Format::json) return map_document(log, dfg, f);
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
    return dfg_to_json(log, dfg, variants, perf, parts, &report);
}

} // namespace

Command dfg_command() {
    CommandSpec s;
    s.name = "dfg";
    s.summary = "journey graph (directly-follows graph), start/end touchpoints, variants and step times";
    s.usage = "tabiji dfg [options] LOG...   (CSV, XES or OCEL JSON; .gz too; - for standard input)";
    s.options = log_and_filter_option_specs();
    s.options.push_back({"no-variants", "", "leave out the variants"});
    s.options.push_back({"no-performance", "", "leave out the step durations (performance_dfg)"});
    s.options.push_back({"compact", "", "one-line JSON instead of indented"});
    s.options.push_back(format_option_spec(
        "json (default), csv (one row per step: from, to, count, cases), dot or svg (the map, as render)"));
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji dfg samples/journeys_en.csv\n"
                 "  tabiji dfg --sep ';' --case 'Case ID' sepsis.csv -o sepsis.json\n"
                 "  tabiji dfg --tz +09:00 --encoding shift_jis --lenient export.csv.gz\n"
                 "  tabiji dfg --xes-wallclock helpdesk.xes.gz     # PM4Py's default reading of XES times\n"
                 "  tabiji dfg samples/journeys_en.csv --end-with 'EC purchase' --min-events 3\n"
                 "  tabiji dfg samples/journeys_en.csv --filter chain.json --save-filter used.json\n"
                 "  tabiji dfg --format csv samples/journeys_en.csv samples/journeys_ja.csv   (one table)\n"
                 "  tabiji dfg --threads 4 logs/ -o results/          (one JSON per log of the folder)\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
