// Directly-follows graph: one pass over the kept cases of a view (log_view.hpp). Edge counts go to a dense
// matrix when the activity alphabet is small (the usual journey map), to a hash map otherwise.
#include "tabiji/dfg.hpp"

#include <algorithm>
#include <unordered_map>

namespace tabiji {

namespace {
constexpr uint32_t kDenseLimit = 2048; // 2048^2 * 16 bytes = 64 MiB at most

struct EdgeCell {
    uint64_t count = 0;
    uint64_t cases = 0;
    uint32_t last_case = 0xffffffffu;
};
} // namespace

Dfg mine_dfg(const EventLog& log) {
    return mine_dfg(log, LogView{});
}

Dfg mine_dfg(const EventLog& log, const LogView& view) {
    Dfg g;
    const uint32_t A = log.num_activities();
    g.num_activities = A;
    g.events.assign(A, 0);
    g.cases.assign(A, 0);
    g.starts.assign(A, 0);
    g.ends.assign(A, 0);
    std::vector<uint32_t> last_case_of_activity(A, 0xffffffffu);

    const bool dense = A <= kDenseLimit;
    std::vector<EdgeCell> matrix(dense ? size_t(A) * A : 0);
    std::unordered_map<uint64_t, EdgeCell> sparse;
    auto cell = [&](uint32_t a, uint32_t b) -> EdgeCell& {
        return dense ? matrix[size_t(a) * A + b] : sparse[(uint64_t(a) << 32) | b];
    };

    for_each_case(log, view, [&](const CaseEvents& ce) {
        const uint32_t c = ce.case_index;
        const uint32_t* act = ce.activity;
        const uint64_t n = ce.size;
        ++g.num_cases;
        g.num_events += n;
        ++g.starts[act[0]];
        ++g.ends[act[n - 1]];
        for (uint64_t i = 0; i < n; ++i) {
            const uint32_t a = act[i];
            ++g.events[a];
            if (last_case_of_activity[a] != c) {
                last_case_of_activity[a] = c;
                ++g.cases[a];
            }
            if (i + 1 < n) {
                EdgeCell& x = cell(a, act[i + 1]);
                ++x.count;
                if (x.last_case != c) {
                    x.last_case = c;
                    ++x.cases;
                }
            }
        }
    });

    if (dense) {
        for (uint32_t a = 0; a < A; ++a)
            for (uint32_t b = 0; b < A; ++b)
                if (const EdgeCell& x = matrix[size_t(a) * A + b]; x.count)
                    g.edges.push_back({a, b, x.count, x.cases});
    } else {
        g.edges.reserve(sparse.size());
        for (const auto& [key, x] : sparse)
            g.edges.push_back({uint32_t(key >> 32), uint32_t(key), x.count, x.cases});
        std::sort(g.edges.begin(), g.edges.end(), [](const DfgEdge& x, const DfgEdge& y) {
            return x.from != y.from ? x.from < y.from : x.to < y.to;
        });
    }
    return g;
}

} // namespace tabiji
