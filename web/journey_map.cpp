// Map settings -> core's map geometry inputs (kept touchpoints and steps, colourings, previous positions).
#include "journey_map.hpp"

#include "tabiji/touchpoint_map.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji::web {

JourneyMapData::JourneyMapData(const Journey& j) : journey(j), simplifier(j.dfg, j.log.activities) {
    const Dfg& dfg = j.dfg;
    const std::vector<EdgePerformance> perf = mine_edge_performance(j.log);
    edge_time.assign(dfg.edges.size(), {});
    // Both lists are sorted by (from, to): walk them together.
    for (size_t k = 0, p = 0; k < dfg.edges.size() && p < perf.size(); ++k) {
        while (p < perf.size() &&
               std::pair(perf[p].from, perf[p].to) < std::pair(dfg.edges[k].from, dfg.edges[k].to))
            ++p;
        if (p < perf.size() && perf[p].from == dfg.edges[k].from && perf[p].to == dfg.edges[k].to)
            edge_time[k] = perf[p].stats;
    }
    node_time = mine_time_to_next(j.log, LogView{});
    node_time.resize(dfg.num_activities);
    has_time = !perf.empty();
    const TouchpointMap tp = map_touchpoints(default_catalog_for(j.log), j.log);
    stage = activity_stages(tp, dfg.num_activities);
    channel = activity_channels(tp, dfg.num_activities);
    for (int32_t c : channel) has_catalog = has_catalog || c >= 0;
}

JourneyMapBuild::JourneyMapBuild(const JourneyMapData& data, const MapSettings& settings,
                                 const MapStyle& style, const JourneyMap* previous) {
    const Journey& j = data.journey;
    MapGeometryOptions& o = options_;
    o.label_size = style.label_size;
    o.text_width = style.text_width;
    o.start_label = style.start_label;
    o.end_label = style.end_label;
    if (settings.activities < 100 || settings.paths < 100) {
        SimplifiedMap s = data.simplifier.simplify(settings.activities, settings.paths);
        o.node_kept = std::move(s.node_kept);
        o.edge_kept = std::move(s.edge_kept);
    }
    if (settings.performance && data.has_time) {
        o.node_coloring = NodeColoring::time;
        o.edge_coloring = EdgeColoring::time;
        for (const DurationStats& s : data.node_time) o.node_seconds.push_back(s.count ? s.median : -1);
        for (const DurationStats& s : data.edge_time) o.edge_seconds.push_back(s.count ? s.median : -1);
    }
    if (settings.stages && data.has_catalog) o.node_stage = data.stage;
    if (settings.channels && data.has_catalog && o.node_coloring == NodeColoring::volume) {
        o.node_coloring = NodeColoring::channel;
        o.node_group = data.channel;
    }
    if (previous) {
        o.previous_y.assign(j.dfg.num_activities, std::nan(""));
        for (uint32_t i = 0; i < previous->touchpoints; ++i)
            if (previous->nodes[i].activity < o.previous_y.size())
                o.previous_y[previous->nodes[i].activity] = previous->nodes[i].centre.y;
    }
    steps_ = build_map_geometry_steps(j.log, j.dfg, options_, map_);
}

bool JourneyMapBuild::run_for(double budget_ms, double (*now_ms)()) {
    const double t0 = now_ms();
    if (!steps_.done()) ++slices_;
    if (last_start_ms_ >= 0) longest_gap_ms_ = std::max(longest_gap_ms_, t0 - last_start_ms_);
    last_start_ms_ = t0;
    // Slices are about a millisecond (layout.cpp): the budget is overrun by about that much at most.
    while (!steps_.done() && now_ms() - t0 < budget_ms) steps_.step();
    const double spent = now_ms() - t0;
    busy_ms_ += spent;
    longest_ms_ = std::max(longest_ms_, spent);
    return steps_.done();
}

} // namespace tabiji::web
