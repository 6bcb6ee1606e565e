// variants_output: the variants document of `tabiji variants` (moved here from cmd_variants.cpp).
#include "variants_output.hpp"

#include "tabiji/dot_map.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji::cli {

std::vector<OptionSpec> variants_option_specs() {
    return {
        {"top", "N", "show the N most frequent variants"},
        {"coverage", "P", "show the fewest variants covering P % of the journeys"},
        format_option_spec("json (default), csv or dot (the map of the variants shown)"),
    };
}

std::string variants_output(const Args& args, Format format, const EventLog& log,
                            const std::vector<Variant>& variants, const Dfg& dfg) {
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
    return out;
}

} // namespace tabiji::cli
