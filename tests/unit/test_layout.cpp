// Layered layout: layers follow the edges, cycles are broken, crossings are removed where possible.
#include "tabiji/layout.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace tabiji;

TEST_SUITE("layout") {
    TEST_CASE("a chain goes left to right, one layer per step") {
        LayoutInput in;
        in.num_nodes = 3;
        in.edges = {{0, 1}, {1, 2}};
        const auto r = layout_layered(in);
        CHECK(r.layer == std::vector<uint32_t>{0, 1, 2});
        CHECK(r.x[0] < r.x[1]);
        CHECK(r.x[1] < r.x[2]);
        CHECK(r.num_layers == 3);
    }

    TEST_CASE("a cycle is broken by reversing exactly one edge, the lighter one") {
        LayoutInput in;
        in.num_nodes = 3;
        in.edges = {{0, 1, 10}, {1, 2, 10}, {2, 0, 1}};
        in.sources = {0};
        const auto r = layout_layered(in);
        CHECK(r.reversed == std::vector<bool>{false, false, true});
        CHECK(r.layer[0] < r.layer[1]);
        CHECK(r.layer[1] < r.layer[2]);
        // The reversed edge is still routed from its own source to its own target.
        CHECK(r.edge_points[2].front().x == r.x[2]);
        CHECK(r.edge_points[2].back().x == r.x[0]);
    }

    TEST_CASE("a long edge passes through one point per layer it crosses") {
        LayoutInput in;
        in.num_nodes = 4;
        in.edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}};
        const auto r = layout_layered(in);
        CHECK(r.layer[3] == 3);
        CHECK(r.edge_points[3].size() == 4);
    }

    TEST_CASE("crossing reduction untangles a crossed bipartite graph") {
        // Upper layer a0, a1 (sources), lower b0, b1 with a0->b1, a1->b0: one crossing unless reordered.
        LayoutInput in;
        in.num_nodes = 4;
        in.edges = {{0, 3}, {1, 2}};
        in.sources = {0, 1};
        const auto r = layout_layered(in);
        // Lower nodes must be in the same relative order as their upper neighbours.
        CHECK((r.order[0] < r.order[1]) == (r.order[3] < r.order[2]));
    }

    TEST_CASE("self-loops and isolated nodes do not break the layout") {
        LayoutInput in;
        in.num_nodes = 3;
        in.edges = {{0, 0}, {0, 1}};
        const auto r = layout_layered(in);
        CHECK(r.layer[1] == 1);
        CHECK(r.edge_points[0].size() == 1);
        CHECK(r.x.size() == 3);
    }
}

TEST_SUITE("layout") {
    TEST_CASE("stages are columns: a later stage lies right of an earlier one, steps back are back edges") {
        LayoutInput in;
        in.num_nodes = 3; // A (stage 0) -> B (stage 1) -> C (stage 0)
        in.edges = {{0, 1}, {1, 2}};
        in.stage = {0, 1, 0};
        const auto r = layout_layered(in);
        CHECK(r.layer[0] < r.layer[1]);
        CHECK(r.layer[2] < r.layer[1]);
        CHECK(r.reversed == std::vector<bool>{false, true});
        // Without stages the chain is simply left to right.
        in.stage.clear();
        const auto plain = layout_layered(in);
        CHECK(plain.layer == std::vector<uint32_t>{0, 1, 2});
    }

    TEST_CASE("sources take the first layer, sinks the last") {
        LayoutInput in;
        in.num_nodes = 5; // 0 start, 4 end; 1 -> 2 -> 3; the end is reached from 1 and 3
        in.edges = {{0, 1}, {1, 2}, {2, 3}, {1, 4}, {3, 4}, {0, 3}};
        in.sources = {0};
        in.sinks = {4};
        const auto r = layout_layered(in);
        CHECK(r.layer[0] == 0);
        for (uint32_t v = 1; v < 4; ++v) CHECK(r.layer[v] > 0);
        for (uint32_t v = 0; v < 4; ++v) CHECK(r.layer[v] < r.layer[4]);
        CHECK(r.layer[4] == r.num_layers - 1);
    }

    TEST_CASE("boxes of a layer never overlap, whatever their heights") {
        LayoutInput in;
        in.num_nodes = 7;
        in.edges = {{0, 1}, {0, 2}, {0, 3}, {1, 4}, {2, 5}, {3, 6}, {0, 6}};
        in.node_height = {10, 80, 20, 60, 40, 40, 100};
        in.node_width = {50, 120, 60, 90, 30, 30, 70};
        in.node_gap = 12;
        const auto r = layout_layered(in);
        for (uint32_t a = 0; a < 7; ++a)
            for (uint32_t b = a + 1; b < 7; ++b)
                if (r.layer[a] == r.layer[b])
                    CHECK(std::abs(r.y[a] - r.y[b]) + 1e-9 >=
                          (in.node_height[a] + in.node_height[b]) / 2 + 12);
        // Columns are as wide as their widest box, with the gap between them.
        CHECK(r.layer_width[r.layer[1]] >= 120);
        CHECK(r.layer_x[1] - r.layer_x[0] ==
              doctest::Approx((r.layer_width[0] + r.layer_width[1]) / 2 + in.layer_gap));
    }

    TEST_CASE("with the previous positions, the same graph keeps its order and place") {
        LayoutInput in;
        in.num_nodes = 8;
        in.edges = {{0, 1}, {0, 2}, {0, 3}, {1, 4}, {2, 4}, {3, 5}, {4, 6}, {5, 6}, {1, 7}, {7, 6}, {2, 5}};
        const auto first = layout_layered(in);
        in.previous_y = first.y;
        const auto again = layout_layered(in);
        CHECK(again.order == first.order);
        for (uint32_t v = 0; v < 8; ++v) CHECK(again.y[v] == doctest::Approx(first.y[v]).epsilon(1e-6));
        // A node the previous layout did not have (NaN) is placed without disturbing the others' order.
        in.previous_y[7] = std::nan("");
        const auto seeded = layout_layered(in);
        for (uint32_t a = 0; a < 7; ++a)
            for (uint32_t b = 0; b < 7; ++b)
                if (seeded.layer[a] == seeded.layer[b] && first.order[a] < first.order[b])
                    CHECK(seeded.order[a] < seeded.order[b]);
    }
}
