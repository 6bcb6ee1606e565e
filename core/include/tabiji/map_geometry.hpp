// The journey map as drawable geometry, the one builder behind every face that draws the map (the browser's
// WebGL renderer, the CLI's SVG, the HTML report): touchpoint boxes sized by volume, Start / End markers,
// and every step as a chain of cubic Bézier segments routed through core's layered layout (layout.hpp).
//
// Routing: Start and End are laid out as nodes of their own (first and last layer), so no edge runs through
// a column of boxes except where the layout reserved a slot for it: a step spanning several layers crosses
// each inner column as a straight horizontal run at its slot, and bends between columns only, inside the
// gap (every Bézier segment lies in the convex hull of its control points, which stay inside the gap).
// Back edges take the same route leftwards (leaving a box on its left side, entering on the right side).
// Self-loops sit on top of their box.
//
// Sizes and colours are in world units and 0xRRGGBB, so two faces given the same input draw the same map;
// text widths come from a callback (the browser measures with its ImGui font, the CLI estimates).
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/steps.hpp"
#include "tabiji/touchpoint_map.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct MapPoint {
    double x = 0, y = 0;
};

enum class MapNodeKind : uint8_t { touchpoint, start, end };

struct MapBox {
    MapNodeKind kind = MapNodeKind::touchpoint;
    uint32_t activity = 0; // touchpoint: activity id in the log
    std::string label;     // touchpoint name (shortened to fit), or the marker's label
    uint64_t count = 0;    // events (touchpoint) or cases (markers)
    MapPoint centre, half; // world units
    double corner = 8;     // corner radius
    double volume = 0;     // 0..1: sqrt(count / busiest count)
    uint32_t fill = 0;     // 0xRRGGBB
    uint32_t text = 0;     // label colour that reads on `fill`
};

struct MapCurve {
    uint32_t from = 0, to = 0;      // indices into MapGeometry::nodes
    uint32_t dfg_edge = UINT32_MAX; // index into dfg.edges; UINT32_MAX for marker edges
    bool marker = false;            // from the Start marker or to the End marker
    bool back = false;              // drawn against the left-to-right direction (dashed)
    bool self_loop = false;
    uint64_t count = 0, cases = 0;
    std::vector<MapPoint> c; // 1 + 3k control points: k cubic segments; c.back() is the arrow tip
    double width = 1;        // world units
    double volume = 0;       // 0..1: sqrt(count / busiest step's count)
    uint32_t color = 0;      // 0xRRGGBB
    MapPoint label_at;       // where a count label goes (middle of the curve)
};

enum class NodeColoring : uint8_t { volume, channel, time };
enum class EdgeColoring : uint8_t { frequency, time };

struct MapGeometryOptions {
    double label_size = 15; // touchpoint label height, world units
    // Width of a text at label_size, world units. Empty: estimated_text_width (svg_map.hpp).
    std::function<double(std::string_view)> text_width;
    std::string start_label = "Start", end_label = "End";
    // Which touchpoints and steps to draw (simplify.hpp's node_kept / edge_kept); empty: every touchpoint
    // with events and every step between drawn touchpoints.
    std::vector<uint8_t> node_kept, edge_kept;
    // Colourings. channel: node_group per activity (an index into the channel palette, -1 none);
    // time: node_seconds per activity and edge_seconds per dfg edge (negative or NaN: unknown).
    NodeColoring node_coloring = NodeColoring::volume;
    EdgeColoring edge_coloring = EdgeColoring::frequency;
    std::vector<int32_t> node_group;
    std::vector<double> node_seconds, edge_seconds;
    // Stages as columns: per activity a stage number (>= 0) or -1; empty: no stages.
    std::vector<int32_t> node_stage;
    // Stability: per activity the y of its box in the map shown before (NaN: not shown); empty: none.
    std::vector<double> previous_y;
};

struct MapGeometry {
    std::vector<MapBox> nodes;   // touchpoints (display order), then Start and End when any is drawn
    std::vector<MapCurve> edges; // steps (display order), then the marker edges
    std::vector<uint32_t> node_of_activity; // activity id -> index into nodes, UINT32_MAX when not drawn
    uint32_t touchpoints = 0;               // nodes[0 .. touchpoints) are touchpoints
    uint32_t steps = 0;                     // edges[0 .. steps) are dfg steps
    uint32_t layers = 0;
    uint64_t layout_crossings = 0; // crossings the layout's order leaves between neighbouring layers
    MapPoint min, max;             // bounding box of everything drawn
};

MapGeometry build_map_geometry(const EventLog& log, const Dfg& dfg, const MapGeometryOptions& options = {});

// The same build in slices (steps.hpp), for the browser's UI loop; log, dfg, options and out must outlive
// the returned Steps. The result equals build_map_geometry's.
Steps build_map_geometry_steps(const EventLog& log, const Dfg& dfg, const MapGeometryOptions& options,
                               MapGeometry& out);

// Position on cubic segment `segment` of a curve at t in [0, 1].
MapPoint curve_point(const MapCurve& e, size_t segment, double t);

// Colour scales shared by every face: light to dark blue by volume, green to red by time rank, a fixed
// palette for channel groups.
uint32_t mix_rgb(uint32_t a, uint32_t b, double t);
uint32_t time_rgb(double t01);
uint32_t channel_rgb(int32_t group);

// From a catalog's touchpoint map, per activity id: its touchpoint's stage (-1: none) for node_stage, and
// its channel kind's number for node_group (channel colouring). Activities mapped only by attribute rules
// take their activity-name mapping.
std::vector<int32_t> activity_stages(const TouchpointMap& map, uint32_t num_activities);
std::vector<int32_t> activity_channels(const TouchpointMap& map, uint32_t num_activities);

// 1234567 -> "1,234,567" (counts on the map)
std::string with_thousands(uint64_t n);

} // namespace tabiji
