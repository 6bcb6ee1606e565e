// tabiji render: the journey map of a log as a self-contained SVG (core's svg_map, the browser's layout)
// or as Graphviz DOT (core's dot_map), after the shared filter flags.
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "output.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/dot_map.hpp"
#include "tabiji/svg_map.hpp"

namespace tabiji::cli {

namespace {

int run(const Args& args) {
    const std::string format = args.value_or("format", "svg");
    if (format != "svg" && format != "dot")
        throw UsageError("--format expects svg or dot, got '" + format + "'");
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log = load_log(args, args.positionals().at(0), report, AttributeSelection::none(),
                                  filter_attribute_names(filters));
    const LogView view = apply_filter_options(args, filters, log);
    const Dfg dfg = mine_dfg(log, view);
    if (format == "dot") {
        write_output(args.value_or("output", ""), write_dot(log, dfg, default_dot_map(dfg)));
    } else {
        SvgMapOptions options;
        options.title = log.source;
        options.edge_labels = !args.flag("no-edge-labels");
        write_output(args.value_or("output", ""), write_svg_map(log, dfg, options));
    }
    return kOk;
}

} // namespace

Command render_command() {
    CommandSpec s;
    s.name = "render";
    s.summary = "the journey map as a self-contained SVG image (the browser's layout) or Graphviz DOT";
    s.usage = "tabiji render [options] LOG";
    s.options = log_and_filter_option_specs();
    s.options.push_back({"format", "FORMAT", "svg (default) or dot"});
    s.options.push_back({"no-edge-labels", "", "leave the step counts off the curves"});
    s.options.push_back({"output", "FILE", "write to FILE (atomically) instead of standard output"});
    s.examples = "  tabiji render samples/journeys_en.csv -o map.svg\n"
                 "  tabiji render samples/journeys_ja.csv --end-with 'EC購入' -o purchase.svg\n"
                 "  tabiji render --format dot samples/journeys_en.csv | dot -Tpng -o map.png\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return {s, run};
}

} // namespace tabiji::cli
