// Counting edge crossings in a drawn graph, the same way for every drawing (ours, Graphviz dot's): each edge
// is a polyline (its Bézier curves sampled), and two edges that share no end node cross once for every pair
// of their segments that properly intersect. Edges sharing a node are not compared (they meet at the node by
// design), self-loops are left out by the caller. A uniform grid keeps it near-linear for sparse drawings.
#pragma once
#include "tabiji/map_geometry.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct DrawnEdge {
    uint32_t from = 0, to = 0;    // node ids (any numbering, the same for all edges)
    std::vector<MapPoint> points; // polyline
};

uint64_t count_edge_crossings(const std::vector<DrawnEdge>& edges);

// The polyline of a chain of cubic Bézier segments given by 1 + 3k control points (`per_segment` samples
// per segment, plus the first point). Fewer than 4 points: the points themselves.
std::vector<MapPoint> sample_bezier_chain(const std::vector<MapPoint>& control, int per_segment);

} // namespace tabiji
