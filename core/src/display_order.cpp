#include "tabiji/display_order.hpp"

#include <algorithm>
#include <numeric>

namespace tabiji {

std::vector<uint32_t> touchpoint_display_order(const EventLog& log, const std::vector<uint64_t>& counts) {
    std::vector<uint32_t> ids;
    for (uint32_t a = 0; a < counts.size(); ++a)
        if (counts[a]) ids.push_back(a);
    std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
        if (counts[x] != counts[y]) return counts[x] > counts[y];
        return log.activities.view(x) < log.activities.view(y);
    });
    return ids;
}

std::vector<uint32_t> edge_display_order(const EventLog& log, const Dfg& dfg) {
    auto name = [&](uint32_t a) { return log.activities.view(a); };
    std::vector<uint32_t> order(dfg.edges.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
        const DfgEdge &a = dfg.edges[x], &b = dfg.edges[y];
        if (a.count != b.count) return a.count > b.count;
        if (a.from != b.from) return name(a.from) < name(b.from);
        return name(a.to) < name(b.to);
    });
    return order;
}

} // namespace tabiji
