// Layered layout in five steps:
//   1. orientation (cycle breaking): the greedy heuristic of Eades, Lin and Smyth on edge weights gives a
//      node order whose leftward edges are few and light. Every node then gets a key (forced first /
//      normal / forced last, stage, position in that order) and each edge points from the lower key to the
//      higher one: acyclic by construction, stages respected. Self-loops are left out.
//   2. layers: longest path in key order; a new stage starts right of every earlier stage's layers. An
//      edge spanning several layers gets one dummy node per inner layer.
//   3. order inside layers: barycentre sweeps, down then up, keeping the order with the fewest crossings
//      (counted exactly by inversions between neighbouring layers), then transpositions of neighbours
//      while they remove crossings. Seeded from the previous layout when one is given.
//   4. y: nodes pulled towards the weighted mean of their neighbours, sweep by sweep, with the minimum
//      gaps between neighbours kept exactly (isotonic regression, pool adjacent violators).
//   5. x: layers are columns as wide as their widest node.
#include "tabiji/layout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <tuple>

namespace tabiji {

namespace {

struct Segment {
    uint32_t node;
    float weight;
};

// Crossings between two neighbouring layers, edges given as (position upper, position lower).
uint64_t count_crossings(std::vector<std::pair<uint32_t, uint32_t>>& e, size_t lower_size,
                         std::vector<uint32_t>& fenwick) {
    std::sort(e.begin(), e.end());
    fenwick.assign(lower_size + 1, 0);
    uint64_t crossings = 0, seen = 0;
    for (const auto& [u, v] : e) {
        uint64_t le = 0; // edges seen whose lower end is <= v
        for (size_t i = v + 1; i > 0; i -= i & (~i + 1)) le += fenwick[i];
        crossings += seen - le;
        for (size_t i = v + 1; i <= lower_size; i += i & (~i + 1)) ++fenwick[i];
        ++seen;
    }
    return crossings;
}

struct Layering {
    uint32_t num_layers = 0;
    std::vector<uint32_t> node_layer;           // real nodes, then dummies
    std::vector<std::vector<Segment>> down, up; // unit segments between neighbouring layers
    std::vector<std::vector<uint32_t>> chain;   // per input edge: its nodes, layer order
    std::vector<uint32_t> discovery;            // real nodes in DFS discovery order
};

// Step 1 and 2, into `g`. Progress runs from 0 to 1; pauses when `clock` says a slice is done.
Steps assign_layers(const LayoutInput& in, std::vector<bool>& reversed, Layering& g, SliceClock& clock) {
    const uint32_t n = in.num_nodes;
    auto weight = [&](uint32_t v) { return v < in.node_weight.size() ? in.node_weight[v] : 0.0; };

    // Greedy cycle breaking (Eades, Lin and Smyth, weighted): repeatedly take sinks to the right end and
    // sources to the left end; when there is neither, the node with the largest (out - in) weight goes
    // left. Edges pointing leftwards in the resulting order are few and light.
    std::vector<std::vector<uint32_t>> out_edges(n), in_edges(n);
    std::vector<double> win(n, 0), wout(n, 0);
    std::vector<uint32_t> indeg(n, 0), outdeg(n, 0);
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        const LayoutEdge& e = in.edges[k];
        if (e.from == e.to || e.from >= n || e.to >= n) continue;
        out_edges[e.from].push_back(k);
        in_edges[e.to].push_back(k);
        wout[e.from] += e.weight;
        win[e.to] += e.weight;
        ++outdeg[e.from];
        ++indeg[e.to];
    }
    std::vector<uint8_t> removed(n, 0);
    std::vector<uint32_t> left, right, sinks, sources;
    using Entry = std::tuple<double, double, uint32_t>; // (out - in, node weight, -id via ordering)
    std::priority_queue<Entry> heap;
    auto push = [&](uint32_t v) { heap.push({wout[v] - win[v], weight(v), n - 1 - v}); };
    for (uint32_t v = 0; v < n; ++v) {
        if (outdeg[v] == 0)
            sinks.push_back(v);
        else if (indeg[v] == 0)
            sources.push_back(v);
        push(v);
    }
    auto remove = [&](uint32_t v) {
        removed[v] = 1;
        for (uint32_t k : out_edges[v]) {
            const uint32_t w = in.edges[k].to;
            if (removed[w]) continue;
            win[w] -= in.edges[k].weight;
            if (--indeg[w] == 0 && outdeg[w] > 0) sources.push_back(w);
            push(w);
        }
        for (uint32_t k : in_edges[v]) {
            const uint32_t u = in.edges[k].from;
            if (removed[u]) continue;
            wout[u] -= in.edges[k].weight;
            if (--outdeg[u] == 0) sinks.push_back(u);
            push(u);
        }
    };
    uint32_t left_count = 0;
    for (uint32_t round = 0; left_count + right.size() < n; ++round) {
        if (round % 256 == 0 && clock.due()) co_yield 0.3 * double(left_count + right.size()) / n;
        if (!sinks.empty()) {
            const uint32_t v = sinks.back();
            sinks.pop_back();
            if (removed[v]) continue;
            right.push_back(v);
            remove(v);
            continue;
        }
        if (!sources.empty()) {
            const uint32_t v = sources.back();
            sources.pop_back();
            if (removed[v]) continue;
            left.push_back(v);
            ++left_count;
            remove(v);
            continue;
        }
        const auto [delta, w, id] = heap.top();
        heap.pop();
        const uint32_t v = n - 1 - id;
        if (removed[v] || delta != wout[v] - win[v]) continue; // stale entry
        left.push_back(v);
        ++left_count;
        remove(v);
    }
    if (clock.due()) co_yield 0.3;
    std::vector<uint32_t> topo(left);
    topo.insert(topo.end(), right.rbegin(), right.rend());
    g.discovery = topo;
    std::vector<uint32_t> topo_pos(n);
    for (uint32_t i = 0; i < n; ++i) topo_pos[topo[i]] = i;
    // Refinement by spring ranks: r minimises sum w (r(to) - r(from) - 1)^2 (Gauss-Seidel from the longest
    // path ranks of that order). Heavy flows end up pointing forward even where the greedy order put a node
    // too early or too late; the final order is by rank.
    {
        std::vector<double> r(n, 0);
        for (uint32_t v : topo)
            for (uint32_t k : out_edges[v])
                if (topo_pos[in.edges[k].to] > topo_pos[v])
                    r[in.edges[k].to] = std::max(r[in.edges[k].to], r[v] + 1);
        for (int iter = 0; iter < 40; ++iter) {
            if (clock.due()) co_yield 0.3 + 0.5 * iter / 40;
            for (uint32_t v : topo) {
                double sw = 1e-3, swr = 1e-3 * r[v];
                for (uint32_t k : in_edges[v]) {
                    const double w = in.edges[k].weight;
                    sw += w;
                    swr += w * (r[in.edges[k].from] + 1);
                }
                for (uint32_t k : out_edges[v]) {
                    const double w = in.edges[k].weight;
                    sw += w;
                    swr += w * (r[in.edges[k].to] - 1);
                }
                r[v] = swr / sw;
            }
        }
        std::stable_sort(topo.begin(), topo.end(), [&](uint32_t a, uint32_t b) { return r[a] < r[b]; });
        for (uint32_t i = 0; i < n; ++i) topo_pos[topo[i]] = i;
    }
    if (clock.due()) co_yield 0.8;
    // The edges of that order, for stage inheritance below.
    std::vector<std::vector<uint32_t>> dag_out(n);
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        const uint32_t a = in.edges[k].from, b = in.edges[k].to;
        if (a == b || a >= n || b >= n) continue;
        if (topo_pos[a] < topo_pos[b])
            dag_out[a].push_back(b);
        else
            dag_out[b].push_back(a);
    }

