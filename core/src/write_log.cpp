// Event log writers: CSV, JSON Lines, XES (see write_log.hpp).
#include "tabiji/write_log.hpp"

#include "tabiji/csv_field.hpp"

#include "tabiji/timestamp.hpp"
#include "tabiji/xml_text.hpp"

#include <cstdio>

namespace tabiji {

namespace {

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// A real's text that reads back as a real, not an integer.
std::string real_text(const AttributeColumn& c, uint64_t row) {
    std::string s = c.text(row);
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
}

std::string value_text(const AttributeColumn& c, uint64_t row) {
    return c.type == AttrType::real ? real_text(c, row) : c.text(row);
}

void json_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

// The case number of every event (the CSR offsets unrolled).
template <class F>
void for_each_event(const EventLog& log, F&& f) {
    for (uint32_t c = 0; c < log.num_cases(); ++c)
        for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) f(c, i);
}

const char* xes_type(AttrType t) {
    switch (t) {
    case AttrType::string:
        return "string";
    case AttrType::integer:
        return "int";
    case AttrType::real:
        return "float";
    case AttrType::boolean:
        return "boolean";
    case AttrType::time:
        return "date";
    }
    return "string";
}

void xes_attribute(std::string& out, const char* indent, const AttributeColumn& c, uint64_t row) {
    if (!c.has(row)) return;
    out += indent;
    out += "<";
    out += xes_type(c.type);
    out += " key=\"";
    append_xml_escaped(out, c.name);
    out += "\" value=\"";
    append_xml_escaped(out, value_text(c, row));
    out += "\"/>\n";
}

} // namespace

std::optional<LogWriteFormat> parse_log_write_format(std::string_view name) {
    if (name == "csv") return LogWriteFormat::csv;
    if (name == "jsonl" || name == "ndjson") return LogWriteFormat::jsonl;
    if (name == "xes") return LogWriteFormat::xes;
    return std::nullopt;
}

std::optional<LogWriteFormat> log_write_format_of_path(std::string_view path) {
    std::string lower(path);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (ends_with(lower, ".csv")) return LogWriteFormat::csv;
    if (ends_with(lower, ".jsonl") || ends_with(lower, ".ndjson")) return LogWriteFormat::jsonl;
    if (ends_with(lower, ".xes")) return LogWriteFormat::xes;
    return std::nullopt;
}

std::string write_csv_log(const EventLog& log) {
    std::string out = log.has_time ? "case_id,activity,timestamp" : "case_id,activity";
    for (const auto* cols : {&log.event_attributes, &log.case_attributes})
        for (const AttributeColumn& c : *cols) {
            out.push_back(',');
            append_csv_field(out, c.name);
        }
    out.push_back('\n');
    for_each_event(log, [&](uint32_t c, uint64_t i) {
        append_csv_field(out, log.cases.view(c));
        out.push_back(',');
        append_csv_field(out, log.activities.view(log.activity[i]));
        if (log.has_time) {
            out.push_back(',');
            out += format_timestamp(log.time[i]);
        }
        for (const AttributeColumn& a : log.event_attributes) {
            out.push_back(',');
            if (a.has(i)) append_csv_field(out, value_text(a, i));
        }
        for (const AttributeColumn& a : log.case_attributes) {
            out.push_back(',');
            if (a.has(c)) append_csv_field(out, value_text(a, c));
        }
        out.push_back('\n');
    });
    return out;
}

std::string write_jsonl_log(const EventLog& log) {
    std::string out;
    auto member = [&](const AttributeColumn& a, uint64_t row) {
        if (!a.has(row)) return;
        out.push_back(',');
        json_string(out, a.name);
        out.push_back(':');
        if (a.type == AttrType::string || a.type == AttrType::time)
            json_string(out, a.text(row));
        else
            out += value_text(a, row);
    };
    for_each_event(log, [&](uint32_t c, uint64_t i) {
        out += "{\"case_id\":";
        json_string(out, log.cases.view(c));
        out += ",\"activity\":";
        json_string(out, log.activities.view(log.activity[i]));
        if (log.has_time) out += ",\"timestamp\":\"" + format_timestamp(log.time[i]) + "\"";
        for (const AttributeColumn& a : log.event_attributes) member(a, i);
        for (const AttributeColumn& a : log.case_attributes) member(a, c);
        out += "}\n";
    });
    return out;
}

std::string write_xes_log(const EventLog& log) {
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<log xes.version=\"1.0\" xes.features=\"nested-attributes\" "
        "xmlns=\"http://www.xes-standard.org/\">\n"
        "  <extension name=\"Concept\" prefix=\"concept\" "
        "uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
        "  <extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n";
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        out += "  <trace>\n    <string key=\"concept:name\" value=\"";
        append_xml_escaped(out, log.cases.view(c));
        out += "\"/>\n";
        for (const AttributeColumn& a : log.case_attributes) xes_attribute(out, "    ", a, c);
        for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) {
            out += "    <event>\n      <string key=\"concept:name\" value=\"";
            append_xml_escaped(out, log.activities.view(log.activity[i]));
            out += "\"/>\n";
            if (log.has_time)
                out +=
                    "      <date key=\"time:timestamp\" value=\"" + format_timestamp(log.time[i]) + "\"/>\n";
            for (const AttributeColumn& a : log.event_attributes) xes_attribute(out, "      ", a, i);
            out += "    </event>\n";
        }
        out += "  </trace>\n";
    }
    out += "</log>\n";
    return out;
}

std::string write_log(const EventLog& log, LogWriteFormat format) {
    switch (format) {
    case LogWriteFormat::csv:
        return write_csv_log(log);
    case LogWriteFormat::jsonl:
        return write_jsonl_log(log);
    case LogWriteFormat::xes:
        return write_xes_log(log);
    }
    return {};
}

} // namespace tabiji
