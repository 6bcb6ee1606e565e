// Layered layout: layers follow the edges, cycles are broken, crossings are removed where possible.
#include "tabiji/layout.hpp"

#include <doctest/doctest.h>

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