    // Keys: forced class, stage (unstaged nodes inherit the latest stage before them), position.
    std::vector<uint8_t> cls(n, 1);
    for (uint32_t v : in.sources)
        if (v < n) cls[v] = 0;
    for (uint32_t v : in.sinks)
        if (v < n) cls[v] = 2;
    const bool staged = !in.stage.empty();
    std::vector<int32_t> stage(n, 0);
    if (staged) {
        for (uint32_t v : topo) {
            const int32_t s = v < in.stage.size() ? in.stage[v] : -1;
            if (s >= 0) stage[v] = s;
            for (uint32_t w : dag_out[v])
                if ((w < in.stage.size() ? in.stage[w] : -1) < 0) stage[w] = std::max(stage[w], stage[v]);
        }
    }
    std::vector<uint32_t> by_key(topo);
    std::stable_sort(by_key.begin(), by_key.end(), [&](uint32_t a, uint32_t b) {
        return std::tie(cls[a], stage[a]) < std::tie(cls[b], stage[b]);
    });
    std::vector<uint32_t> rank(n);
    for (uint32_t i = 0; i < n; ++i) rank[by_key[i]] = i;

    if (clock.due()) co_yield 0.8;
    // Final orientation and longest-path layers in key order.
    std::vector<std::vector<uint32_t>> preds(n);
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        const uint32_t a = in.edges[k].from, b = in.edges[k].to;
        if (a == b) continue;
        reversed[k] = rank[a] > rank[b];
        if (reversed[k])
            preds[a].push_back(b);
        else
            preds[b].push_back(a);
    }
    g.node_layer.assign(n, 0);
    uint32_t max_layer = 0, floor = 0;
    for (uint32_t i = 0; i < n; ++i) {
        const uint32_t v = by_key[i];
        if (i > 0) {
            const uint32_t u = by_key[i - 1];
            if (cls[u] != cls[v] || (staged && stage[u] != stage[v])) floor = max_layer + 1;
        }
        uint32_t L = floor;
        for (uint32_t p : preds[v]) L = std::max(L, g.node_layer[p] + 1);
        g.node_layer[v] = L;
        max_layer = std::max(max_layer, L);
    }
    // Sinks sit in the last layer even when their predecessors end earlier.
    for (uint32_t v : in.sinks)
        if (v < n) max_layer = std::max(max_layer, g.node_layer[v]);
    for (uint32_t v : in.sinks)
        if (v < n) g.node_layer[v] = max_layer;
    g.num_layers = n ? max_layer + 1 : 0;

    if (clock.due()) co_yield 0.8;
    // Dummy nodes for long edges.
    g.down.resize(n);
    g.up.resize(n);
    g.chain.resize(in.edges.size());
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        uint32_t a = in.edges[k].from, b = in.edges[k].to;
        if (a == b) continue;
        if (clock.due()) co_yield 0.8 + 0.2 * k / in.edges.size();
        if (reversed[k]) std::swap(a, b);
        const auto w = static_cast<float>(in.edges[k].weight);
        auto& c = g.chain[k];
        c.push_back(a);
        for (uint32_t L = g.node_layer[a] + 1; L < g.node_layer[b]; ++L) {
            const auto d = static_cast<uint32_t>(g.node_layer.size());
            g.node_layer.push_back(L);
            g.down.emplace_back();
            g.up.emplace_back();
            c.push_back(d);
        }
        c.push_back(b);
        for (size_t i = 0; i + 1 < c.size(); ++i) {
            g.down[c[i]].push_back({c[i + 1], w});
            g.up[c[i + 1]].push_back({c[i], w});
        }
    }
}

