// Layered layout in four steps:
//   1. cycle breaking: depth-first search from the sources (then the heaviest unvisited nodes); an edge
//      closing a cycle (to a node still on the DFS stack) is reversed. Self-loops are left out.
//   2. layer assignment: longest path from the nodes without incoming edges; an edge spanning several
//      layers gets one dummy node per inner layer.
//   3. crossing reduction: barycentre sweeps, down then up, keeping the order with the fewest crossings
//      (counted exactly by inversions between adjacent layers).
//   4. coordinates: layers are columns (x), order inside a layer is y, each layer centred vertically.
#include "tabiji/layout.hpp"

#include <algorithm>
#include <numeric>

namespace tabiji {

namespace {

struct Graph {
    uint32_t n = 0;
    std::vector<std::vector<uint32_t>> out, in;
};

// Crossings between layer L and L+1 given positions: edges as (pos upper, pos lower); count inversions.
uint64_t count_crossings(std::vector<std::pair<uint32_t, uint32_t>>& e, size_t lower_size) {
    std::sort(e.begin(), e.end());
    std::vector<uint32_t> fenwick(lower_size + 1, 0);
    uint64_t crossings = 0, seen = 0;
    for (const auto& [u, v] : e) {
        // Edges already seen whose lower end is greater than v cross this one.
        uint64_t le = 0;
        for (size_t i = v + 1; i > 0; i -= i & (~i + 1)) le += fenwick[i];
        crossings += seen - le;
        for (size_t i = v + 1; i <= lower_size; i += i & (~i + 1)) ++fenwick[i];
        ++seen;
    }
    return crossings;
}

} // namespace

LayoutResult layout_layered(const LayoutInput& in) {
    const uint32_t n = in.num_nodes;
    LayoutResult r;
    r.layer.assign(n, 0);
    r.order.assign(n, 0);
    r.x.assign(n, 0);
    r.y.assign(n, 0);
    r.reversed.assign(in.edges.size(), false);
    r.edge_points.assign(in.edges.size(), {});
    if (n == 0) return r;

    auto weight = [&](uint32_t v) { return v < in.node_weight.size() ? in.node_weight[v] : 0.0; };

    // 1. Cycle breaking by DFS. Heavier edges are explored first so they keep their direction.
    std::vector<std::vector<uint32_t>> out_edges(n);
    for (uint32_t k = 0; k < in.edges.size(); ++k)
        if (in.edges[k].from != in.edges[k].to) out_edges[in.edges[k].from].push_back(k);
    for (auto& list : out_edges)
        std::stable_sort(list.begin(), list.end(),
                         [&](uint32_t a, uint32_t b) { return in.edges[a].weight > in.edges[b].weight; });
    std::vector<uint32_t> roots(in.sources.begin(), in.sources.end());
    std::vector<uint32_t> by_weight(n);
    std::iota(by_weight.begin(), by_weight.end(), 0u);
    std::stable_sort(by_weight.begin(), by_weight.end(),
                     [&](uint32_t a, uint32_t b) { return weight(a) > weight(b); });
    roots.insert(roots.end(), by_weight.begin(), by_weight.end());

    enum : uint8_t { kNew, kOnStack, kDone };
    std::vector<uint8_t> state(n, kNew);
    std::vector<uint32_t> discovery; // DFS discovery order: the initial order inside layers
    std::vector<std::pair<uint32_t, size_t>> stack;
    for (uint32_t root : roots) {
        if (root >= n || state[root] != kNew) continue;
        state[root] = kOnStack;
        discovery.push_back(root);
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            if (next == out_edges[v].size()) {
                state[v] = kDone;
                stack.pop_back();
                continue;
            }
            const uint32_t k = out_edges[v][next++];
            const uint32_t w = in.edges[k].to;
            if (state[w] == kOnStack)
                r.reversed[k] = true;
            else if (state[w] == kNew) {
                state[w] = kOnStack;
                discovery.push_back(w);
                stack.push_back({w, 0});
            }
        }
    }

