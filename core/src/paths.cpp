// Path analysis (paths.hpp): Boost.Graph algorithms over compressed_sparse_row_graph views of a Dfg, and
// two log passes (n-grams, rework) over a LogView.
#include "tabiji/paths.hpp"

#include "tabiji/variants.hpp"

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/dominator_tree.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

// Boost 1.74's bidirectional compressed_sparse_row_graph has in_degree and out_degree but no degree(),
// which BidirectionalGraphConcept (checked by the dominator tree) asks for.
namespace boost {
inline graph_traits<compressed_sparse_row_graph<bidirectionalS>>::degree_size_type
degree(graph_traits<compressed_sparse_row_graph<bidirectionalS>>::vertex_descriptor v,
       const compressed_sparse_row_graph<bidirectionalS>& g) {
    return out_degree(v, g) + in_degree(v, g);
}
} // namespace boost

namespace tabiji {

namespace {

using EdgeList = std::vector<std::pair<uint32_t, uint32_t>>;
using DirectedGraph = boost::compressed_sparse_row_graph<boost::directedS>;
using WeightedGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, double>;
using BidiGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS>;

EdgeList dfg_edge_list(const Dfg& g) {
    EdgeList out;
    out.reserve(g.edges.size());
    for (const DfgEdge& e : g.edges) out.emplace_back(e.from, e.to);
    return out;
}

template <class Graph>
Graph make_graph(const EdgeList& edges, size_t vertices) {
    return Graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), vertices);
}

std::vector<uint64_t> out_counts(const Dfg& g) {
    std::vector<uint64_t> out(g.num_activities, 0);
    for (const DfgEdge& e : g.edges) out[e.from] += e.count;
    return out;
}

} // namespace

LikelyPath most_likely_path(const Dfg& dfg, uint32_t from, uint32_t to) {
    LikelyPath p;
    if (from >= dfg.num_activities || to >= dfg.num_activities) return p;
    if (from == to) {
        p.found = true;
        p.touchpoints = {from};
        p.probability = 1;
        return p;
    }
    const auto out = out_counts(dfg);
    std::vector<double> weight;
    weight.reserve(dfg.edges.size());
    for (const DfgEdge& e : dfg.edges) weight.push_back(-std::log(double(e.count) / double(out[e.from])));
    const EdgeList edges = dfg_edge_list(dfg);
    const WeightedGraph g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), weight.begin(),
                          dfg.num_activities);
    const size_t V = dfg.num_activities;
    std::vector<double> dist(V, std::numeric_limits<double>::infinity());
    std::vector<uint32_t> pred(V);
    std::iota(pred.begin(), pred.end(), 0u);
    boost::dijkstra_shortest_paths(
        g, from,
        boost::weight_map(boost::get(boost::edge_bundle, g))
            .distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
            .predecessor_map(
                boost::make_iterator_property_map(pred.begin(), boost::get(boost::vertex_index, g))));
    if (pred[to] == to) return p; // unreached (Dijkstra leaves a vertex its own predecessor)
    for (uint32_t v = to; v != from; v = pred[v]) p.touchpoints.push_back(v);
    p.touchpoints.push_back(from);
    std::reverse(p.touchpoints.begin(), p.touchpoints.end());
    p.probability = 1;
    for (size_t i = 0; i + 1 < p.touchpoints.size(); ++i) {
        const uint32_t a = p.touchpoints[i], b = p.touchpoints[i + 1];
        const auto it = std::lower_bound(dfg.edges.begin(), dfg.edges.end(), std::make_pair(a, b),
                                         [](const DfgEdge& e, const std::pair<uint32_t, uint32_t>& k) {
                                             return std::make_pair(e.from, e.to) < k;
                                         });
        const double q = double(it->count) / double(out[a]);
        p.step_probabilities.push_back(q);
        p.probability *= q;
    }
    p.found = true;
    return p;
}

std::vector<NGram> top_ngrams(const EventLog& log, const LogView& view, uint32_t n, size_t k) {
    std::vector<NGram> grams;
    if (n == 0) return grams;
    SequenceTable table;
    std::vector<uint32_t> last_case;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        for (uint64_t i = 0; i + n <= ce.size; ++i) {
            const uint32_t g = table.intern(ce.activity + i, n);
            if (g == grams.size()) grams.push_back({}), last_case.push_back(0xffffffffu);
            ++grams[g].count;
            if (last_case[g] != ce.case_index) last_case[g] = ce.case_index, ++grams[g].cases;
        }
    });
    for (uint32_t g = 0; g < grams.size(); ++g) grams[g].touchpoints = std::move(table.sequence(g));
    auto before = [&](const NGram& x, const NGram& y) {
        if (x.count != y.count) return x.count > y.count;
        return sequence_names_less(log.activities, x.touchpoints, y.touchpoints);
    };
    const size_t keep = std::min(k, grams.size());
    std::partial_sort(grams.begin(), grams.begin() + keep, grams.end(), before);
    grams.resize(keep);
    return grams;
}

