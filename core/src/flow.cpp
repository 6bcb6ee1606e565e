// One pass over the view: per journey visiting `start`, its next `steps` activities counted per column and
// per step between columns.
#include "tabiji/flow.hpp"

#include <algorithm>
#include <map>

namespace tabiji {

Flow mine_flow(const EventLog& log, const LogView& view, uint32_t start, uint32_t steps) {
    Flow flow;
    std::vector<std::map<uint32_t, uint64_t>> columns(steps + 1);
    std::vector<std::map<std::pair<uint32_t, uint32_t>, uint64_t>> links(steps);
    for_each_case(log, view, [&](const CaseEvents& ce) {
        const uint32_t* first = std::find(ce.activity, ce.activity + ce.size, start);
        if (first == ce.activity + ce.size) return;
        ++flow.journeys;
        const uint64_t p = static_cast<uint64_t>(first - ce.activity);
        auto at = [&](uint64_t k) { return p + k < ce.size ? ce.activity[p + k] : kFlowEnded; };
        for (uint64_t k = 0; k <= steps; ++k) {
            ++columns[k][at(k)];
            if (k < steps && at(k) != kFlowEnded) ++links[k][{at(k), at(k + 1)}];
        }
    });
    for (auto& c : columns) {
        std::vector<std::pair<uint32_t, uint64_t>> col(c.begin(), c.end()); // by id, kFlowEnded last
        std::stable_sort(col.begin(), col.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        flow.columns.push_back(std::move(col));
    }
    for (auto& l : links) {
        std::vector<FlowLink> out;
        for (const auto& [key, n] : l) out.push_back({key.first, key.second, n});
        flow.links.push_back(std::move(out));
    }
    return flow;
}

} // namespace tabiji