// Work budget: sweeps and passes so that big graphs (hundreds of thousands of segments) stay within about
// the work of 24 sweeps over 200,000 segments; small graphs get the full count.
int rounds(size_t segments, int full, int least) {
    const double budget = 24.0 * 200000.0 / double(std::max<size_t>(segments, 1));
    return std::clamp(int(budget * full / 24.0), least, full);
}

// Crossings between layer L and L + 1 in the order `pos`.
uint64_t layer_crossings(const Layering& g, const std::vector<std::vector<uint32_t>>& layers,
                         const std::vector<uint32_t>& pos, uint32_t L,
                         std::vector<std::pair<uint32_t, uint32_t>>& pairs, std::vector<uint32_t>& fenwick) {
    pairs.clear();
    for (uint32_t v : layers[L])
        for (const Segment& s : g.down[v]) pairs.push_back({pos[v], pos[s.node]});
    return count_crossings(pairs, layers[L + 1].size(), fenwick);
}

// One layer of a barycentre sweep: its nodes sorted by the mean position of their neighbours on the side
// the sweep comes from.
void sort_by_barycentre(const Layering& g, std::vector<uint32_t>& layer, std::vector<uint32_t>& pos,
                        std::vector<double>& bary, bool downward) {
    for (uint32_t v : layer) {
        const auto& nb = downward ? g.up[v] : g.down[v];
        if (nb.empty()) {
            bary[v] = pos[v];
            continue;
        }
        double s = 0;
        for (const Segment& w : nb) s += pos[w.node];
        bary[v] = s / double(nb.size());
    }
    std::stable_sort(layer.begin(), layer.end(), [&](uint32_t a, uint32_t b) { return bary[a] < bary[b]; });
    for (uint32_t i = 0; i < layer.size(); ++i) pos[layer[i]] = i;
}

