// mine_and_merge: local core mining, then sums and gathers to rank 0.
#include "result_merge.hpp"

#include "wire.hpp"

#include "tabiji/log_view.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace tabiji::mpi {

namespace {

using EdgeKey = std::pair<uint32_t, uint32_t>;

Dfg merge_dfg(Comm& comm, const Dfg& local) {
    Dfg g = local;
    all_sum(comm, g.events);
    all_sum(comm, g.cases);
    all_sum(comm, g.starts);
    all_sum(comm, g.ends);
    std::vector<uint64_t> totals = {local.num_cases, local.num_events};
    all_sum(comm, totals);
    g.num_cases = uint32_t(totals[0]);
    g.num_events = totals[1];

    std::string mine;
    WireWriter w(mine);
    for (const DfgEdge& e : local.edges) w.put(e);
    std::map<EdgeKey, DfgEdge> edges;
    for (const std::string& part : comm.gather(mine)) {
        WireReader r(part);
        while (!r.done()) {
            const DfgEdge e = r.get<DfgEdge>();
            DfgEdge& m = edges.try_emplace({e.from, e.to}, DfgEdge{e.from, e.to, 0, 0}).first->second;
            m.count += e.count;
            m.cases += e.cases;
        }
    }
    g.edges.clear();
    for (const auto& [key, e] : edges) g.edges.push_back(e);
    return g;
}

std::vector<Variant> merge_variants(Comm& comm, const EventLog& log) {
    std::string mine;
    WireWriter w(mine);
    for (const Variant& v : mine_variants(log)) {
        w.put(uint64_t(v.activities.size()));
        for (uint32_t a : v.activities) w.put(a);
        w.put(v.count);
    }
    std::vector<Variant> out;
    SequenceTable table;
    std::vector<uint32_t> sequence;
    for (const std::string& part : comm.gather(mine)) {
        WireReader r(part);
        while (!r.done()) {
            sequence.resize(r.get<uint64_t>());
            for (uint32_t& a : sequence) a = r.get<uint32_t>();
            const uint32_t k = table.intern(sequence.data(), sequence.size());
            if (k == out.size()) out.push_back({sequence, 0, 0});
            out[k].count += r.get<uint64_t>();
        }
    }
    sort_variants(out, log.activities);
    return out;
}

// Steps of the owned cases: per edge of the local dfg, (case key, microseconds) in case order.
std::vector<EdgePerformance> merge_performance(Comm& comm, const OwnedCases& owned, const Dfg& merged) {
    struct Step {
        uint64_t key;
        Micros micros;
    };
    std::map<EdgeKey, std::vector<Step>> steps;
    if (owned.log.has_time) {
        for_each_case(owned.log, LogView{}, [&](const CaseEvents& ce) {
            for (uint64_t i = 0; i + 1 < ce.size; ++i)
                steps[{ce.activity[i], ce.activity[i + 1]}].push_back(
                    {owned.case_key[ce.case_index], ce.time[i + 1] - ce.time[i]});
        });
    }
    std::string mine;
    WireWriter w(mine);
    for (const auto& [edge, list] : steps) {
        w.put(edge.first);
        w.put(edge.second);
        w.put(uint64_t(list.size()));
        for (const Step& s : list) w.put(s);
    }
    steps.clear();
    std::vector<EdgePerformance> out;
    const std::vector<std::string> parts = comm.gather(mine);
    if (comm.rank() != 0 || !owned.log.has_time) return out;
    std::map<EdgeKey, std::vector<Step>> all;
    for (const std::string& part : parts) {
        WireReader r(part);
        while (!r.done()) {
            const uint32_t from = r.get<uint32_t>(), to = r.get<uint32_t>();
            std::vector<Step>& list = all[{from, to}];
            const uint64_t n = r.get<uint64_t>();
            for (uint64_t k = 0; k < n; ++k) list.push_back(r.get<Step>());
        }
    }
    std::vector<double> seconds;
    for (const DfgEdge& e : merged.edges) {
        std::vector<Step>& list = all[{e.from, e.to}];
        // Each case's steps come from one rank, in order: a stable sort by case key is the one-node order.
        std::stable_sort(list.begin(), list.end(),
                         [](const Step& x, const Step& y) { return x.key < y.key; });
        seconds.resize(list.size());
        for (size_t k = 0; k < list.size(); ++k) seconds[k] = double(list[k].micros) / 1e6;
        out.push_back({e.from, e.to, summarize_durations(seconds)});
        std::vector<Step>().swap(list);
    }
    return out;
}

} // namespace

MergedResults mine_and_merge(Comm& comm, const OwnedCases& owned, bool variants, bool performance) {
    MergedResults m;
    m.dfg = merge_dfg(comm, mine_dfg(owned.log));
    if (variants) m.variants = merge_variants(comm, owned.log);
    if (performance) m.performance = merge_performance(comm, owned, m.dfg);
    return m;
}

} // namespace tabiji::mpi
