// Layered layout: layers follow the edges, cycles are broken, crossings are removed where possible; the
// same layout in slices (steps.hpp).
#include "tabiji/generate_graph.hpp"
#include "tabiji/layout.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>

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

TEST_SUITE("layout in slices") {
    // A generated journey graph as layout input (what map_geometry feeds it, without the boxes' sizes).
    LayoutInput graph_input(uint32_t nodes, uint32_t edges) {
        const JourneyGraph g = generate_journey_graph(nodes, edges, 7);
        LayoutInput in;
        in.num_nodes = g.dfg.num_activities;
        for (const DfgEdge& e : g.dfg.edges)
            if (e.from != e.to) in.edges.push_back({e.from, e.to, double(e.count)});
        return in;
    }

    TEST_CASE("a big graph is laid out in many short slices, progress rising to 1, same result") {
        const LayoutInput in = graph_input(2000, 20000);
        LayoutResult sliced;
        Steps steps = layout_layered_steps(in, sliced);
        CHECK(!steps.done()); // nothing runs before the first step
        double last = 0;
        int slices = 0;
        bool monotone = true;
        while (!steps.done()) {
            steps.step();
            ++slices;
            monotone = monotone && steps.progress() >= last && steps.progress() <= 1;
            last = steps.progress();
        }
        CHECK(monotone);
        CHECK(last == 1);
        CHECK(slices >= 20); // a 2,000-node graph is far more than one slice of work
        const LayoutResult whole = layout_layered(in);
        CHECK(sliced.num_layers == whole.num_layers);
        CHECK(sliced.crossings == whole.crossings);
        CHECK(sliced.order == whole.order);
        CHECK(sliced.y == whole.y);
        // And a real layout: every edge not reversed goes rightwards.
        for (size_t k = 0; k < in.edges.size(); ++k)
            if (!sliced.reversed[k]) CHECK(sliced.layer[in.edges[k].from] < sliced.layer[in.edges[k].to]);
    }

    TEST_CASE("a small graph takes one slice") {
        LayoutInput in;
        in.num_nodes = 3;
        in.edges = {{0, 1}, {1, 2}};
        LayoutResult r;
        Steps steps = layout_layered_steps(in, r);
        steps.step();
        CHECK(steps.done());
        CHECK(r.layer == std::vector<uint32_t>{0, 1, 2});
    }

    TEST_CASE("a build dropped half-way frees what it held and leaves nothing running") {
        const LayoutInput in = graph_input(500, 5000);
        LayoutResult r;
        {
            Steps steps = layout_layered_steps(in, r);
            for (int i = 0; i < 3 && !steps.done(); ++i) steps.step();
            CHECK(!steps.done());
        } // destroyed mid-way: the sanitizer build checks nothing leaks
        Steps moved = layout_layered_steps(in, r);
        Steps other = std::move(moved);
        CHECK(moved.done()); // the moved-from Steps holds nothing
        other.run();
        CHECK(r.num_layers > 1);
    }
}

TEST_SUITE("steps") {
    Steps throws_after(int n, int& ran) {
        for (int i = 0; i < n; ++i) {
            ++ran;
            co_yield double(i) / n;
        }
        throw std::runtime_error("bad input at slice " + std::to_string(n));
    }

    TEST_CASE("an exception inside is rethrown by the step that met it, then the work is done") {
        int ran = 0;
        Steps s = throws_after(2, ran);
        s.step();
        s.step();
        CHECK(ran == 2);
        CHECK(s.progress() == doctest::Approx(0.5));
        CHECK_THROWS_WITH_AS(s.step(), "bad input at slice 2", std::runtime_error);
        CHECK(s.done());
        s.step(); // a done Steps ignores further steps
        CHECK(ran == 2);
    }
}