    // 2. Longest-path layering over the acyclic orientation (Kahn's order).
    Graph g;
    g.n = n;
    g.out.resize(n);
    g.in.resize(n);
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        uint32_t a = in.edges[k].from, b = in.edges[k].to;
        if (a == b) continue;
        if (r.reversed[k]) std::swap(a, b);
        g.out[a].push_back(b);
        g.in[b].push_back(a);
    }
    std::vector<uint32_t> indeg(n);
    for (uint32_t v = 0; v < n; ++v) indeg[v] = uint32_t(g.in[v].size());
    std::vector<uint32_t> queue;
    for (uint32_t v : discovery)
        if (indeg[v] == 0) queue.push_back(v);
    for (size_t qi = 0; qi < queue.size(); ++qi) {
        const uint32_t v = queue[qi];
        for (uint32_t w : g.out[v]) {
            r.layer[w] = std::max(r.layer[w], r.layer[v] + 1);
            if (--indeg[w] == 0) queue.push_back(w);
        }
    }
    r.num_layers = 1 + *std::max_element(r.layer.begin(), r.layer.end());

    // Dummy nodes for long edges; ids n, n+1, ... Each layered edge is a chain of unit-length segments.
    std::vector<uint32_t> node_layer(r.layer.begin(), r.layer.end());
    std::vector<std::vector<uint32_t>> chain(
        in.edges.size());                              // per edge: its nodes from upper to lower layer
    std::vector<std::vector<uint32_t>> down(n), up(n); // unit segments
    auto add_segment = [&](uint32_t a, uint32_t b) {
        down[a].push_back(b);
        up[b].push_back(a);
    };
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        uint32_t a = in.edges[k].from, b = in.edges[k].to;
        if (a == b) continue;
        if (r.reversed[k]) std::swap(a, b);
        chain[k].push_back(a);
        uint32_t prev = a;
        for (uint32_t L = node_layer[a] + 1; L < node_layer[b]; ++L) {
            const uint32_t d = uint32_t(node_layer.size());
            node_layer.push_back(L);
            down.emplace_back();
            up.emplace_back();
            add_segment(prev, d);
            chain[k].push_back(d);
            prev = d;
        }
        add_segment(prev, b);
        chain[k].push_back(b);
    }
    const uint32_t total = uint32_t(node_layer.size());

    // 3. Crossing reduction.
    std::vector<std::vector<uint32_t>> layers(r.num_layers);
    std::vector<uint8_t> placed(total, 0);
    for (uint32_t v : discovery) {
        layers[node_layer[v]].push_back(v);
        placed[v] = 1;
    }
    for (uint32_t v = 0; v < total; ++v)
        if (!placed[v]) layers[node_layer[v]].push_back(v);
    std::vector<uint32_t> pos(total);
    auto index_positions = [&] {
        for (auto& layer : layers)
            for (uint32_t i = 0; i < layer.size(); ++i) pos[layer[i]] = i;
    };
    auto total_crossings = [&] {
        uint64_t c = 0;
        std::vector<std::pair<uint32_t, uint32_t>> e;
        for (uint32_t L = 0; L + 1 < r.num_layers; ++L) {
            e.clear();
            for (uint32_t v : layers[L])
                for (uint32_t w : down[v]) e.push_back({pos[v], pos[w]});
            c += count_crossings(e, layers[L + 1].size());
        }
        return c;
    };
    auto sweep = [&](bool downward) {
        std::vector<double> bary(total);
        for (uint32_t step = 1; step < r.num_layers; ++step) {
            const uint32_t L = downward ? step : r.num_layers - 1 - step;
            auto& layer = layers[L];
            for (uint32_t v : layer) {
                const auto& nb = downward ? up[v] : down[v];
                if (nb.empty()) {
                    bary[v] = pos[v];
                    continue;
                }
                double s = 0;
                for (uint32_t w : nb) s += pos[w];
                bary[v] = s / double(nb.size());
            }
            std::stable_sort(layer.begin(), layer.end(),
                             [&](uint32_t a, uint32_t b) { return bary[a] < bary[b]; });
            for (uint32_t i = 0; i < layer.size(); ++i) pos[layer[i]] = i;
        }
    };
    index_positions();
    auto best = layers;
    uint64_t best_crossings = total_crossings();
    for (int iter = 0; iter < 12 && best_crossings > 0; ++iter) {
        sweep(iter % 2 == 0);
        const uint64_t c = total_crossings();
        if (c < best_crossings) {
            best_crossings = c;
            best = layers;
        }
    }
    layers = best;
    index_positions();

    // 4. Coordinates.
    std::vector<double> px(total), py(total);
    size_t widest = 0;
    for (const auto& layer : layers) widest = std::max(widest, layer.size());
    for (uint32_t L = 0; L < r.num_layers; ++L) {
        const auto& layer = layers[L];
        const double offset = (double(widest) - double(layer.size())) * in.node_gap / 2;
        for (uint32_t i = 0; i < layer.size(); ++i) {
            px[layer[i]] = L * in.layer_gap;
            py[layer[i]] = offset + i * in.node_gap;
        }
    }
    for (uint32_t v = 0; v < n; ++v) {
        r.order[v] = pos[v];
        r.x[v] = px[v];
        r.y[v] = py[v];
    }
    r.width = (r.num_layers - 1) * in.layer_gap;
    r.height = widest ? (double(widest) - 1) * in.node_gap : 0;
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        auto& pts = r.edge_points[k];
        if (chain[k].empty()) { // self-loop
            pts = {{px[in.edges[k].from], py[in.edges[k].from]}};
            continue;
        }
        for (uint32_t v : chain[k]) pts.push_back({px[v], py[v]});
        if (r.reversed[k]) std::reverse(pts.begin(), pts.end());
    }
    return r;
}

} // namespace tabiji
