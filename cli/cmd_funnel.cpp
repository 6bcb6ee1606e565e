// tabiji funnel: ordered steps with a maximum gap; cases, conversion, drop-off and where the dropped went
// (definition in core/include/tabiji/funnel.hpp).
#include "commands.hpp"
#include "cx_options.hpp"
#include "cx_report.hpp"
#include "output.hpp"

#include "tabiji/funnel.hpp"

#include <limits>

namespace tabiji::cli {

namespace {

int run(const Args& args) {
    const auto steps_arg = args.value("steps");
    if (!steps_arg) throw UsageError("--steps A,B,C is required");
    const double gap = duration_option(args, "max-gap", std::numeric_limits<double>::infinity());
    const CxInput in = load_cx_input(args, false);
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
    write_output(args.value_or("output", ""), json_text(buf));
    return kOk;
}

} // namespace

Command funnel_command() {
    CommandSpec s;
    s.name = "funnel";
    s.summary = "funnel over ordered touchpoints or stages: conversion, drop-off, time to convert";
    s.usage = "tabiji funnel [options] --steps A,B,C LOG";
    s.options = cx_common_option_specs();
    s.options.push_back(
        {"steps", "A,B,C", "the steps, comma-separated: touchpoint names, stage names, or alternatives A|B"});
    s.options.push_back(
        {"max-gap", "DURATION", "longest wait between two steps (7d, 36h, 90m, 45s; default none)"});
    s.options.push_back({"output", "FILE", "write to FILE (atomically) instead of standard output"});
    s.examples = "  tabiji funnel samples/journeys_en.csv --steps 'TV ad,EC site,EC purchase' --max-gap 7d\n"
                 "  tabiji funnel samples/journeys_ja.csv --steps 認知,検討,購入          (stages)\n"
                 "  tabiji funnel ecom.csv --case session_id --activity event \\\n"
                 "      --steps 'catalog,product_view,add_to_cart|cart,payment_details,purchase'\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return {s, run};
}

} // namespace tabiji::cli
