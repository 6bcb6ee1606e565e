// tabiji funnel: ordered steps with a maximum gap; cases, conversion, drop-off and where the dropped went
// (definition in core/include/tabiji/funnel.hpp).
#include "commands.hpp"
#include "cx_options.hpp"
#include "cx_report.hpp"
#include "report_format.hpp"

#include "tabiji/funnel.hpp"

#include <limits>

namespace tabiji::cli {

namespace {

std::string kind(const Args& args) {
    return format_extension(output_format(args, {Format::json}));
}

std::string produce(const Args& args, const std::string& path) {
    const auto steps_arg = args.value("steps");
    if (!steps_arg) throw UsageError("--steps A,B,C is required");
    const double gap = duration_option(args, "max-gap", std::numeric_limits<double>::infinity());
    const CxInput in = load_cx_input(args, path, false);
    const auto steps = resolve_funnel_steps(split_list(*steps_arg), in.map, in.log.source);
    const Funnel f = mine_funnel(in.log, in.view, in.map, steps, gap);
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    w.Key("source");
    json_string(w, in.log.source);
    w.Key("funnel");
    write_funnel(w, f, steps, in.map);
    w.EndObject();
    return json_text(buf);
}

} // namespace

Command funnel_command() {
    CommandSpec s;
    s.name = "funnel";
    s.summary = "funnel over ordered touchpoints or stages: conversion, drop-off, time to convert";
    s.usage = "tabiji funnel [options] --steps A,B,C LOG...";
    s.options = cx_common_option_specs();
    s.options.push_back(cx_project_option_spec());
    s.options.push_back(
        {"steps", "A,B,C", "the steps, comma-separated: touchpoint names, stage names, or alternatives A|B"});
    s.options.push_back(
        {"max-gap", "DURATION", "longest wait between two steps (7d, 36h, 90m, 45s; default none)"});
    s.options.push_back(format_option_spec("json (the only one)"));
    s.options.push_back(batch_output_option_spec());
    s.examples =
        "  tabiji funnel samples/journeys_en.csv --steps 'TV ad,EC site,EC purchase' --max-gap 7d\n"
        "  tabiji funnel samples/journeys_ja.csv --steps awareness,consideration,purchase   (stages)\n"
        "  tabiji funnel ecom.csv --case session_id --activity event \\\n"
        "      --steps 'catalog,product_view,add_to_cart|cart,payment_details,purchase'\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
