// The oracle-shaped JSON of a DFG run. Every list has a total order (count descending, then names in
// byte order), so the bytes are the same run to run and platform to platform.
#include "tabiji/result_json.hpp"

#include "tabiji/display_order.hpp"
#include "tabiji/json_layout.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <numeric>

namespace tabiji {

namespace {

template <class W>
void write_string(W& w, std::string_view s) {
    w.String(s.data(), rapidjson::SizeType(s.size()));
}

template <class W>
void write_counts(W& w, const EventLog& log, const char* key, const std::vector<uint64_t>& counts) {
    const std::vector<uint32_t> ids = touchpoint_display_order(log, counts);
    w.Key(key);
    w.StartArray();
    for (uint32_t a : ids) {
        w.StartObject();
        w.Key("activity");
        write_string(w, log.activities.view(a));
        w.Key("count");
        w.Uint64(counts[a]);
        w.EndObject();
    }
    w.EndArray();
}

template <class W>
void write_all(W& w, const EventLog& log, const Dfg& dfg, const std::vector<Variant>& variants,
               const std::vector<EdgePerformance>& perf, const DfgJsonParts& parts,
               const std::string& case_col, const std::string& act_col, const std::string& ts_col,
               uint64_t dropped) {
    auto name = [&](uint32_t a) { return log.activities.view(a); };
    // Edge order shared by "dfg" and "performance_dfg".
    const std::vector<uint32_t> order = edge_display_order(log, dfg);

    w.StartObject();
    w.Key("meta");
    w.StartObject();
    w.Key("source");
    write_string(w, log.source);
    w.Key("columns_used");
    w.StartObject();
    w.Key("case");
    write_string(w, case_col);
    w.Key("activity");
    write_string(w, act_col);
    w.Key("timestamp");
    if (ts_col.empty())
        w.Null();
    else
        write_string(w, ts_col);
    w.EndObject();
    w.Key("rows_dropped_missing_values");
    w.Uint64(dropped);
    w.EndObject();

    w.Key("num_cases");
    w.Uint64(dfg.num_cases);
    w.Key("num_events");
    w.Uint64(dfg.num_events);
    w.Key("num_activities");
    w.Uint64(std::count_if(dfg.events.begin(), dfg.events.end(), [](uint64_t n) { return n > 0; }));
    write_counts(w, log, "activities", dfg.events);
    write_counts(w, log, "start_activities", dfg.starts);
    write_counts(w, log, "end_activities", dfg.ends);

    w.Key("dfg");
    w.StartArray();
    for (uint32_t k : order) {
        const DfgEdge& e = dfg.edges[k];
        w.StartObject();
        w.Key("from");
        write_string(w, name(e.from));
        w.Key("to");
        write_string(w, name(e.to));
        w.Key("count");
        w.Uint64(e.count);
        w.Key("cases");
        w.Uint64(e.cases);
        w.EndObject();
    }
    w.EndArray();

    if (parts.variants) {
        w.Key("variants");
        w.StartArray();
        for (const Variant& v : variants) {
            w.StartObject();
            w.Key("activities");
            w.StartArray();
            for (uint32_t a : v.activities) write_string(w, name(a));
            w.EndArray();
            w.Key("count");
            w.Uint64(v.count);
            w.EndObject();
        }
        w.EndArray();
    }

    if (parts.performance) {
        w.Key("performance_dfg");
        if (!log.has_time) {
            w.Null();
        } else {
            w.StartArray();
            // performance is sorted by (from, to) ids like dfg.edges: same index, same edge.
            for (uint32_t k : order) {
                const EdgePerformance& p = perf[k];
                const DurationStats& s = p.stats;
                w.StartObject();
                w.Key("from");
                write_string(w, name(p.from));
                w.Key("to");
                write_string(w, name(p.to));
                w.Key("count");
                w.Uint64(s.count);
                w.Key("mean");
                w.Double(s.mean);
                w.Key("median");
                w.Double(s.median);
                w.Key("min");
                w.Double(s.min);
                w.Key("max");
                w.Double(s.max);
                w.Key("sum");
                w.Double(s.sum);
                w.Key("stdev");
                if (s.has_stdev())
                    w.Double(s.stdev);
                else
                    w.Null();
                w.Key("p90");
                w.Double(s.p90);
                w.EndObject();
            }
            w.EndArray();
        }
    }
    w.EndObject();
}

} // namespace

std::string dfg_to_json(const EventLog& log, const Dfg& dfg, const std::vector<Variant>& variants,
                        const std::vector<EdgePerformance>& performance, const DfgJsonParts& parts,
                        const ReadReport* report) {
    const std::string empty;
    const std::string& case_col = report ? report->case_column : empty;
    const std::string& act_col = report ? report->activity_column : empty;
    const std::string& ts_col = report ? report->timestamp_column : empty;
    const uint64_t dropped = report ? report->dropped_missing_values : 0;
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    write_all(w, log, dfg, variants, performance, parts, case_col, act_col, ts_col, dropped);
    std::string out = parts.pretty ? layout_json_lines(std::string_view(buf.GetString(), buf.GetSize()))
                                   : std::string(buf.GetString(), buf.GetSize());
    out.push_back('\n');
    return out;
}

} // namespace tabiji
