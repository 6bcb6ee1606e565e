// The journey map as drawable geometry in world units: touchpoint boxes, start/end markers, and the
// directly-follows edges as cubic Bézier curves, placed by core's layered layout (left to right).
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji::web {

struct Vec2 {
    float x = 0, y = 0;
};

struct Rgba {
    float r = 0, g = 0, b = 0, a = 1;
};

enum class NodeKind : uint8_t { touchpoint, start, end };

struct MapNode {
    NodeKind kind = NodeKind::touchpoint;
    uint32_t activity = 0; // touchpoint: activity id in the log
    std::string label;     // touchpoint name, "Start" / "End" for markers
    uint64_t count = 0;    // events (touchpoint) or cases (markers)
    Vec2 centre, half;     // world units
    float corner = 8;      // corner radius, world units
    Rgba fill;
    Rgba text; // label colour that reads on `fill`
};

struct MapEdge {
    uint32_t from = 0, to = 0; // indices into JourneyMap::nodes
    bool marker = false;       // an edge from the start marker or to the end marker
    bool back = false;         // drawn against the left-to-right direction
    uint64_t count = 0;        // occurrences
    uint64_t cases = 0;        // distinct cases (0 for marker edges)
    Vec2 p[4];                 // cubic Bézier control points, p[3] is the arrow tip
    float width = 1;           // world units
    Rgba color;
};

struct JourneyMap {
    std::vector<MapNode> nodes; // touchpoints first (index == activity id), then markers
    std::vector<MapEdge> edges; // directly-follows edges first (in Dfg order), then marker edges
    uint32_t touchpoints = 0;
    uint32_t dfg_edges = 0;
    Vec2 min, max; // bounding box of everything drawn, world units
};

// Height of touchpoint labels in world units (the map is built and labelled with it).
inline constexpr float kLabelSize = 15;

struct MapStyle {
    float label_size = kLabelSize;
    std::function<float(std::string_view)> text_width; // width of a label at label_size, world units
};

JourneyMap build_journey_map(const EventLog& log, const Dfg& dfg, const MapStyle& style);

// Position on an edge's curve at t in [0, 1].
Vec2 edge_point(const MapEdge& e, float t);

} // namespace tabiji::web
