// The journey map as Graphviz DOT, left to right: touchpoints as rounded boxes labelled with their name
// and a detail line, steps as edges with a label. Commands decorate the default map (highlight a path,
// show times, keep only some steps) and write it; nodes and edges come in the display order of
// display_order.hpp, so the text is the same run to run.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct DotMap {
    std::vector<uint8_t> node_shown;          // per activity
    std::vector<std::string> node_detail;     // per activity: the label's second line
    std::vector<std::string> node_attributes; // per activity: more DOT attributes, e.g. "penwidth=2"
    std::vector<uint8_t> edge_shown;          // per index of dfg.edges
    std::vector<std::string> edge_label;      // per index of dfg.edges
    std::vector<std::string> edge_attributes; // per index of dfg.edges
};

// Every touchpoint with events (detail: its event count) and every step (label: its count).
DotMap default_dot_map(const Dfg& dfg);

std::string write_dot(const EventLog& log, const Dfg& dfg, const DotMap& map);

// A short duration for labels: "45 s", "12 min", "3.5 h", "2.1 d" (one decimal below 10 of a unit).
std::string short_duration(double seconds);

} // namespace tabiji
