// Markov-chain attribution with removal effects, on textbook examples computed by hand.
#include "tabiji/markov.hpp"
#include "tabiji/read_csv.hpp"

#include <doctest/doctest.h>

using namespace tabiji;

TEST_CASE("cx markov: the classic three-channel example") {
    // Paths: C1 > C2 > C3 > conversion; C1 > null; C2 > C3 > null.
    // Transitions: START->C1 2/3, START->C2 1/3; C1->C2 1/2, C1->NULL 1/2; C2->C3 1; C3->CONV 1/2, C3->NULL
    // 1/2. reach: C3 = 1/2; C2 = C3 = 1/2; C1 = 1/2 * C2 = 1/4; START = 2/3 * 1/4 + 1/3 * 1/2 = 1/3 (= 1 of 3
    // paths). Remove C1: START->C1 goes to NULL: 1/3 * 1/2 = 1/6, RE = (1/3 - 1/6) / (1/3) = 0.5. Remove C2:
    // both ways to C3 pass C2: 0, RE = 1. Remove C3: 0, RE = 1. Shares: 0.5 / 2.5 = 0.2, 1 / 2.5 = 0.4, 0.4;
    // attributed conversions the same (1 conversion). The log form: the goal event ends a converted journey;
    // touchpoints C1, C2, C3 are activities 0, 1, 2.
    const EventLog log = read_csv("case,activity\na,C1\na,C2\na,C3\na,Goal\nb,C1\nc,C2\nc,C3\n", "m.csv", {});
    Catalog none;
    const TouchpointMap map = map_touchpoints(none, log); // ad-hoc touchpoints in activity order
    const uint32_t goal = map.find("Goal");
    const auto paths = markov_paths(log, LogView{}, map, {goal});
    REQUIRE(paths.size() == 3);
    CHECK(paths[0].converted);
    CHECK(paths[0].touchpoints.size() == 3);
    const MarkovAttribution m = markov_attribution(paths);
    CHECK(m.paths == 3);
    CHECK(m.conversions == 1);
    CHECK(m.conversion_probability == doctest::Approx(1.0 / 3.0).epsilon(1e-12));
    REQUIRE(m.touchpoints.size() == 3);
    CHECK(map.names[m.touchpoints[0]] == "C1");
    CHECK(m.reach_goal[0] == doctest::Approx(0.25).epsilon(1e-12));
    CHECK(m.reach_goal[1] == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(m.reach_goal[2] == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(m.removal_effect[0] == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(m.removal_effect[1] == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(m.removal_effect[2] == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(m.share[0] == doctest::Approx(0.2).epsilon(1e-12));
    CHECK(m.share[1] == doctest::Approx(0.4).epsilon(1e-12));
    CHECK(m.share[2] == doctest::Approx(0.4).epsilon(1e-12));
    CHECK(m.attributed_conversions[1] == doctest::Approx(0.4).epsilon(1e-12));
    // Transitions: START rows first: START->C1 (2), START->C2 (1).
    REQUIRE(m.transitions.size() >= 2);
    CHECK(m.transitions[0].from == MarkovAttribution::kStart);
    CHECK(m.transitions[0].count == 2);
    CHECK(m.transitions[0].probability == doctest::Approx(2.0 / 3.0));
}

TEST_CASE("cx markov: a loop and a self-transition need the linear system") {
    // Paths: A > B > conv; B > A > null; A > A > null.
    // A leaves 4 times: ->B 1, ->A 1, ->NULL 2; B leaves twice: ->CONV 1, ->A 1. START->A 2/3, START->B 1/3.
    // x_A = 1/4 x_B + 1/4 x_A  =>  x_A = x_B / 3;   x_B = 1/2 + 1/2 x_A = 1/2 + x_B / 6  =>  x_B = 3/5, x_A =
    // 1/5. START = 2/3 * 1/5 + 1/3 * 3/5 = 2/15 + 3/15 = 1/3. Remove A: x_B = 1/2 (B->A goes to NULL), START
    // = 1/3 * 1/2 = 1/6, RE_A = 1/2. Remove B: x_A = 1/4 x_A => 0, START = 0, RE_B = 1. Shares 1/3, 2/3.
    const MarkovAttribution m =
        markov_attribution({{{0, 1}, true, 1}, {{1, 0}, false, 1}, {{0, 0}, false, 1}});
    CHECK(m.conversion_probability == doctest::Approx(1.0 / 3.0).epsilon(1e-12));
    CHECK(m.reach_goal[0] == doctest::Approx(0.2).epsilon(1e-12));
    CHECK(m.reach_goal[1] == doctest::Approx(0.6).epsilon(1e-12));
    CHECK(m.removal_effect[0] == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(m.removal_effect[1] == doctest::Approx(1.0).epsilon(1e-12));
    CHECK(m.share[0] == doctest::Approx(1.0 / 3.0).epsilon(1e-12));
    CHECK(m.share[1] == doctest::Approx(2.0 / 3.0).epsilon(1e-12));

    // No conversion at all: probabilities and effects 0, shares 0.
    const MarkovAttribution z = markov_attribution({{{0}, false, 3}});
    CHECK(z.conversion_probability == 0.0);
    CHECK(z.removal_effect[0] == 0.0);
    CHECK(z.share[0] == 0.0);
}