// Transpositions in one layer: swap neighbours u, v while that removes crossings with both neighbouring
// layers. crossing(u, v): pairs of segments (u-a, v-b) with a below b when u is above v. The neighbours'
// positions (in the layers above and below, which do not move meanwhile) are sorted once per layer.
struct Transposer {
    std::vector<uint32_t> flat, begin_up, begin_down, slot;
    // Returns the crossings removed.
    uint64_t run(const Layering& g, std::vector<uint32_t>& layer, std::vector<uint32_t>& pos) {
        auto crossing = [&](size_t a0, size_t a1, size_t b0, size_t b1, uint64_t& uv, uint64_t& vu) {
            size_t j = b0, k = b0;
            for (size_t i = a0; i < a1; ++i) { // uv: pairs with x > y; vu: pairs with x < y
                const uint32_t x = flat[i];
                while (j < b1 && flat[j] < x) ++j;
                while (k < b1 && flat[k] <= x) ++k;
                uv += j - b0;
                vu += b1 - k;
            }
        };
        slot.resize(g.node_layer.size());
        flat.clear();
        begin_up.assign(layer.size() + 1, 0);
        begin_down.assign(layer.size() + 1, 0);
        for (size_t i = 0; i < layer.size(); ++i) {
            const uint32_t v = layer[i];
            slot[v] = uint32_t(i);
            begin_up[i] = uint32_t(flat.size());
            for (const Segment& s : g.up[v]) flat.push_back(pos[s.node]);
            std::sort(flat.begin() + begin_up[i], flat.end());
            begin_down[i] = uint32_t(flat.size());
            for (const Segment& s : g.down[v]) flat.push_back(pos[s.node]);
            std::sort(flat.begin() + begin_down[i], flat.end());
        }
        begin_up[layer.size()] = uint32_t(flat.size());
        uint64_t removed = 0;
        for (size_t i = 0; i + 1 < layer.size(); ++i) {
            const uint32_t u = layer[i], v = layer[i + 1], su = slot[u], sv = slot[v];
            uint64_t uv = 0, vu = 0;
            crossing(begin_up[su], begin_down[su], begin_up[sv], begin_down[sv], uv, vu);
            crossing(begin_down[su], begin_up[su + 1], begin_down[sv], begin_up[sv + 1], uv, vu);
            if (vu < uv) {
                std::swap(layer[i], layer[i + 1]);
                pos[u] = uint32_t(i + 1);
                pos[v] = uint32_t(i);
                removed += uv - vu;
            }
        }
        return removed;
    }
};

