// describe_log and its JSON: counts over the core columns and the attribute columns of a loaded log.
#include "tabiji/log_info.hpp"

#include "tabiji/json_layout.hpp"
#include "tabiji/timestamp.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace tabiji {

namespace {

AttributeInfo describe_column(const AttributeColumn& c, size_t top_values) {
    AttributeInfo a;
    a.name = c.name;
    a.case_level = c.case_level;
    a.type = c.type;
    a.nulls = c.null_count();
    std::vector<uint64_t> counts; // per string id, or [false, true]
    if (c.type == AttrType::string || c.type == AttrType::boolean) {
        counts.assign(c.type == AttrType::string ? c.strings.size() : 2, 0);
        for (uint64_t r = 0; r < c.rows; ++r)
            if (c.has(r)) ++counts[c.type == AttrType::string ? c.ids[r] : size_t(c.ints[r])];
        std::vector<uint32_t> ids;
        for (uint32_t id = 0; id < counts.size(); ++id)
            if (counts[id]) ids.push_back(id);
        a.distinct = ids.size();
        auto text = [&](uint32_t id) -> std::string {
            if (c.type == AttrType::boolean) return id ? "true" : "false";
            return std::string(c.strings.view(id));
        };
        std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
            if (counts[x] != counts[y]) return counts[x] > counts[y];
            return text(x) < text(y);
        });
        for (size_t k = 0; k < ids.size() && k < top_values; ++k)
            a.top.push_back({text(ids[k]), counts[ids[k]]});
        return a;
    }
    // Numbers and times: distinct values by sorting the present rows' values.
    std::vector<uint64_t> rows;
    for (uint64_t r = 0; r < c.rows; ++r)
        if (c.has(r)) rows.push_back(r);
    if (rows.empty()) return a;
    auto less = [&](uint64_t x, uint64_t y) {
        return c.type == AttrType::real ? c.reals[x] < c.reals[y] : c.ints[x] < c.ints[y];
    };
    std::sort(rows.begin(), rows.end(), less);
    a.distinct = 1;
    for (size_t k = 1; k < rows.size(); ++k) a.distinct += less(rows[k - 1], rows[k]);
    a.min = c.text(rows.front());
    a.max = c.text(rows.back());
    return a;
}

template <class W>
void write_string(W& w, std::string_view s) {
    w.String(s.data(), rapidjson::SizeType(s.size()));
}

} // namespace

LogInfo describe_log(const EventLog& log, size_t top_values) {
    LogInfo info;
    info.cases = log.num_cases();
    info.events = log.num_events();
    info.activities = log.num_activities();
    if (log.has_time)
        for (Micros t : log.time)
            if (t != kNoTime) {
                if (info.first == kNoTime || t < info.first) info.first = t;
                if (info.last == kNoTime || t > info.last) info.last = t;
            }
    if (info.cases) {
        std::vector<uint64_t> sizes(info.cases);
        for (uint32_t c = 0; c < log.num_cases(); ++c) sizes[c] = log.case_end(c) - log.case_begin(c);
        std::sort(sizes.begin(), sizes.end());
        info.min_events_per_case = sizes.front();
        info.max_events_per_case = sizes.back();
        const size_t mid = sizes.size() / 2;
        info.median_events_per_case =
            sizes.size() % 2 ? double(sizes[mid]) : (double(sizes[mid - 1]) + double(sizes[mid])) / 2;
    }
    for (const auto& c : log.event_attributes) info.attributes.push_back(describe_column(c, top_values));
    for (const auto& c : log.case_attributes) info.attributes.push_back(describe_column(c, top_values));
    return info;
}

std::string format_duration(Micros d) {
    if (d < 0) return "-" + format_duration(-d);
    const int64_t s = d / 1000000;
    const int64_t parts[] = {s / 86400, s / 3600 % 24, s / 60 % 60, s % 60};
    const char* units[] = {"d", "h", "min", "s"};
    std::string out;
    for (int k = 0; k < 4; ++k)
        if (parts[k]) out += (out.empty() ? "" : " ") + std::to_string(parts[k]) + " " + units[k];
    return out.empty() ? "0 s" : out;
}

