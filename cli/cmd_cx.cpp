// tabiji cx: the journey metrics of a CX team in one JSON document: channel switching, failure demand,
// bot escalation, repeat contact, stages (and Markov attribution, a funnel and a segment comparison when
// asked). Definitions: core/include/tabiji/<metric>.hpp.
#include "commands.hpp"
#include "cx_options.hpp"
#include "cx_report.hpp"
#include "report_format.hpp"

#include "tabiji/cx_metrics.hpp"
#include "tabiji/error.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/input_file.hpp"

#include <limits>

namespace tabiji::cli {

namespace {

double positive_option(const Args& args, const char* name, double fallback) {
    const auto v = args.value(name);
    if (!v) return fallback;
    try {
        size_t used = 0;
        const double x = std::stod(*v, &used);
        if (used == v->size() && x > 0) return x;
    } catch (const std::exception&) {
    }
    throw UsageError("--" + std::string(name) + " expects a number above 0, got '" + *v + "'");
}

LogView segment_view(const Args& args, const char* option, const CxInput& in) {
    const std::string path = *args.value(option);
    std::string text;
    read_file_chunks(path, [&](std::string_view c) { text.append(c); });
    const FilterChain chain = filter_chain_from_json(text, path);
    LogView v = in.view;
    for (const Filter& f : chain.filters) apply_filter(in.log, f, v);
    return v;
}

std::string kind(const Args& args) {
    return format_extension(output_format(args, {Format::json}));
}

std::string produce(const Args& args, const std::string& path) {
    const double window_hours = positive_option(args, "window-hours", 24);
    const double repeat_days = positive_option(args, "repeat-days", 7);
    const double gap = duration_option(args, "max-gap", std::numeric_limits<double>::infinity());
    if (args.value("segment-a").has_value() != args.value("segment-b").has_value())
        throw UsageError("--segment-a and --segment-b go together");
    if (args.value("max-gap") && !args.value("funnel")) throw UsageError("--max-gap needs --funnel");
    const CxInput in = load_cx_input(args, path, true);
    const EventLog& log = in.log;
    const ViewSize size = view_size(log, in.view);

    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_log_header(w, log.source, size.cases, size.events);
    w.Key("mapping");
    write_mapping(w, in.map);
    w.Key("channel_switch");
    write_channel_switch(w, mine_channel_switches(log, in.view, in.map));
    w.Key("failure_demand");
    write_failure_demand(w, mine_failure_demand(log, in.view, in.map, window_hours), in.map);
    w.Key("escalation");
    write_escalation(w, mine_escalation(log, in.view, in.map, window_hours), in.map);
    w.Key("repeat_contact");
    write_repeat_contact(w, mine_repeat_contact(log, in.view, in.map, repeat_days), in.map);
    std::vector<std::string> notes;
    // The goal of the attribution: --goal, else the catalog's purchase stage (the conversion most CX
    // questions start from) when the catalog has touchpoints in it.
    std::vector<uint32_t> goal;
    if (const auto goal_arg = args.value("goal")) {
        goal = resolve_funnel_steps({*goal_arg}, in.map, log.source).at(0).touchpoints;
    } else {
        try {
            goal = resolve_funnel_steps({"purchase"}, in.map, log.source).at(0).touchpoints;
            notes.push_back("attribution goal: the 'purchase' stage (choose another with --goal)");
        } catch (const InputError&) {
            notes.push_back(
                "attribution omitted: the catalog has no 'purchase' stage; give --goal TOUCHPOINT");
        }
    }
    if (!goal.empty()) {
        w.Key("attribution");
        write_attribution(w, markov_attribution(markov_paths(log, in.view, in.map, goal)), goal, in.map);
    }
    w.Key("stages");
    write_stages(w,
                 mine_stage_view(log, in.view, in.map,
                                 find_satisfaction_attribute(log, args.value_or("satisfaction", ""))),
                 in.map);
    if (const auto f = args.value("funnel")) {
        const auto steps = resolve_funnel_steps(split_list(*f), in.map, log.source);
        w.Key("funnel");
        write_funnel(w, mine_funnel(log, in.view, in.map, steps, gap), steps, in.map);
    }
    if (args.value("segment-a")) {
        const LogView a = segment_view(args, "segment-a", in), b = segment_view(args, "segment-b", in);
        w.Key("segments");
        write_segments(w, compare_segments(log, a, b, in.map), in.map);
    }
    w.Key("notes");
    w.StartArray();
    for (const auto& n : notes) json_string(w, n);
    w.EndArray();
    w.EndObject();
    return json_text(buf);
}

} // namespace

Command cx_command() {
    CommandSpec s;
    s.name = "cx";
    s.summary = "journey metrics: channel switching, failure demand, escalation, repeat contact, stages";
    s.usage = "tabiji cx [options] LOG...";
    s.options = cx_common_option_specs();
    s.options.push_back(cx_project_option_spec());
    s.options.push_back({"window-hours", "H", "failure demand and escalation window (default 24)"});
    s.options.push_back({"repeat-days", "D", "repeat-contact window (default 7)"});
    s.options.push_back(
        {"goal", "G",
         "goal of the Markov attribution: touchpoint, stage or A|B (default: the purchase stage)"});
    s.options.push_back({"satisfaction", "ATTR",
                         "numeric attribute of the emotion curve (default: csat, nps, "
                         "sentiment or satisfaction when the log has one)"});
    s.options.push_back({"funnel", "A,B,C", "add a funnel over these steps (see 'tabiji funnel')"});
    s.options.push_back({"max-gap", "DURATION", "longest wait between funnel steps (7d, 36h, ...)"});
    s.options.push_back(
        {"segment-a", "FILTER.json", "compare segment A (a filter chain, see --save-filter) ..."});
    s.options.push_back(
        {"segment-b", "FILTER.json", "... with segment B: case shares with z-test, median times"});
    s.options.push_back(format_option_spec("json (the only one)"));
    s.options.push_back(batch_output_option_spec());
    s.examples =
        "  tabiji cx samples/journeys_en.csv\n"
        "  tabiji cx samples/journeys_en.csv --goal 'EC purchase' --window-hours 48 --repeat-days 14\n"
        "  tabiji cx samples/journeys_ja.csv --catalog my_catalog.json --funnel 認知,検討,購入 --max-gap 7d\n"
        "  tabiji dfg samples/journeys_en.csv --keep-touchpoint Chatbot --save-filter bot.json\n"
        "  tabiji dfg samples/journeys_en.csv --drop-touchpoint Chatbot --save-filter nobot.json\n"
        "  tabiji cx samples/journeys_en.csv --segment-a nobot.json --segment-b bot.json\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
