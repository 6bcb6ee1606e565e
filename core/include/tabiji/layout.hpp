// Layered (Sugiyama-style) placement of the journey graph, left to right: cycle breaking, layer assignment
// (stages as groups of columns when given), crossing reduction (barycentre sweeps and transpositions),
// coordinate assignment (nodes pulled towards their neighbours, sizes respected). Lives in core so the
// CLI's SVG and the browser draw the same map (map_geometry.hpp builds on it).
//
// Stability: when `previous_y` is given (the y of each node in the layout shown before, NaN for nodes that
// are new), the order inside each layer starts from it and is kept unless the crossing reduction finds a
// clearly better one, and the result is shifted to sit where the previous one sat; so moving a
// simplification slider does not shuffle the map.
#pragma once
#include "tabiji/steps.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct LayoutEdge {
    uint32_t from = 0, to = 0;
    double weight = 1; // heavier edges win when cycles are broken and are drawn straighter
};

struct LayoutInput {
    uint32_t num_nodes = 0;
    std::vector<LayoutEdge> edges;
    std::vector<double> node_weight; // optional: heavier nodes are visited first when cycles are broken
    std::vector<uint32_t> sources;   // optional: nodes forced into the first layer (e.g. a Start marker)
    std::vector<uint32_t> sinks;     // optional: nodes forced into the last layer (e.g. an End marker)
    // optional, per node: a stage number (>= 0) or -1. All layers of stage s lie left of those of any
    // later stage; a step from a later stage back to an earlier one is drawn as a back edge.
    std::vector<int32_t> stage;
    std::vector<double> node_width, node_height; // optional, per node (0 when missing)
    std::vector<double> previous_y;              // optional, per node: see the stability note above
    double layer_gap = 220;                      // x gap between the widest boxes of neighbouring layers
    double node_gap = 90;                        // y gap between neighbouring boxes of a layer
    double edge_gap = 18;                        // y gap next to a long edge passing through a layer
    double empty_layer_width = 24;               // width of a layer that only long edges pass through
};

struct LayoutPoint {
    double x = 0, y = 0;
};

struct LayoutResult {
    std::vector<uint32_t> layer; // per node
    std::vector<uint32_t> order; // per node: position inside its layer (long edges' points included)
    std::vector<double> x, y;    // per node: centre
    std::vector<bool> reversed;  // per edge: drawn against the layer direction (a back edge)
    // per edge: the route from the centre of `from` to the centre of `to`, through one point per layer
    // crossed (where the crossing reduction and coordinate assignment put the edge), so long edges pass
    // between nodes. Self-loops: the node's centre only.
    std::vector<std::vector<LayoutPoint>> edge_points;
    std::vector<double> layer_x, layer_width; // per layer: centre and width of its column
    uint32_t num_layers = 0;
    uint64_t crossings = 0;       // crossings between neighbouring layers in the final order
    double width = 0, height = 0; // bounding box of the centres
};

LayoutResult layout_layered(const LayoutInput& in);

// The same layout in slices of about a millisecond each (steps.hpp), for a caller that must keep drawing
// meanwhile; `in` and `out` must outlive the returned Steps. The result equals layout_layered's.
Steps layout_layered_steps(const LayoutInput& in, LayoutResult& out);

} // namespace tabiji
