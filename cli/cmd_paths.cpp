// tabiji paths: path analysis on the journey map: the most likely path between two touchpoints, frequent
// sub-journeys (n-grams), loops and rework, dominators of a goal touchpoint, betweenness centrality.
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "report_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/dot_map.hpp"
#include "tabiji/error.hpp"
#include "tabiji/paths.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace tabiji::cli {

namespace {

struct Analyses {
    std::optional<LikelyPath> path;
    uint32_t from = 0, to = 0;
    std::optional<std::vector<NGram>> ngrams;
    uint32_t n = 0;
    std::optional<LoopReport> loops;
    std::optional<std::vector<uint32_t>> dominators;
    uint32_t goal = 0;
    bool goal_reachable = false;
    std::optional<std::vector<uint32_t>> centrality_order; // present touchpoints, most central first
    std::vector<double> centrality;
};

uint32_t touchpoint(const EventLog& log, const std::string& name, const char* option) {
    const uint32_t id = log.activities.find(name);
    if (id == StringPool::npos)
        throw InputError(log.source, 0, 0, "unknown touchpoint '" + name + "' (--" + option + ")");
    return id;
}

double share(uint64_t part, uint64_t whole) {
    return whole ? double(part) / double(whole) : 0.0;
}

std::string to_json(const EventLog& log, const Dfg& dfg, const Analyses& a) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    auto name = [&](uint32_t t) { json_string(w, log.activities.view(t)); };
    w.StartObject();
    json_log_header(w, log.source, dfg.num_cases, dfg.num_events);
    if (a.path) {
        w.Key("most_likely_path");
        w.StartObject();
        w.Key("from");
        name(a.from);
        w.Key("to");
        name(a.to);
        w.Key("found");
        w.Bool(a.path->found);
        w.Key("touchpoints");
        json_names(w, log, a.path->touchpoints);
        w.Key("step_probabilities");
        w.StartArray();
        for (double p : a.path->step_probabilities) w.Double(p);
        w.EndArray();
        w.Key("probability");
        w.Double(a.path->probability);
        w.EndObject();
    }
    if (a.ngrams) {
        w.Key("ngrams");
        w.StartObject();
        w.Key("n");
        w.Uint(a.n);
        w.Key("top");
        w.StartArray();
        for (const NGram& g : *a.ngrams) {
            w.StartObject();
            w.Key("touchpoints");
            json_names(w, log, g.touchpoints);
            w.Key("count");
            w.Uint64(g.count);
            w.Key("cases");
            w.Uint64(g.cases);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    if (a.loops) {
        const LoopReport& r = *a.loops;
        w.Key("loops");
        w.StartObject();
        w.Key("cases");
        w.Uint64(r.cases);
        w.Key("cases_with_rework");
        w.Uint64(r.cases_with_rework);
        w.Key("rework_share");
        w.Double(share(r.cases_with_rework, r.cases));
        w.Key("components");
        w.StartArray();
        for (const auto& c : r.components) json_names(w, log, c);
        w.EndArray();
        w.Key("self_loops");
        w.StartArray();
        for (const SelfLoop& s : r.self_loops) {
            w.StartObject();
            w.Key("touchpoint");
            name(s.touchpoint);
            w.Key("count");
            w.Uint64(s.count);
            w.Key("cases");
            w.Uint64(s.cases);
            w.EndObject();
        }
        w.EndArray();
        w.Key("rework");
        w.StartArray();
        for (const Rework& x : r.rework) {
            w.StartObject();
            w.Key("touchpoint");
            name(x.touchpoint);
            w.Key("cases");
            w.Uint64(x.cases);
            w.Key("cases_repeating");
            w.Uint64(x.cases_repeating);
            w.Key("share");
            w.Double(share(x.cases_repeating, x.cases));
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    if (a.dominators) {
        w.Key("dominators");
        w.StartObject();
        w.Key("goal");
        name(a.goal);
        w.Key("reachable");
        w.Bool(a.goal_reachable);
        w.Key("touchpoints");
        json_names(w, log, *a.dominators);
        w.EndObject();
    }
    if (a.centrality_order) {
        w.Key("centrality");
        w.StartArray();
        for (uint32_t t : *a.centrality_order) {
            w.StartObject();
            w.Key("touchpoint");
            name(t);
            w.Key("betweenness");
            w.Double(a.centrality[t]);
            w.EndObject();
        }
        w.EndArray();
    }
    w.EndObject();
    return json_text(buf);
}

// Long format: one row per item of every analysis asked for.
std::string to_csv(const EventLog& log, const Analyses& a) {
    std::string out = "analysis,item,touchpoints,count,cases,value\n";
    auto row = [&](const char* analysis, size_t item, const std::string& names, const std::string& count,
                   const std::string& cases, const std::string& value) {
        out += std::string(analysis) + "," + std::to_string(item) + "," + csv_field(names) + "," + count +
               "," + cases + "," + value + "\n";
    };
    auto one = [&](uint32_t t) { return std::string(log.activities.view(t)); };
    if (a.path) {
        for (size_t i = 0; i < a.path->touchpoints.size(); ++i)
            row("most_likely_path", i + 1, one(a.path->touchpoints[i]), "", "",
                i ? number(a.path->step_probabilities[i - 1]) : "");
        row("most_likely_path_probability", 0, joined_names(log, a.path->touchpoints), "", "",
            number(a.path->probability));
    }
    if (a.ngrams)
        for (size_t i = 0; i < a.ngrams->size(); ++i) {
            const NGram& g = (*a.ngrams)[i];
            row("ngram", i + 1, joined_names(log, g.touchpoints), std::to_string(g.count),
                std::to_string(g.cases), "");
        }
    if (a.loops) {
        const LoopReport& r = *a.loops;
        row("rework_cases", 0, "", std::to_string(r.cases_with_rework), std::to_string(r.cases),
            number(share(r.cases_with_rework, r.cases)));
        for (size_t i = 0; i < r.components.size(); ++i)
            row("loop_component", i + 1, joined_names(log, r.components[i]), "", "", "");
        for (size_t i = 0; i < r.self_loops.size(); ++i)
            row("self_loop", i + 1, one(r.self_loops[i].touchpoint), std::to_string(r.self_loops[i].count),
                std::to_string(r.self_loops[i].cases), "");
        for (size_t i = 0; i < r.rework.size(); ++i)
            row("rework", i + 1, one(r.rework[i].touchpoint), std::to_string(r.rework[i].cases_repeating),
                std::to_string(r.rework[i].cases),
                number(share(r.rework[i].cases_repeating, r.rework[i].cases)));
    }
    if (a.dominators)
        for (size_t i = 0; i < a.dominators->size(); ++i)
            row("dominator", i + 1, one((*a.dominators)[i]), "", "", "");
    if (a.centrality_order)
        for (size_t i = 0; i < a.centrality_order->size(); ++i) {
            const uint32_t t = (*a.centrality_order)[i];
            row("betweenness", i + 1, one(t), "", "", number(a.centrality[t]));
        }
    return out;
}

// The journey map with the most likely path drawn thick and the dominators of the goal filled.
std::string to_dot(const EventLog& log, const Dfg& dfg, const Analyses& a) {
    DotMap m = default_dot_map(dfg);
    std::vector<uint8_t> on_path_node(dfg.num_activities, 0);
    std::vector<std::pair<uint32_t, uint32_t>> path_edges;
    if (a.path)
        for (size_t i = 0; i < a.path->touchpoints.size(); ++i) {
            on_path_node[a.path->touchpoints[i]] = 1;
            if (i) path_edges.emplace_back(a.path->touchpoints[i - 1], a.path->touchpoints[i]);
        }
    auto add = [](std::string& attrs, const std::string& more) {
        attrs += (attrs.empty() ? "" : ", ") + more;
    };
    if (a.dominators)
        for (uint32_t t : *a.dominators)
            add(m.node_attributes[t], "style=\"rounded,filled\", fillcolor=\"#ffe08a\"");
    if (a.dominators) add(m.node_attributes[a.goal], "peripheries=2");
    for (uint32_t t = 0; t < dfg.num_activities; ++t)
        if (on_path_node[t]) add(m.node_attributes[t], "color=\"#c0392b\", penwidth=2");
    for (size_t k = 0; k < dfg.edges.size(); ++k)
        if (std::find(path_edges.begin(), path_edges.end(),
                      std::make_pair(dfg.edges[k].from, dfg.edges[k].to)) != path_edges.end())
            add(m.edge_attributes[k], "color=\"#c0392b\", penwidth=3");
    return write_dot(log, dfg, m);
}

std::string kind(const Args& args) {
    return format_extension(output_format(args, {Format::json, Format::csv, Format::dot}));
}

std::string produce(const Args& args, const std::string& path) {
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log =
        load_log(args, path, report, AttributeSelection::none(), filter_attribute_names(filters));
    const Format format = output_format(args, {Format::json, Format::csv, Format::dot});
    const bool want_path = args.value("from") || args.value("to");
    if (want_path && !(args.value("from") && args.value("to")))
        throw UsageError("--from and --to go together");
    const long long ngram = args.int_or("ngram", 0), top = args.int_or("top", 10);
    if (ngram < 0 || ngram > 64) throw UsageError("--ngram expects 1 to 64");
    if (top < 1) throw UsageError("--top expects 1 or more");
    const bool any =
        want_path || ngram || args.flag("loops") || args.value("goal") || args.flag("centrality");

    Analyses a;
    if (want_path)
        a.from = touchpoint(log, *args.value("from"), "from"),
        a.to = touchpoint(log, *args.value("to"), "to");
    if (args.value("goal")) a.goal = touchpoint(log, *args.value("goal"), "goal");
    const LogView view = apply_filter_options(args, filters, log);
    const Dfg dfg = mine_dfg(log, view);

    if (want_path) a.path = most_likely_path(dfg, a.from, a.to);
    if (ngram || !any) {
        a.n = ngram ? uint32_t(ngram) : 2;
        a.ngrams = top_ngrams(log, view, a.n, size_t(top));
    }
    if (args.flag("loops") || !any) a.loops = find_loops(log, view, dfg);
    if (args.value("goal")) a.dominators = dominators(dfg, a.goal, &a.goal_reachable);
    if (args.flag("centrality") || !any) {
        a.centrality = betweenness(dfg);
        std::vector<uint32_t> order = touchpoint_display_order(log, dfg.events); // ties: events, then name
        std::stable_sort(order.begin(), order.end(),
                         [&](uint32_t x, uint32_t y) { return a.centrality[x] > a.centrality[y]; });
        a.centrality_order = std::move(order);
    }
    const std::string out = format == Format::csv   ? to_csv(log, a)
                            : format == Format::dot ? to_dot(log, dfg, a)
                                                    : to_json(log, dfg, a);
    return out;
}

} // namespace

Command paths_command() {
    CommandSpec s;
    s.name = "paths";
    s.summary = "most likely path, frequent sub-journeys, loops and rework, dominators, centrality";
    s.usage = "tabiji paths [options] LOG...";
    s.options = log_and_filter_option_specs();
    s.options.push_back({"from", "A", "most likely path from touchpoint A (with --to)"});
    s.options.push_back({"to", "B", "... to touchpoint B (product of count / out-count of each step)"});
    s.options.push_back({"ngram", "N", "most frequent sub-journeys of N consecutive touchpoints"});
    s.options.push_back({"top", "K", "how many sub-journeys to list (default 10)"});
    s.options.push_back({"loops", "", "loops (strongly connected touchpoints), self-loops and rework"});
    s.options.push_back({"goal", "G", "touchpoints every journey reaching G passes through (dominators)"});
    s.options.push_back({"centrality", "", "betweenness centrality of the touchpoints"});
    s.options.push_back(format_option_spec("json (default), csv (one row per item) or dot (the map, path "
                                           "and dominators highlighted)"));
    s.options.push_back(batch_output_option_spec());
    s.examples = "  tabiji paths samples/journeys_en.csv                    (bigrams, loops, centrality)\n"
                 "  tabiji paths samples/journeys_en.csv --from 'TV ad' --to 'EC purchase'\n"
                 "  tabiji paths samples/journeys_en.csv --ngram 3 --top 5 --format csv\n"
                 "  tabiji paths samples/journeys_en.csv --goal 'EC purchase' --format dot -o map.dot\n";
    s.min_positionals = 1;
    s.max_positionals = kManyLogs;
    return {s, nullptr, {kind, produce}};
}

} // namespace tabiji::cli
