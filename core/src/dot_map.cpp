#include "tabiji/dot_map.hpp"

#include "tabiji/display_order.hpp"

#include <cmath>
#include <cstdio>

namespace tabiji {

namespace {

// A DOT string literal: quotes and backslashes escaped.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

} // namespace

DotMap default_dot_map(const Dfg& dfg) {
    DotMap m;
    m.node_shown.assign(dfg.num_activities, 0);
    m.node_detail.assign(dfg.num_activities, "");
    m.node_attributes.assign(dfg.num_activities, "");
    for (uint32_t a = 0; a < dfg.num_activities; ++a) {
        m.node_shown[a] = dfg.events[a] > 0;
        m.node_detail[a] = std::to_string(dfg.events[a]);
    }
    m.edge_shown.assign(dfg.edges.size(), 1);
    m.edge_label.resize(dfg.edges.size());
    m.edge_attributes.assign(dfg.edges.size(), "");
    for (size_t k = 0; k < dfg.edges.size(); ++k) m.edge_label[k] = std::to_string(dfg.edges[k].count);
    return m;
}

std::string write_dot(const EventLog& log, const Dfg& dfg, const DotMap& m) {
    std::string out = "digraph journeys {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
    for (uint32_t t : touchpoint_display_order(log, dfg.events)) {
        if (!m.node_shown[t]) continue;
        const std::string id = quoted(log.activities.view(t));
        // DOT's own line break (\n) between the escaped name and the detail.
        out += "  " + id + " [label=" + id.substr(0, id.size() - 1);
        if (!m.node_detail[t].empty())
            out += "\\n" + quoted(m.node_detail[t]).substr(1);
        else
            out += "\"";
        if (!m.node_attributes[t].empty()) out += ", " + m.node_attributes[t];
        out += "];\n";
    }
    for (uint32_t k : edge_display_order(log, dfg)) {
        if (!m.edge_shown[k]) continue;
        const DfgEdge& e = dfg.edges[k];
        out += "  " + quoted(log.activities.view(e.from)) + " -> " + quoted(log.activities.view(e.to)) +
               " [label=" + quoted(m.edge_label[k]);
        if (!m.edge_attributes[k].empty()) out += ", " + m.edge_attributes[k];
        out += "];\n";
    }
    return out + "}\n";
}

std::string short_duration(double seconds) {
    struct Unit {
        const char* name;
        double seconds;
    };
    static constexpr Unit kUnits[] = {{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}};
    const double a = std::fabs(seconds);
    for (const Unit& u : kUnits) {
        if (a < u.seconds && u.seconds > 1) continue;
        const double v = seconds / u.seconds;
        char buf[32];
        if (std::fabs(v) < 10 && std::fabs(v - std::round(v)) >= 0.05)
            std::snprintf(buf, sizeof buf, "%.1f %s", v, u.name);
        else
            std::snprintf(buf, sizeof buf, "%.0f %s", v, u.name);
        return buf;
    }
    return "0 s";
}

} // namespace tabiji
