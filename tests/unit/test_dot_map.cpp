// The DOT exporter: display order, escaping, decorations, hidden nodes and edges; short durations.
#include "tabiji/dfg.hpp"
#include "tabiji/dot_map.hpp"
#include "tabiji/read_csv.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

TEST_SUITE("dot_map") {
    TEST_CASE("nodes and edges in display order, names escaped, decorations applied") {
        // Two customers: A -> "B" (with quotes) twice, then B -> C once.
        const EventLog log =
            read_csv("case,activity\n1,A\n1,\"say \"\"hi\"\"\"\n2,A\n2,\"say \"\"hi\"\"\"\n2,C\n", "t", {});
        const Dfg dfg = mine_dfg(log);
        DotMap m = default_dot_map(dfg);
        const uint32_t c = log.activities.find("C");
        m.node_attributes[c] = "penwidth=2";
        const std::string dot = write_dot(log, dfg, m);
        CHECK(dot == "digraph journeys {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n"
                     "  \"A\" [label=\"A\\n2\"];\n"
                     "  \"say \\\"hi\\\"\" [label=\"say \\\"hi\\\"\\n2\"];\n"
                     "  \"C\" [label=\"C\\n1\", penwidth=2];\n"
                     "  \"A\" -> \"say \\\"hi\\\"\" [label=\"2\"];\n"
                     "  \"say \\\"hi\\\"\" -> \"C\" [label=\"1\"];\n"
                     "}\n");
        m.node_shown[c] = 0;
        for (size_t k = 0; k < dfg.edges.size(); ++k) m.edge_shown[k] = dfg.edges[k].to != c;
        const std::string hidden = write_dot(log, dfg, m);
        CHECK(hidden.find("\"C\"") == std::string::npos);
    }

    TEST_CASE("short durations pick the largest unit, one decimal below ten") {
        CHECK(short_duration(45) == "45 s");
        CHECK(short_duration(120) == "2 min");
        CHECK(short_duration(12 * 60 + 20) == "12 min");
        CHECK(short_duration(3.5 * 3600) == "3.5 h");
        CHECK(short_duration(2.1 * 86400) == "2.1 d");
        CHECK(short_duration(30 * 86400) == "30 d");
        CHECK(short_duration(0) == "0 s");
        CHECK(short_duration(0.4) == "0.4 s");
    }
}
