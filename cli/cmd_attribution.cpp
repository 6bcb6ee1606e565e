// tabiji attribution: Markov-chain multi-touch attribution with removal effects for a goal touchpoint
// (definition in core/include/tabiji/markov.hpp).
#include "commands.hpp"
#include "cx_options.hpp"
#include "cx_report.hpp"
#include "report_format.hpp"

#include "tabiji/funnel.hpp"
#include "tabiji/markov.hpp"

namespace tabiji::cli {

namespace {

std::string kind(const Args& args) {
    return format_extension(output_format(args, {Format::json}));
}

std::string produce(const Args& args, const std::string& path) {
    const auto goal_arg = args.value("goal");
    if (!goal_arg) throw UsageError("--goal TOUCHPOINT is required");
    const CxInput in = load_cx_input(args, path, false);
    const auto goal = resolve_funnel_steps({*goal_arg}, in.map, in.log.source).at(0).touchpoints;
    const MarkovAttribution m = markov_attribution(markov_paths(in.log, in.view, in.map, goal));
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    w.Key("source");
    json_string(w, in.log.source);
    w.Key("attribution");
    write_attribution(w, m, goal, in.map);
    w.EndObject();
    return json_text(buf);
}

} // namespace

Command attribution_command() {
    CommandSpec s;
    s.name = "attribution";
    s.summary = "Markov-chain multi-touch attribution (removal effects) for a goal touchpoint";
    s.usage = "tabiji attribution [options] --goal G LOG...";
    s.options = cx_common_option_specs();
    s.options.push_back(cx_project_option_spec());
    s.options.push_back({"goal", "G", "the conversion: a touchpoint, a stage, or alternatives A|B"});
    s.options.push_back(format_option_spec("json (the only one)"));
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji attribution samples/journeys_en.csv --goal 'EC purchase'\n"
                 "  tabiji attribution samples/journeys_en.csv --goal 'EC purchase|Store purchase'\n"
                 "  tabiji attribution samples/journeys_ja.csv --goal purchase            (a stage)\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