// Step 3 on one starting order: leaves the best order found in `layers` and its crossings in `result`.
// Pauses between layers when `clock` says a slice is done.
Steps reduce_crossings(const Layering& g, std::vector<std::vector<uint32_t>>& layers, uint64_t& result,
                       SliceClock& clock) {
    size_t segments = 0;
    for (const auto& d : g.down) segments += d.size();
    const int sweeps = rounds(segments, 24, 4), passes = rounds(segments, 6, 2);
    const double rounds_total = sweeps + passes;
    const auto total = static_cast<uint32_t>(g.node_layer.size());
    std::vector<uint32_t> pos(total);
    std::vector<uint32_t> fenwick;
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    auto index_positions = [&] {
        for (auto& layer : layers)
            for (uint32_t i = 0; i < layer.size(); ++i) pos[layer[i]] = i;
    };
    std::vector<double> bary(total);
    index_positions();
    auto best = layers;
    uint64_t best_crossings = 0;
    for (uint32_t L = 0; L + 1 < g.num_layers; ++L) {
        best_crossings += layer_crossings(g, layers, pos, L, pairs, fenwick);
        if (clock.due()) co_yield 0.0;
    }
    int since_better = 0;
    for (int iter = 0; iter < sweeps && best_crossings > 0 && since_better < 4; ++iter) {
        const bool downward = iter % 2 == 0;
        for (uint32_t step = 1; step < g.num_layers; ++step) {
            const uint32_t L = downward ? step : g.num_layers - 1 - step;
            sort_by_barycentre(g, layers[L], pos, bary, downward);
            if (clock.due()) co_yield (iter + 0.5 * step / g.num_layers) / rounds_total;
        }
        uint64_t c = 0;
        for (uint32_t L = 0; L + 1 < g.num_layers; ++L) {
            c += layer_crossings(g, layers, pos, L, pairs, fenwick);
            if (clock.due()) co_yield (iter + 0.5 + 0.5 * L / g.num_layers) / rounds_total;
        }
        if (c < best_crossings) {
            best_crossings = c;
            best = layers;
            since_better = 0;
        } else {
            ++since_better;
        }
    }
    layers = std::move(best);
    index_positions();

    Transposer transposer;
    for (int pass = 0; pass < passes && best_crossings > 0; ++pass) {
        bool improved = false;
        for (uint32_t L = 0; L < g.num_layers; ++L) {
            const uint64_t removed = transposer.run(g, layers[L], pos);
            best_crossings -= removed;
            improved |= removed > 0;
            if (clock.due()) co_yield (sweeps + pass + double(L) / g.num_layers) / rounds_total;
        }
        if (!improved) break;
    }
    result = best_crossings;
}

// Pool adjacent violators: y[i] as close to want[i] (weighted least squares) with y[i+1] - y[i] >= gap[i].
void place_with_gaps(const std::vector<double>& want, const std::vector<double>& w,
                     const std::vector<double>& gap, std::vector<double>& y) {
    const size_t m = want.size();
    std::vector<double> offset(m, 0);
    for (size_t i = 1; i < m; ++i) offset[i] = offset[i - 1] + gap[i - 1];
    struct Block {
        double sw, swz;
        size_t first, last;
    };
    std::vector<Block> blocks;
    for (size_t i = 0; i < m; ++i) {
        blocks.push_back({w[i], w[i] * (want[i] - offset[i]), i, i});
        while (blocks.size() > 1) {
            Block& b = blocks.back();
            Block& a = blocks[blocks.size() - 2];
            if (a.swz / a.sw <= b.swz / b.sw) break;
            a.sw += b.sw;
            a.swz += b.swz;
            a.last = b.last;
            blocks.pop_back();
        }
    }
    y.resize(m);
    for (const Block& b : blocks)
        for (size_t i = b.first; i <= b.last; ++i) y[i] = b.swz / b.sw + offset[i];
}

} // namespace

