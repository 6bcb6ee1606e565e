#include "map_format.hpp"

#include "tabiji/dot_map.hpp"
#include "tabiji/svg_map.hpp"

namespace tabiji::cli {

std::string map_document(const EventLog& log, const Dfg& dfg, Format format, bool edge_labels,
                         SvgMapOptions options) {
    if (format == Format::dot) return write_dot(log, dfg, default_dot_map(dfg));
    options.title = log.source;
    options.edge_labels = edge_labels;
    return write_svg_map(log, dfg, options);
}

} // namespace tabiji::cli