std::string log_info_json(const LogInfo& info, const ReadReport& report) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("source");
    write_string(w, report.source);
    w.Key("num_cases");
    w.Uint64(info.cases);
    w.Key("num_events");
    w.Uint64(info.events);
    w.Key("num_activities");
    w.Uint64(info.activities);
    w.Key("time_span");
    if (info.first == kNoTime) {
        w.Null();
    } else {
        w.StartObject();
        w.Key("first");
        write_string(w, format_timestamp(info.first));
        w.Key("last");
        write_string(w, format_timestamp(info.last));
        w.Key("duration_s");
        w.Double(double(info.last - info.first) / 1e6);
        w.Key("duration");
        write_string(w, format_duration(info.last - info.first));
        w.EndObject();
    }
    w.Key("events_per_case");
    w.StartObject();
    w.Key("min");
    w.Uint64(info.min_events_per_case);
    w.Key("median");
    w.Double(info.median_events_per_case);
    w.Key("max");
    w.Uint64(info.max_events_per_case);
    w.EndObject();
    w.Key("attributes");
    w.StartArray();
    for (const AttributeInfo& a : info.attributes) {
        w.StartObject();
        w.Key("name");
        write_string(w, a.name);
        w.Key("level");
        w.String(a.case_level ? "case" : "event");
        w.Key("type");
        w.String(attr_type_name(a.type));
        w.Key("distinct");
        w.Uint64(a.distinct);
        w.Key("nulls");
        w.Uint64(a.nulls);
        if (a.type == AttrType::string || a.type == AttrType::boolean) {
            w.Key("top");
            w.StartArray();
            for (const auto& v : a.top) {
                w.StartObject();
                w.Key("value");
                write_string(w, v.value);
                w.Key("count");
                w.Uint64(v.count);
                w.EndObject();
            }
            w.EndArray();
        } else if (a.distinct) {
            w.Key("min");
            write_string(w, a.min);
            w.Key("max");
            write_string(w, a.max);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("read");
    w.StartObject();
    w.Key("format");
    write_string(w, report.format);
    w.Key("encoding");
    write_string(w, report.encoding);
    w.Key("byte_order_mark");
    w.Bool(report.byte_order_mark);
    w.Key("separator");
    if (report.separator)
        write_string(w, std::string(1, report.separator));
    else
        w.Null();
    w.Key("columns_used");
    w.StartObject();
    w.Key("case");
    write_string(w, report.case_column);
    w.Key("activity");
    write_string(w, report.activity_column);
    w.Key("timestamp");
    write_string(w, report.timestamp_column);
    w.EndObject();
    w.Key("records");
    w.Uint64(report.records);
    w.Key("events");
    w.Uint64(report.events);
    w.Key("dropped_missing_values");
    w.Uint64(report.dropped_missing_values);
    w.Key("skipped_bad_records");
    w.Uint64(report.skipped_bad_records);
    w.Key("replaced_bytes");
    w.Uint64(report.replaced_bytes);
    w.Key("lifecycle_values");
    w.StartObject();
    for (const auto& [value, n] : report.lifecycle_values) {
        write_string(w, value);
        w.Uint64(n);
    }
    w.EndObject();
    w.Key("lifecycle_pairing");
    w.StartObject();
    for (const auto& [what, n] : report.lifecycle_pairing) {
        write_string(w, what);
        w.Uint64(n);
    }
    w.EndObject();
    w.Key("problems");
    w.StartArray();
    for (const auto& [kind, n] : report.problem_counts) {
        w.StartObject();
        w.Key("kind");
        write_string(w, kind);
        w.Key("count");
        w.Uint64(n);
        w.Key("examples");
        w.StartArray();
        for (const ReadProblem& p : report.examples) {
            if (p.kind != kind) continue;
            w.StartObject();
            w.Key("line");
            w.Uint64(p.line);
            w.Key("column");
            w.Uint64(p.column);
            w.Key("text");
            write_string(w, p.text);
            w.Key("message");
            write_string(w, p.message);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
    return layout_json_lines(std::string_view(buf.GetString(), buf.GetSize()));
}

} // namespace tabiji