Steps layout_layered_steps(const LayoutInput& in, LayoutResult& r) {
    const uint32_t n = in.num_nodes;
    r = {};
    r.layer.assign(n, 0);
    r.order.assign(n, 0);
    r.x.assign(n, 0);
    r.y.assign(n, 0);
    r.reversed.assign(in.edges.size(), false);
    r.edge_points.assign(in.edges.size(), {});
    if (n == 0) co_return;
    auto real_size = [&](const std::vector<double>& v, uint32_t i) { return i < v.size() ? v[i] : 0.0; };

    // Progress: layers 0-15 %, crossing reduction (one or two starts) to 85 %, coordinates to 98 %, results.
    SliceClock clock; // slices of its default length, as the map geometry around it
    bool any_previous = false;
    for (uint32_t v = 0; v < n && v < in.previous_y.size(); ++v)
        any_previous |= !std::isnan(in.previous_y[v]);
    Layering g;
    for (Steps s = assign_layers(in, r.reversed, g, clock); !s.done();) {
        s.step();
        if (!s.done()) co_yield 0.15 * s.progress();
    }
    const auto total = static_cast<uint32_t>(g.node_layer.size());
    r.num_layers = g.num_layers;

    // [SECTION] Order inside layers: a fresh start (DFS order) and, given a previous layout, a start from it.
    std::vector<std::vector<uint32_t>> fresh(g.num_layers);
    {
        std::vector<uint8_t> placed(total, 0);
        for (uint32_t v : g.discovery) {
            fresh[g.node_layer[v]].push_back(v);
            placed[v] = 1;
        }
        for (uint32_t v = 0; v < total; ++v)
            if (!placed[v]) fresh[g.node_layer[v]].push_back(v);
    }
    std::vector<std::vector<uint32_t>> layers = fresh;
    uint64_t crossings = 0;
    const double reduce_span = any_previous ? 0.35 : 0.7;
    for (Steps s = reduce_crossings(g, layers, crossings, clock); !s.done();) {
        s.step();
        if (!s.done()) co_yield 0.15 + s.progress() * reduce_span;
    }
    if (any_previous) {
        // Keys: the previous y; a long edge's points between its ends' previous y; new nodes after.
        std::vector<double> key(total, HUGE_VAL);
        for (uint32_t v = 0; v < n; ++v)
            if (v < in.previous_y.size() && !std::isnan(in.previous_y[v])) key[v] = in.previous_y[v];
        for (const auto& c : g.chain) {
            if (c.size() < 3 || std::isinf(key[c.front()]) || std::isinf(key[c.back()])) continue;
            for (size_t i = 1; i + 1 < c.size(); ++i) {
                const double t = double(i) / double(c.size() - 1);
                key[c[i]] = key[c.front()] + (key[c.back()] - key[c.front()]) * t;
            }
        }
        auto seeded = fresh;
        for (auto& layer : seeded)
            std::stable_sort(layer.begin(), layer.end(),
                             [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
        uint64_t seeded_crossings = 0;
        for (Steps s = reduce_crossings(g, seeded, seeded_crossings, clock); !s.done();) {
            s.step();
            if (!s.done()) co_yield 0.5 + s.progress() * reduce_span;
        }
        // The familiar order stays unless the fresh one is clearly better.
        if (double(seeded_crossings) <= double(crossings) * 1.25 + 2) {
            layers = std::move(seeded);
            crossings = seeded_crossings;
        }
    }
    r.crossings = crossings;
    std::vector<uint32_t> pos(total);
    for (auto& layer : layers)
        for (uint32_t i = 0; i < layer.size(); ++i) pos[layer[i]] = i;

    if (clock.due()) co_yield 0.85;
    // [SECTION] x: columns as wide as their widest node.
    r.layer_width.assign(g.num_layers, 0);
    r.layer_x.assign(g.num_layers, 0);
    std::vector<uint8_t> has_node(g.num_layers, 0);
    for (uint32_t v = 0; v < n; ++v) {
        has_node[g.node_layer[v]] = 1;
        r.layer_width[g.node_layer[v]] =
            std::max(r.layer_width[g.node_layer[v]], real_size(in.node_width, v));
    }
    double cx = 0;
    for (uint32_t L = 0; L < g.num_layers; ++L) {
        if (!has_node[L]) r.layer_width[L] = in.empty_layer_width;
        r.layer_x[L] = cx + r.layer_width[L] / 2;
        cx += r.layer_width[L] + in.layer_gap;
    }
    // Without widths this is L * layer_gap, as a plain layered layout would place it.

    // [SECTION] y: packed, then pulled towards neighbours sweep by sweep.
    std::vector<double> height(total, 0), py(total, 0);
    for (uint32_t v = 0; v < n; ++v) height[v] = real_size(in.node_height, v);
    auto gap_between = [&](uint32_t a, uint32_t b) {
        return (height[a] + height[b]) / 2 + (a < n && b < n ? in.node_gap : in.edge_gap);
    };
    std::vector<double> want, w, gap, placed;
    for (auto& layer : layers) {
        double y = 0;
        for (size_t i = 0; i < layer.size(); ++i) {
            if (i > 0) y += gap_between(layer[i - 1], layer[i]);
            py[layer[i]] = y;
        }
    }
    auto relax = [&](uint32_t L, bool use_up, bool use_down) {
        const auto& layer = layers[L];
        const size_t m = layer.size();
        want.assign(m, 0);
        w.assign(m, 0);
        gap.assign(m > 0 ? m - 1 : 0, 0);
        for (size_t i = 0; i < m; ++i) {
            const uint32_t v = layer[i];
            double sw = 0, swy = 0;
            auto pull = [&](const std::vector<Segment>& nb) {
                for (const Segment& s : nb) {
                    const double k = std::sqrt(std::max<double>(s.weight, 1e-6));
                    sw += k;
                    swy += k * py[s.node];
                }
            };
            if (use_up) pull(g.up[v]);
            if (use_down) pull(g.down[v]);
            want[i] = sw > 0 ? swy / sw : py[v];
            w[i] = sw > 0 ? 1.0 : 0.05; // nodes with nothing to follow mostly stay
            if (i > 0) gap[i - 1] = gap_between(layer[i - 1], v);
        }
        place_with_gaps(want, w, gap, placed);
        for (size_t i = 0; i < m; ++i) py[layer[i]] = placed[i];
    };
    size_t segments = 0;
    for (const auto& d : g.down) segments += d.size();
    const int relax_sweeps = rounds(segments, 8, 2);
    for (int iter = 0; iter < relax_sweeps + 2; ++iter) {
        // Sweeps down and up, each pulled by the side it comes from; then two pulled by both sides.
        const bool both = iter >= relax_sweeps, downward = both || iter % 2 == 0;
        for (uint32_t step = both ? 0 : 1; step < g.num_layers; ++step) {
            const uint32_t L = downward ? step : g.num_layers - 1 - step;
            relax(L, downward || both, !downward || both);
            if (clock.due()) co_yield 0.85 + 0.13 * (iter + double(step) / g.num_layers) / (relax_sweeps + 2);
        }
    }

    // Shift: onto the previous layout when there is one, else the topmost centre at 0.
    double shift = 0;
    if (any_previous) {
        double s = 0;
        uint32_t k = 0;
        for (uint32_t v = 0; v < n && v < in.previous_y.size(); ++v)
            if (!std::isnan(in.previous_y[v])) s += in.previous_y[v] - py[v], ++k;
        shift = s / k;
    } else {
        double top = HUGE_VAL;
        for (uint32_t v = 0; v < n; ++v) top = std::min(top, py[v]);
        shift = -top;
    }
    for (double& y : py) y += shift;

    // [SECTION] Results
    double y0 = HUGE_VAL, y1 = -HUGE_VAL;
    for (uint32_t v = 0; v < n; ++v) {
        r.layer[v] = g.node_layer[v];
        r.order[v] = pos[v];
        r.x[v] = r.layer_x[g.node_layer[v]];
        r.y[v] = py[v];
        y0 = std::min(y0, py[v]);
        y1 = std::max(y1, py[v]);
    }
    r.width = r.layer_x.back() - r.layer_x.front();
    r.height = y1 - y0;
    for (uint32_t k = 0; k < in.edges.size(); ++k) {
        if (k % 1024 == 0 && clock.due()) co_yield 0.99;
        auto& pts = r.edge_points[k];
        if (g.chain[k].empty()) { // self-loop
            pts = {{r.x[in.edges[k].from], r.y[in.edges[k].from]}};
            continue;
        }
        for (uint32_t v : g.chain[k]) pts.push_back({r.layer_x[g.node_layer[v]], py[v]});
        if (r.reversed[k]) std::reverse(pts.begin(), pts.end());
    }
    // The layering's lists (per node, dummies included, and per edge) are many small blocks: freed a slice
    // at a time rather than all at the end of the last one.
    for (size_t v = 0; v < std::max(g.down.size(), g.chain.size()); ++v) {
        if (v % 4096 == 0 && clock.due()) co_yield 1.0;
        if (v < g.down.size()) {
            std::vector<Segment>().swap(g.down[v]);
            std::vector<Segment>().swap(g.up[v]);
        }
        if (v < g.chain.size()) std::vector<uint32_t>().swap(g.chain[v]);
    }
}

LayoutResult layout_layered(const LayoutInput& in) {
    LayoutResult r;
    layout_layered_steps(in, r).run();
    return r;
}

} // namespace tabiji
