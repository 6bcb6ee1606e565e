// The shared map geometry: every touchpoint and step drawn, curves that never run through a box other than
// their own ends (on the samples and real logs), simplification and text widths honoured, and a slider
// move that keeps the boxes' order.
#include "support/paths.hpp"
#include "tabiji/curve_crossings.hpp"
#include "tabiji/dfg.hpp"
#include "tabiji/map_geometry.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/simplify.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

using namespace tabiji;

namespace {

// Points of curve `e` strictly inside a box other than its own ends (boxes shrunk by a unit for rounding).
int points_in_other_boxes(const MapGeometry& map, const MapCurve& e) {
    int hits = 0;
    for (const MapPoint& p : sample_bezier_chain(e.c, 16))
        for (uint32_t i = 0; i < map.nodes.size(); ++i) {
            if (i == e.from || i == e.to) continue;
            const MapBox& b = map.nodes[i];
            if (std::fabs(p.x - b.centre.x) < b.half.x - 1 && std::fabs(p.y - b.centre.y) < b.half.y - 1)
                ++hits;
        }
    return hits;
}

void check_routes(const std::string& path) {
    CAPTURE(path);
    const EventLog log = read_log_file(path, {});
    const Dfg dfg = mine_dfg(log);
    const MapGeometry map = build_map_geometry(log, dfg);
    CHECK(map.touchpoints == dfg.num_activities);
    CHECK(map.steps == dfg.edges.size());
    int bad = 0;
    for (const MapCurve& e : map.edges)
        if (!e.self_loop) bad += points_in_other_boxes(map, e) > 0;
    CHECK(bad == 0);
    // Boxes never overlap each other.
    int overlaps = 0;
    for (uint32_t i = 0; i < map.nodes.size(); ++i)
        for (uint32_t j = i + 1; j < map.nodes.size(); ++j) {
            const MapBox &a = map.nodes[i], &b = map.nodes[j];
            overlaps += std::fabs(a.centre.x - b.centre.x) < a.half.x + b.half.x &&
                        std::fabs(a.centre.y - b.centre.y) < a.half.y + b.half.y;
        }
    CHECK(overlaps == 0);
}

} // namespace

TEST_SUITE("map_geometry") {
    TEST_CASE("curves go around boxes, never through them: samples and real logs") {
        check_routes((test::source_dir() / "samples" / "journeys_en.csv").string());
        check_routes((test::source_dir() / "samples" / "journeys_ja.csv").string());
        for (const char* rel : {"pm4py/running-example.csv", "eventdataR/sepsis.csv", "pm4py/receipt.csv"}) {
            const auto p = test::shared_dir() / "data" / rel;
            if (std::filesystem::exists(p)) check_routes(p.string());
        }
    }

    TEST_CASE("simplification, colourings and the text-width callback are honoured") {
        const EventLog log = read_log_file((test::source_dir() / "samples" / "journeys_en.csv").string(), {});
        const Dfg dfg = mine_dfg(log);
        const SimplifiedMap s = simplify_map(dfg, log.activities, 50, 30);
        MapGeometryOptions o;
        o.node_kept = s.node_kept;
        o.edge_kept = s.edge_kept;
        o.text_width = [](std::string_view) { return 200.0; };
        o.node_coloring = NodeColoring::channel;
        o.node_group.assign(dfg.num_activities, 2);
        const MapGeometry map = build_map_geometry(log, dfg, o);
        CHECK(map.touchpoints == s.nodes);
        CHECK(map.steps == s.edges);
        for (uint32_t i = 0; i < map.touchpoints; ++i) {
            CHECK(map.nodes[i].half.x * 2 >= 200 + 28);
            CHECK(map.nodes[i].fill == channel_rgb(2));
            CHECK(s.node_kept[map.nodes[i].activity]);
            CHECK(map.node_of_activity[map.nodes[i].activity] == i);
        }
        for (uint32_t i = 0; i < map.steps; ++i) CHECK(s.edge_kept[map.edges[i].dfg_edge]);
    }

    TEST_CASE("a slider move keeps the order of the boxes that stay") {
        const EventLog log = read_log_file((test::source_dir() / "samples" / "journeys_en.csv").string(), {});
        const Dfg dfg = mine_dfg(log);
        const MapGeometry full = build_map_geometry(log, dfg);
        MapGeometryOptions o;
        const SimplifiedMap s = simplify_map(dfg, log.activities, 70, 100);
        o.node_kept = s.node_kept;
        o.edge_kept = s.edge_kept;
        o.previous_y.assign(dfg.num_activities, std::nan(""));
        for (uint32_t i = 0; i < full.touchpoints; ++i)
            o.previous_y[full.nodes[i].activity] = full.nodes[i].centre.y;
        const MapGeometry less = build_map_geometry(log, dfg, o);
        REQUIRE(less.touchpoints < full.touchpoints);
        // Boxes that share a column before and after keep their vertical order.
        int kept_pairs = 0, swapped = 0;
        for (uint32_t i = 0; i < less.touchpoints; ++i)
            for (uint32_t j = 0; j < less.touchpoints; ++j) {
                const MapBox &a = less.nodes[i], &b = less.nodes[j];
                const MapBox &a0 = full.nodes[full.node_of_activity[a.activity]],
                             &b0 = full.nodes[full.node_of_activity[b.activity]];
                if (a.centre.x != b.centre.x || a0.centre.x != b0.centre.x || a0.centre.y >= b0.centre.y)
                    continue;
                ++kept_pairs;
                swapped += a.centre.y > b.centre.y;
            }
        CHECK(kept_pairs > 0);
        CHECK(swapped == 0);
    }
}

TEST_SUITE("map_geometry") {
    TEST_CASE("a catalog's stages become columns, left to right") {
        const EventLog log = read_log_file((test::source_dir() / "samples" / "journeys_en.csv").string(), {});
        const Dfg dfg = mine_dfg(log);
        const TouchpointMap tp = map_touchpoints(default_catalog_for(log), log);
        MapGeometryOptions o;
        o.node_stage = activity_stages(tp, log.num_activities());
        o.node_coloring = NodeColoring::channel;
        o.node_group = activity_channels(tp, log.num_activities());
        const MapGeometry map = build_map_geometry(log, dfg, o);
        int staged = 0;
        for (uint32_t i = 0; i < map.touchpoints; ++i)
            for (uint32_t j = 0; j < map.touchpoints; ++j) {
                const int32_t si = o.node_stage[map.nodes[i].activity],
                              sj = o.node_stage[map.nodes[j].activity];
                if (si < 0 || sj < 0 || si >= sj) continue;
                ++staged;
                CHECK(map.nodes[i].centre.x < map.nodes[j].centre.x);
            }
        CHECK(staged > 0);
        for (uint32_t i = 0; i < map.touchpoints; ++i)
            CHECK(map.nodes[i].fill == channel_rgb(o.node_group[map.nodes[i].activity]));
    }
}
