// Test helper: a Dfg written by hand (names, edge counts, starts and ends), without a log behind it, for
// the simplification and path tests.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/string_pool.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace tabiji::test {

struct HandDfg {
    StringPool names;
    Dfg dfg;

    // Touchpoints get ids in the order given; events[a] = max(in-flow + starts, out-flow + ends).
    HandDfg(const std::vector<std::string>& touchpoints,
            const std::vector<std::tuple<std::string, std::string, uint64_t>>& edges,
            const std::vector<std::pair<std::string, uint64_t>>& starts,
            const std::vector<std::pair<std::string, uint64_t>>& ends) {
        for (const auto& t : touchpoints) names.intern(t);
        const uint32_t A = names.size();
        dfg.num_activities = A;
        dfg.events.assign(A, 0);
        dfg.cases.assign(A, 0);
        dfg.starts.assign(A, 0);
        dfg.ends.assign(A, 0);
        std::vector<uint64_t> in(A, 0), out(A, 0);
        for (const auto& [a, b, n] : edges) {
            const uint32_t x = names.find(a), y = names.find(b);
            dfg.edges.push_back({x, y, n, n});
            out[x] += n;
            in[y] += n;
        }
        for (const auto& [a, n] : starts) dfg.starts[names.find(a)] = n, in[names.find(a)] += n;
        for (const auto& [a, n] : ends) dfg.ends[names.find(a)] = n, out[names.find(a)] += n;
        for (uint32_t a = 0; a < A; ++a) dfg.events[a] = dfg.cases[a] = std::max(in[a], out[a]);
        std::sort(dfg.edges.begin(), dfg.edges.end(), [](const DfgEdge& x, const DfgEdge& y) {
            return x.from != y.from ? x.from < y.from : x.to < y.to;
        });
    }
    uint32_t id(const std::string& n) const { return names.find(n); }
    // Index of edge a -> b in dfg.edges (size() when absent).
    size_t edge(const std::string& a, const std::string& b) const {
        for (size_t k = 0; k < dfg.edges.size(); ++k)
            if (dfg.edges[k].from == id(a) && dfg.edges[k].to == id(b)) return k;
        return dfg.edges.size();
    }
};

} // namespace tabiji::test
