// Placing training tokens on the map (see training_tokens.hpp).
#include "training_tokens.hpp"

#include <algorithm>

namespace tabiji::web {

namespace {
constexpr Rgba kReplayColor{0.85f, 0.22f, 0.32f, 1};         // the replayed customer
constexpr Rgba kPopulationColor{0.93f, 0.45f, 0.10f, 0.55f}; // one of many: translucent, so piles show

int64_t node_of_activity(const JourneyMap& map, uint32_t activity) {
    return activity < map.node_of_activity.size() && map.node_of_activity[activity] != UINT32_MAX
               ? int64_t(map.node_of_activity[activity])
               : -1;
}
} // namespace

void TrainingTokens::index(const JourneyMap& map) {
    if (indexed_ == &map && indexed_edges_ == map.edges.size()) return;
    edge_of_.clear();
    for (uint32_t i = 0; i < map.steps && i < map.edges.size(); ++i) {
        const MapEdge& e = map.edges[i];
        if (e.from >= map.touchpoints || e.to >= map.touchpoints) continue;
        const uint64_t key = uint64_t(map.nodes[e.from].activity) << 32 | map.nodes[e.to].activity;
        edge_of_.emplace(key, i);
    }
    indexed_ = &map;
    indexed_edges_ = map.edges.size();
}

bool TrainingTokens::place(const JourneyMap& map, uint32_t from, uint32_t to, float t,
                           TokenInstance& out) const {
    if (from != to || t > 0) {
        const auto it = edge_of_.find(uint64_t(from) << 32 | to);
        if (it != edge_of_.end()) {
            // The curve is a chain of cubic segments: the token rides the one that holds t.
            const MapEdge& e = map.edges[it->second];
            const size_t segments = (e.c.size() - 1) / 3;
            const float at = std::clamp(t, 0.0f, 1.0f) * float(segments);
            const size_t s = std::min(segments - 1, size_t(at));
            for (int k = 0; k < 4; ++k) out.p[k] = to_vec2(e.c[s * 3 + k]);
            out.t = at - float(s);
            return true;
        }
    }
    // At a node (or an edge the map does not draw): the node's centre.
    const uint32_t activity = t >= 0.5f ? to : from;
    const uint32_t a = activity < map.node_of_activity.size() ? map.node_of_activity[activity] : UINT32_MAX;
    if (a >= map.touchpoints) return false;
    for (int k = 0; k < 4; ++k) out.p[k] = to_vec2(map.nodes[a].centre);
    out.t = 0;
    return true;
}

void add_training_path(const TrainingSession& session, const JourneyMap& map, Highlight& h) {
    const bool quiz = session.mode == TrainingMode::quiz;
    if (!quiz && session.mode != TrainingMode::replay) return;
    const auto& steps = quiz ? session.quiz.steps : session.replay.steps;
    size_t upto = quiz ? (session.quiz.revealed ? session.quiz.question.step + 1 : session.quiz.question.step)
                       : session.replay.step + 1;
    upto = std::min(upto, steps.size());
    // Touchpoint nodes are the first map.touchpoints nodes; node_of_activity finds an activity's.
    auto node_of = [&](uint32_t activity) { return node_of_activity(map, activity); };
    for (size_t i = 0; i < upto; ++i) {
        if (node_of(steps[i].activity) >= 0) h.path_nodes.push_back(uint32_t(node_of(steps[i].activity)));
        if (i == 0) continue;
        for (uint32_t e = 0; e < map.steps && e < map.edges.size(); ++e) {
            const MapEdge& edge = map.edges[e];
            if (map.nodes[edge.from].activity == steps[i - 1].activity &&
                map.nodes[edge.to].activity == steps[i].activity && edge.from < map.touchpoints &&
                edge.to < map.touchpoints)
                h.path_edges.push_back(e);
        }
    }
    for (auto* v : {&h.path_nodes, &h.path_edges}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
}

const std::vector<TokenInstance>& TrainingTokens::build(const TrainingSession& session,
                                                        const JourneyMap& map) {
    tokens_.clear();
    index(map);
    if (session.mode == TrainingMode::replay || session.mode == TrainingMode::quiz) {
        const bool quiz = session.mode == TrainingMode::quiz;
        const auto& steps = quiz ? session.quiz.steps : session.replay.steps;
        // Quiz: the token waits at the step before the one asked for, until the answer is revealed.
        size_t step = quiz ? session.quiz.question.step : session.replay.step;
        if (quiz && !session.quiz.revealed) step = step ? step - 1 : 0;
        if (step >= steps.size()) step = steps.empty() ? 0 : steps.size() - 1;
        if (!steps.empty()) {
            TokenInstance tok;
            tok.radius = 9;
            tok.color = kReplayColor;
            const float progress = quiz ? 1.0f : session.replay.progress;
            const bool travelling = step > 0 && progress < 1;
            const bool ok = travelling
                                ? place(map, steps[step - 1].activity, steps[step].activity, progress, tok)
                                : place(map, steps[step].activity, steps[step].activity, 0, tok);
            if (ok) tokens_.push_back(tok);
        }
    } else if (session.mode == TrainingMode::population) {
        tokens_.reserve(session.population.tokens.size());
        TokenInstance tok;
        tok.radius = 3;
        tok.color = kPopulationColor;
        for (const PopulationToken& p : session.population.tokens) {
            if (!place(map, p.from, p.to, p.fraction, tok)) continue;
            // Spread tokens a little (the same way for a customer every frame), so a crowd shows as a crowd:
            // inside the box at a node, a few units across the curve on an edge.
            const bool at_node = p.from == p.to || p.fraction <= 0;
            const int64_t node = at_node ? node_of_activity(map, p.from) : -1;
            const Vec2 spread = node >= 0 ? to_vec2(map.nodes[size_t(node)].half) : Vec2{5, 5};
            uint32_t h = p.case_index * 2654435761u;
            const float jx = (float((h >> 8) & 1023) / 1023 - 0.5f) * 1.6f * spread.x;
            h = h * 2246822519u + 374761393u;
            const float jy = (float((h >> 8) & 1023) / 1023 - 0.5f) * 1.6f * spread.y;
            for (Vec2& q : tok.p) q = {q.x + jx, q.y + jy};
            tokens_.push_back(tok);
        }
    }
    return tokens_;
}

} // namespace tabiji::web
