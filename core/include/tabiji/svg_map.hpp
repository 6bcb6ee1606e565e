// The journey map as a self-contained SVG document, drawn like the browser map: core's layered layout
// (layout.hpp) left to right, touchpoints as rounded boxes whose size and shade grow with their event
// count, steps as cubic Bézier curves (through the layout's route points for edges that cross layers) with
// arrowheads and a width that grows with the step count, back edges and self-loops in orange and dashed,
// and Start / End markers beside the touchpoints that begin and end journeys.
//
// Self-contained: inline styles only, no external references (the only URI is the SVG namespace), every
// name escaped (xml_text.hpp), a font-family list with Japanese fallbacks. Nodes are written in the
// display order (display_order.hpp) as <g class="node">, steps as <g class="edge">, so the same input gives
// the same bytes. Text widths are estimated (CJK characters a full em, others about 0.6 em).
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

struct SvgMapOptions {
    std::string start_label = "Start", end_label = "End";
    std::string title;           // <title> of the document; empty: none
    bool xml_declaration = true; // false when the SVG is inlined into HTML
    bool edge_labels = true;     // step counts on the curves
    // Optional, per activity id (map_geometry.hpp's activity_stages / activity_channels): stages as columns,
    // and boxes coloured by channel kind instead of by volume.
    std::vector<int32_t> node_stage, node_group;
};

std::string write_svg_map(const EventLog& log, const Dfg& dfg, const SvgMapOptions& options = {});

// Estimated width in pixels of a UTF-8 text at a font size (the layout's only font metric).
double estimated_text_width(std::string_view text, double font_size);

} // namespace tabiji
