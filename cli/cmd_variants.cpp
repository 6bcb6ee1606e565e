// tabiji variants: the distinct journeys (variants) of a log, most frequent first, with their share of the
// journeys and the coverage curve; --top and --coverage cut the list.
#include "commands.hpp"
#include "filter_options.hpp"
#include "log_options.hpp"
#include "output.hpp"
#include "report_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/dot_map.hpp"
#include "tabiji/variants.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji::cli {

namespace {

int run(const Args& args) {
    ReadReport report;
    const FilterChain filters = filter_chain_from_args(args);
    const EventLog log = load_log(args, args.positionals().at(0), report, AttributeSelection::none(),
                                  filter_attribute_names(filters));
    const Format format = output_format(args, {Format::json, Format::csv, Format::dot});
    const LogView view = apply_filter_options(args, filters, log);
    const auto variants = mine_variants(log, view);
    const auto curve = variant_coverage_curve(variants);
    uint64_t cases = 0;
    for (const Variant& v : variants) cases += v.count;

    size_t shown = variants.size();
    if (args.value("top")) {
        const long long n = args.int_or("top", 0);
        if (n < 1) throw UsageError("--top expects 1 or more");
        shown = std::min<size_t>(shown, size_t(n));
    }
    if (auto p = args.value("coverage")) {
        double percent = 0;
        try {
            percent = std::stod(*p);
        } catch (const std::exception&) {
            percent = -1;
        }
        if (!(percent > 0 && percent <= 100)) throw UsageError("--coverage expects a percentage in (0, 100]");
        shown = std::min(shown, variants_covering(variants, percent));
    }

    std::string out;
    if (format == Format::dot) {
        // The map of the shown variants only: each step labelled with the customers of those variants
        // taking it (a customer taking a step twice counts twice, as in the dfg counts).
        const Dfg dfg = mine_dfg(log, view);
        DotMap m = default_dot_map(dfg);
        std::vector<uint64_t> node_count(dfg.num_activities, 0), edge_count(dfg.edges.size(), 0);
        auto edge_index = [&](uint32_t a, uint32_t b) {
            const auto it = std::lower_bound(dfg.edges.begin(), dfg.edges.end(), std::make_pair(a, b),
                                             [](const DfgEdge& e, const std::pair<uint32_t, uint32_t>& k) {
                                                 return std::make_pair(e.from, e.to) < k;
                                             });
            return size_t(it - dfg.edges.begin());
        };
        for (size_t k = 0; k < shown; ++k) {
            const Variant& v = variants[k];
            for (size_t i = 0; i < v.activities.size(); ++i) {
                node_count[v.activities[i]] += v.count;
                if (i + 1 < v.activities.size())
                    edge_count[edge_index(v.activities[i], v.activities[i + 1])] += v.count;
            }
        }
        for (uint32_t a = 0; a < dfg.num_activities; ++a) {
            m.node_shown[a] = node_count[a] > 0;
            m.node_detail[a] = std::to_string(node_count[a]);
        }
        for (size_t k = 0; k < dfg.edges.size(); ++k) {
            m.edge_shown[k] = edge_count[k] > 0;
            m.edge_label[k] = std::to_string(edge_count[k]);
        }
        out = write_dot(log, dfg, m);
    } else if (format == Format::csv) {
        out = "rank,count,share,cumulative_share,length,activities\n";
        for (size_t k = 0; k < shown; ++k) {
            const Variant& v = variants[k];
            out += std::to_string(k + 1) + "," + std::to_string(v.count) + "," +
                   number(double(v.count) / double(cases)) + "," + number(curve[k]) + "," +
                   std::to_string(v.activities.size()) + "," + csv_field(joined_names(log, v.activities)) +
                   "\n";
        }
    } else {
        rapidjson::StringBuffer buf;
        JsonWriter w(buf);
        w.StartObject();
        w.Key("source");
        json_string(w, log.source);
        w.Key("num_cases");
        w.Uint64(cases);
        w.Key("num_variants");
        w.Uint64(variants.size());
        w.Key("variants_shown");
        w.Uint64(shown);
        w.Key("coverage_shown");
        w.Double(shown ? curve[shown - 1] : 0.0);
        w.Key("variants");
        w.StartArray();
        for (size_t k = 0; k < shown; ++k) {
            const Variant& v = variants[k];
            w.StartObject();
            w.Key("rank");
            w.Uint64(k + 1);
            w.Key("activities");
            json_names(w, log, v.activities);
            w.Key("count");
            w.Uint64(v.count);
            w.Key("share");
            w.Double(double(v.count) / double(cases));
            w.Key("cumulative_share");
            w.Double(curve[k]);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out = json_text(buf);
    }
    write_output(args.value_or("output", ""), out);
    return kOk;
}

} // namespace

Command variants_command() {
    CommandSpec s;
    s.name = "variants";
    s.summary = "distinct journeys (variants), most frequent first, with shares and coverage";
    s.usage = "tabiji variants [options] LOG";
    s.options = log_and_filter_option_specs();
    s.options.push_back({"top", "N", "show the N most frequent variants"});
    s.options.push_back({"coverage", "P", "show the fewest variants covering P % of the journeys"});
    s.options.push_back(format_option_spec("json (default), csv or dot (the map of the variants shown)"));
    s.options.push_back({"output", "FILE", "write to FILE (atomically) instead of standard output"});
    s.examples = "  tabiji variants samples/journeys_en.csv --top 10\n"
                 "  tabiji variants samples/journeys_en.csv --coverage 80 --format csv\n"
                 "  tabiji variants export.csv --start-with 'TV ad' --min-events 3 -o variants.json\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return {s, run};
}

} // namespace tabiji::cli
