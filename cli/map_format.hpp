// The journey map of a mined graph as a document: Graphviz DOT (core's dot_map) or a self-contained SVG
// image with the browser's layout (core's svg_map). What `render` writes, and `dfg --format dot|svg`.
#pragma once
#include "report_format.hpp"

#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/svg_map.hpp"

#include <string>

namespace tabiji::cli {

// format: Format::dot or Format::svg. edge_labels: the step counts on the curves (SVG). svg: more SVG
// options (stages, channel colours); its title and edge_labels are set here.
std::string map_document(const EventLog& log, const Dfg& dfg, Format format, bool edge_labels = true,
                         SvgMapOptions svg = {});

} // namespace tabiji::cli
