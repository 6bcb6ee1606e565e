// perf_output: the documents of `tabiji perf` (moved here from cmd_perf.cpp).
#include "perf_output.hpp"

#include "tabiji/dot_map.hpp"

namespace tabiji::cli {

namespace {

std::string to_csv(const EventLog& log, const std::string& table, const Dfg& dfg,
                   const std::vector<EdgePerformance>& edges, const std::vector<DurationStats>& next,
                   const CaseDurations& durations) {
    std::string out;
    auto name = [&](uint32_t a) { return csv_field(log.activities.view(a)); };
    if (table == "edges") {
        out = std::string("from,to,occurrences,cases,") + kStatsCsvHeader + "\n";
        for (uint32_t k : edge_display_order(log, dfg)) {
            const DfgEdge& e = dfg.edges[k];
            out += name(e.from) + "," + name(e.to) + "," + std::to_string(e.count) + "," +
                   std::to_string(e.cases) + "," +
                   (edges.empty() ? std::string(",,,,,,,") : csv_stats(edges[k].stats)) + "\n";
        }
    } else if (table == "touchpoints") {
        out = std::string("touchpoint,events,cases,") + kStatsCsvHeader + "\n";
        for (uint32_t a : touchpoint_display_order(log, dfg.events))
            out += name(a) + "," + std::to_string(dfg.events[a]) + "," + std::to_string(dfg.cases[a]) + "," +
                   (next.empty() ? std::string(",,,,,,,") : csv_stats(next[a])) + "\n";
    } else if (table == "cases") {
        out = "case,seconds\n";
        for (size_t i = 0; i < durations.cases.size(); ++i)
            out += csv_field(log.cases.view(durations.cases[i])) + "," + number(durations.seconds[i]) + "\n";
    } else {
        out = "from_seconds,to_seconds,cases\n";
        for (size_t k = 0; k < durations.bin_counts.size(); ++k)
            out += number(durations.bin_edges[k]) + "," +
                   (k + 1 < durations.bin_edges.size() ? number(durations.bin_edges[k + 1]) : std::string()) +
                   "," + std::to_string(durations.bin_counts[k]) + "\n";
    }
    return out;
}

std::string to_json(const EventLog& log, const Dfg& dfg, const std::vector<EdgePerformance>& edges,
                    const std::vector<DurationStats>& next, const CaseDurations& durations) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_log_header(w, log.source, dfg.num_cases, dfg.num_events);
    w.Key("has_time");
    w.Bool(log.has_time);
    w.Key("case_durations");
    json_stats(w, durations.stats);
    w.Key("case_duration_histogram");
    w.StartArray();
    for (size_t k = 0; k < durations.bin_counts.size(); ++k) {
        w.StartObject();
        w.Key("from_seconds");
        w.Double(durations.bin_edges[k]);
        w.Key("to_seconds");
        if (k + 1 < durations.bin_edges.size())
            w.Double(durations.bin_edges[k + 1]);
        else
            w.Null();
        w.Key("cases");
        w.Uint64(durations.bin_counts[k]);
        w.EndObject();
    }
    w.EndArray();
    w.Key("touchpoints");
    w.StartArray();
    for (uint32_t a : touchpoint_display_order(log, dfg.events)) {
        w.StartObject();
        w.Key("activity");
        json_string(w, log.activities.view(a));
        w.Key("events");
        w.Uint64(dfg.events[a]);
        w.Key("cases");
        w.Uint64(dfg.cases[a]);
        w.Key("time_to_next");
        if (next.empty())
            w.Null();
        else
            json_stats(w, next[a]);
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (uint32_t k : edge_display_order(log, dfg)) {
        const DfgEdge& e = dfg.edges[k];
        w.StartObject();
        w.Key("from");
        json_string(w, log.activities.view(e.from));
        w.Key("to");
        json_string(w, log.activities.view(e.to));
        w.Key("occurrences");
        w.Uint64(e.count);
        w.Key("cases");
        w.Uint64(e.cases);
        w.Key("duration");
        // edges[k] and dfg.edges[k] are the same edge: both sorted by (from, to).
        if (edges.empty())
            w.Null();
        else
            json_stats(w, edges[k].stats);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_text(buf);
}

} // namespace

std::vector<OptionSpec> perf_option_specs() {
    return {
        format_option_spec("json (default), csv or dot (the map with median times)"),
        {"table", "TABLE", "CSV table: edges (default), touchpoints, cases or histogram"},
    };
}

std::string perf_table(const Args& args) {
    const std::string table = args.value_or("table", "edges");
    if (table != "edges" && table != "touchpoints" && table != "cases" && table != "histogram")
        throw UsageError("--table expects edges, touchpoints, cases or histogram, got '" + table + "'");
    return table;
}

std::string perf_output(Format format, const std::string& table, const EventLog& log, const Dfg& dfg,
                        const std::vector<EdgePerformance>& edges, const std::vector<DurationStats>& next,
                        const CaseDurations& durations) {
    std::string out;
    if (format == Format::dot) {
        // The map with times: each step labelled with its median duration (and count), each touchpoint
        // with the median time to the next step. edges[] is in dfg.edges order (both sorted by ids).
        DotMap m = default_dot_map(dfg);
        for (size_t k = 0; k < dfg.edges.size() && k < edges.size(); ++k)
            m.edge_label[k] =
                short_duration(edges[k].stats.median) + " (" + std::to_string(dfg.edges[k].count) + ")";
        for (uint32_t a = 0; a < dfg.num_activities && a < next.size(); ++a)
            if (next[a].count)
                m.node_detail[a] = std::to_string(dfg.events[a]) + ", next " + short_duration(next[a].median);
        out = write_dot(log, dfg, m);
    } else {
        out = format == Format::csv ? to_csv(log, table, dfg, edges, next, durations)
                                    : to_json(log, dfg, edges, next, durations);
    }
    return out;
}

} // namespace tabiji::cli
