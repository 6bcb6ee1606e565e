// The synthetic journey graph (see generate_graph.hpp).
#include "tabiji/generate_graph.hpp"

#include "splitmix.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace tabiji {

JourneyGraph generate_journey_graph(uint32_t nodes, uint32_t edges, uint64_t seed) {
    JourneyGraph g;
    SplitMix64 rng{seed};
    nodes = std::max<uint32_t>(nodes, 2);
    // Stages of about sqrt(nodes) * 1.5 touchpoints each.
    const uint32_t per_stage = std::max<uint32_t>(2, uint32_t(std::sqrt(double(nodes)) * 1.5));
    const uint32_t stages = (nodes + per_stage - 1) / per_stage;
    for (uint32_t v = 0; v < nodes; ++v)
        g.log.activities.intern("T" + std::to_string(v / per_stage) + "." + std::to_string(v % per_stage));
    auto stage_of = [&](uint32_t v) { return v / per_stage; };
    auto pick_in = [&](uint32_t stage) {
        const uint32_t first = stage * per_stage, last = std::min(nodes, first + per_stage);
        return first + uint32_t(rng.below(last - first));
    };
    std::set<std::pair<uint32_t, uint32_t>> pairs;
    const uint64_t max_pairs = uint64_t(nodes) * (nodes - 1);
    const uint64_t want = std::min<uint64_t>(edges, max_pairs);
    // Every touchpoint first gets one step forward (or back from the last stage), then random ones.
    for (uint32_t v = 0; v < nodes && pairs.size() < want; ++v) {
        const uint32_t s = stage_of(v);
        const uint32_t w = pick_in(s + 1 < stages ? s + 1 : (s > 0 ? s - 1 : s));
        if (w != v) pairs.insert({v, w});
    }
    for (uint64_t tries = 0; pairs.size() < want && tries < want * 20; ++tries) {
        const auto v = uint32_t(rng.below(nodes)), s = stage_of(v), r = uint32_t(rng.below(100));
        uint32_t target_stage = s;
        if (r < 70)
            target_stage = s + 1;
        else if (r < 90)
            target_stage = s + 2;
        else if (s > 0)
            target_stage = s - 1 - uint32_t(rng.below(std::min<uint32_t>(s, 2)));
        if (target_stage >= stages || target_stage == s) continue;
        const uint32_t w = pick_in(target_stage);
        pairs.insert({v, w});
    }
    Dfg& d = g.dfg;
    d.num_activities = nodes;
    d.events.assign(nodes, 0);
    d.cases.assign(nodes, 0);
    d.starts.assign(nodes, 0);
    d.ends.assign(nodes, 0);
    for (const auto& [a, b] : pairs) {
        // Counts fall off with the stage and at random, like a long tail.
        const uint64_t c = 1 + uint64_t(1000.0 / (1.0 + stage_of(a)) / (1.0 + rng.below(50)) /
                                        (stage_of(b) < stage_of(a) ? 20.0 : 1.0));
        d.edges.push_back({a, b, c, std::max<uint64_t>(1, c * 4 / 5)});
        d.events[a] += c;
    }
    for (uint32_t v = 0; v < nodes; ++v) {
        if (stage_of(v) == 0) d.starts[v] = 1 + rng.below(200);
        if (stage_of(v) + 1 == stages) d.ends[v] = 1 + rng.below(200);
        d.events[v] += d.ends[v] + 1;
        d.cases[v] = std::max<uint64_t>(1, d.events[v] * 3 / 4);
    }
    for (uint32_t v = 0; v < nodes; ++v) d.num_cases += uint32_t(d.starts[v]);
    for (uint32_t v = 0; v < nodes; ++v) d.num_events += d.events[v];
    return g;
}

} // namespace tabiji