LoopReport find_loops(const EventLog& log, const LogView& view, const Dfg& dfg) {
    LoopReport r;
    auto name = [&](uint32_t a) { return log.activities.view(a); };
    const uint32_t A = dfg.num_activities;

    // Strongly connected components of size >= 2.
    const DirectedGraph g = make_graph<DirectedGraph>(dfg_edge_list(dfg), A);
    std::vector<uint32_t> comp(A);
    const uint32_t num = boost::strong_components(
        g, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, g)));
    std::vector<std::vector<uint32_t>> members(num);
    for (uint32_t a = 0; a < A; ++a) members[comp[a]].push_back(a);
    for (auto& m : members) {
        if (m.size() < 2) continue;
        std::sort(m.begin(), m.end(), [&](uint32_t x, uint32_t y) { return name(x) < name(y); });
        r.components.push_back(std::move(m));
    }
    std::sort(r.components.begin(), r.components.end(), [&](const auto& x, const auto& y) {
        if (x.size() != y.size()) return x.size() > y.size();
        return name(x[0]) < name(y[0]);
    });

    for (const DfgEdge& e : dfg.edges)
        if (e.from == e.to) r.self_loops.push_back({e.from, e.count, e.cases});
    std::sort(r.self_loops.begin(), r.self_loops.end(), [&](const SelfLoop& x, const SelfLoop& y) {
        if (x.count != y.count) return x.count > y.count;
        return name(x.touchpoint) < name(y.touchpoint);
    });

    // Rework: per case, how often each touchpoint occurs (stamps avoid clearing a per-case table).
    std::vector<uint32_t> stamp(A, 0xffffffffu), seen(A, 0);
    std::vector<uint64_t> repeating(A, 0);
    for_each_case(log, view, [&](const CaseEvents& ce) {
        ++r.cases;
        bool any = false;
        for (uint64_t i = 0; i < ce.size; ++i) {
            const uint32_t a = ce.activity[i];
            if (stamp[a] != ce.case_index) stamp[a] = ce.case_index, seen[a] = 0;
            if (++seen[a] == 2) ++repeating[a], any = true;
        }
        r.cases_with_rework += any;
    });
    for (uint32_t a = 0; a < A; ++a)
        if (repeating[a]) r.rework.push_back({a, dfg.cases[a], repeating[a]});
    std::sort(r.rework.begin(), r.rework.end(), [&](const Rework& x, const Rework& y) {
        if (x.cases_repeating != y.cases_repeating) return x.cases_repeating > y.cases_repeating;
        return name(x.touchpoint) < name(y.touchpoint);
    });
    return r;
}

std::vector<uint32_t> dominators(const Dfg& dfg, uint32_t goal, bool* reachable) {
    const uint32_t A = dfg.num_activities, start = A;
    if (reachable) *reachable = false;
    std::vector<uint32_t> out;
    if (goal >= A) return out;
    EdgeList edges = dfg_edge_list(dfg);
    for (uint32_t a = 0; a < A; ++a)
        if (dfg.starts[a]) edges.emplace_back(start, a);
    const BidiGraph g = make_graph<BidiGraph>(edges, size_t(A) + 1);
    using Vertex = boost::graph_traits<BidiGraph>::vertex_descriptor;
    const Vertex none = boost::graph_traits<BidiGraph>::null_vertex();
    std::vector<Vertex> idom(size_t(A) + 1, none);
    boost::lengauer_tarjan_dominator_tree(
        g, Vertex(start),
        boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, g)));
    if (idom[goal] == none) return out;
    if (reachable) *reachable = true;
    for (Vertex v = idom[goal]; v != Vertex(start); v = idom[v]) out.push_back(uint32_t(v));
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<double> betweenness(const Dfg& dfg) {
    const DirectedGraph g = make_graph<DirectedGraph>(dfg_edge_list(dfg), dfg.num_activities);
    std::vector<double> c(dfg.num_activities, 0.0);
    boost::brandes_betweenness_centrality(g, boost::centrality_map(boost::make_iterator_property_map(
                                                 c.begin(), boost::get(boost::vertex_index, g))));
    return c;
}

} // namespace tabiji
