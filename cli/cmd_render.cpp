// tabiji render: the journey map of a log as a self-contained SVG (core's svg_map, the browser's layout)
// or as Graphviz DOT (core's dot_map), after the shared filter flags.
#include "commands.hpp"
#include "cx_options.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "map_format.hpp"

#include "tabiji/map_geometry.hpp"

namespace tabiji::cli {

namespace {

Format format(const Args& args) {
    return output_format(args, {Format::svg, Format::dot});
}

std::string kind(const Args& args) {
    return format_extension(format(args));
}

std::string produce(const Args& args, const std::string& path) {
    const std::string colour = args.value_or("colour", "volume");
    if (colour != "volume" && colour != "channel")
        throw UsageError("--colour expects volume or channel, got '" + colour + "'");
    const bool use_catalog = args.flag("stages") || colour == "channel" || args.value("catalog").has_value();
    // With a catalog (stages as columns, channel colours) the log is read as the CX commands read it.
    CxInput in;
    if (use_catalog) {
        in = load_cx_input(args, path, false);
    } else {
        ReadReport report;
        const FilterChain filters = filter_chain_from_args(args);
        in.log = load_log(args, path, report, AttributeSelection::none(), filter_attribute_names(filters));
        in.view = apply_filter_options(args, filters, in.log);
    }
    SvgMapOptions svg;
    if (args.flag("stages")) svg.node_stage = activity_stages(in.map, in.log.num_activities());
    if (colour == "channel") svg.node_group = activity_channels(in.map, in.log.num_activities());
    return map_document(in.log, mine_dfg(in.log, in.view), format(args), !args.flag("no-edge-labels"), svg);
}

} // namespace

Command render_command() {
    CommandSpec s;
    s.name = "render";
    s.summary = "the journey map as a self-contained SVG image (the browser's layout) or Graphviz DOT";
    s.usage = "tabiji render [options] LOG...";
    s.options = cx_common_option_specs();
    s.options.push_back(format_option_spec("svg (default) or dot"));
    s.options.push_back({"stages", "", "the catalog's journey stages as columns, left to right"});
    s.options.push_back(
        {"colour", "MODE", "touchpoint colours: volume (default) or channel (the catalog's channel kinds)"});
    s.options.push_back({"no-edge-labels", "", "leave the step counts off the curves"});
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji render samples/journeys_en.csv -o map.svg\n"
                 "  tabiji render samples/journeys_ja.csv --end-with 'EC購入' -o purchase.svg\n"
                 "  tabiji render samples/journeys_en.csv --stages --colour channel -o stages.svg\n"
                 "  tabiji render --format dot samples/journeys_en.csv | dot -Tpng -o map.png\n"
                 "  tabiji render samples/ -o maps/                  (one SVG per log of the folder)\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
