// Layered (Sugiyama-style) placement of the journey graph, left to right: cycle breaking, layer assignment,
// crossing reduction by barycentre sweeps, coordinate assignment. Lives in core so the CLI's SVG and the
// browser draw the same map.
#pragma once
#include <cstdint>
#include <vector>

namespace tabiji {

struct LayoutEdge {
    uint32_t from = 0, to = 0;
    double weight = 1; // heavier edges win when cycles are broken
};

struct LayoutInput {
    uint32_t num_nodes = 0;
    std::vector<LayoutEdge> edges;
    std::vector<double> node_weight; // optional: heavier nodes are placed first in a layer
    std::vector<uint32_t> sources;   // optional: nodes to put in the first layer (start touchpoints)
    double layer_gap = 220;          // x distance between layers
    double node_gap = 90;            // y distance between nodes of a layer
};

struct LayoutPoint {
    double x = 0, y = 0;
};

struct LayoutResult {
    std::vector<uint32_t> layer; // per node
    std::vector<uint32_t> order; // per node: position inside its layer
    std::vector<double> x, y;    // per node: centre
    std::vector<bool> reversed;  // per edge: drawn against the layer direction (a back edge)
    // per edge: the route from the centre of `from` to the centre of `to`, through one point per layer
    // crossed (the positions the crossing reduction gave the edge), so long edges pass between nodes.
    std::vector<std::vector<LayoutPoint>> edge_points;
    uint32_t num_layers = 0;
    double width = 0, height = 0; // bounding box of the centres
};

LayoutResult layout_layered(const LayoutInput& in);

} // namespace tabiji
