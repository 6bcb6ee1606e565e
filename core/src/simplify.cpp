// Map simplification (the two sliders): rank once, then keep by rank and repair reachability with a
// best-first frontier (see simplify.hpp for the rules).
#include "tabiji/simplify.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <queue>

namespace tabiji {

namespace {

// ceil(percent * n / 100), clamped to [0, n]; a tiny epsilon keeps 29% of 100 at 29 despite rounding.
uint32_t top_count(double percent, size_t n) {
    const double x = std::ceil(std::clamp(percent, 0.0, 100.0) * double(n) / 100.0 - 1e-9);
    return uint32_t(std::clamp(x, 0.0, double(n)));
}

// CSR of edge indices grouped by key(edge), each group in rank order.
void build_csr(const Dfg& g, const std::vector<uint32_t>& edge_order, bool by_source,
               std::vector<uint32_t>& off, std::vector<uint32_t>& idx) {
    off.assign(size_t(g.num_activities) + 1, 0);
    for (const DfgEdge& e : g.edges) ++off[(by_source ? e.from : e.to) + 1];
    for (uint32_t a = 0; a < g.num_activities; ++a) off[a + 1] += off[a];
    idx.resize(g.edges.size());
    std::vector<uint32_t> cursor(off.begin(), off.end() - 1);
    for (uint32_t k : edge_order) {
        const DfgEdge& e = g.edges[k];
        idx[cursor[by_source ? e.from : e.to]++] = k;
    }
}

} // namespace

MapSimplifier::MapSimplifier(const Dfg& dfg, const StringPool& names) : dfg_(dfg) {
    auto name = [&](uint32_t a) { return names.view(a); };
    for (uint32_t a = 0; a < dfg.num_activities; ++a)
        if (dfg.events[a]) node_order_.push_back(a);
    std::sort(node_order_.begin(), node_order_.end(), [&](uint32_t x, uint32_t y) {
        if (dfg.events[x] != dfg.events[y]) return dfg.events[x] > dfg.events[y];
        return name(x) < name(y);
    });
    edge_order_.resize(dfg.edges.size());
    std::iota(edge_order_.begin(), edge_order_.end(), 0u);
    std::sort(edge_order_.begin(), edge_order_.end(), [&](uint32_t x, uint32_t y) {
        const DfgEdge &a = dfg.edges[x], &b = dfg.edges[y];
        if (a.count != b.count) return a.count > b.count;
        if (a.from != b.from) return name(a.from) < name(b.from);
        return name(a.to) < name(b.to);
    });
    edge_rank_.resize(dfg.edges.size());
    for (uint32_t r = 0; r < edge_order_.size(); ++r) edge_rank_[edge_order_[r]] = r;
    build_csr(dfg, edge_order_, true, out_offsets_, out_);
    build_csr(dfg, edge_order_, false, in_offsets_, in_);
}

SimplifiedMap MapSimplifier::simplify(double activities_percent, double paths_percent) const {
    const Dfg& g = dfg_;
    SimplifiedMap m;
    m.node_kept.assign(g.num_activities, 0);
    m.edge_kept.assign(g.edges.size(), 0);
    m.edge_repair.assign(g.edges.size(), 0);

    // Rule 1: the top k touchpoints.
    uint32_t k = top_count(activities_percent, node_order_.size());
    if (k == 0 && !node_order_.empty()) k = 1;
    for (uint32_t i = 0; i < k; ++i) m.node_kept[node_order_[i]] = 1;
    m.nodes = k;

    // Rules 2 and 3: candidates, and the best ranked of them.
    auto candidate = [&](uint32_t e) { return m.node_kept[g.edges[e].from] && m.node_kept[g.edges[e].to]; };
    uint32_t num_candidates = 0;
    for (uint32_t e = 0; e < g.edges.size(); ++e) num_candidates += candidate(e);
    const uint32_t keep = top_count(paths_percent, num_candidates);
    for (uint32_t r = 0, taken = 0; r < edge_order_.size() && taken < keep; ++r)
        if (candidate(edge_order_[r])) m.edge_kept[edge_order_[r]] = 1, ++taken;

    // Rule 4: grow the reached set over kept edges; candidate edges leaving it wait in a min-heap of ranks;
    // the best waiting edge into an unreached touchpoint is added back, until the heap is empty.
    auto repair = [&](bool forward, const std::vector<uint64_t>& seeds) {
        const std::vector<uint32_t>& off = forward ? out_offsets_ : in_offsets_;
        const std::vector<uint32_t>& idx = forward ? out_ : in_;
        auto far = [&](uint32_t e) { return forward ? g.edges[e].to : g.edges[e].from; };
        std::vector<uint8_t> reached(g.num_activities, 0);
        std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<>> waiting;
        std::vector<uint32_t> stack;
        auto reach = [&](uint32_t v) {
            reached[v] = 1;
            stack.push_back(v);
            while (!stack.empty()) {
                const uint32_t u = stack.back();
                stack.pop_back();
                for (uint32_t i = off[u]; i < off[u + 1]; ++i) {
                    const uint32_t e = idx[i], w = far(e);
                    if (reached[w] || !candidate(e)) continue;
                    if (m.edge_kept[e]) {
                        reached[w] = 1;
                        stack.push_back(w);
                    } else {
                        waiting.push(edge_rank_[e]);
                    }
                }
            }
        };
        for (uint32_t a = 0; a < g.num_activities; ++a)
            if (m.node_kept[a] && seeds[a] && !reached[a]) reach(a);
        while (!waiting.empty()) {
            const uint32_t e = edge_order_[waiting.top()];
            waiting.pop();
            if (reached[far(e)]) continue;
            m.edge_kept[e] = 1;
            m.edge_repair[e] = 1;
            ++m.repaired;
            reach(far(e));
        }
    };
    repair(true, g.starts);
    repair(false, g.ends);

    m.edges = uint32_t(std::count(m.edge_kept.begin(), m.edge_kept.end(), uint8_t(1)));
    return m;
}

SimplifiedMap simplify_map(const Dfg& dfg, const StringPool& names, double activities_percent,
                           double paths_percent) {
    return MapSimplifier(dfg, names).simplify(activities_percent, paths_percent);
}

} // namespace tabiji
