// mine_and_merge: local core mining, sums, the merged edge list on every rank, duration groups.
#include "result_merge.hpp"

#include "cpu_time.hpp"
#include "duration_groups.hpp"
#include "wire.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

namespace tabiji::mpi {

namespace {

using EdgeKey = std::pair<uint32_t, uint32_t>;

// The merged Dfg on every rank.
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
    w.put_array(local.edges.data(), local.edges.size());
    std::map<EdgeKey, DfgEdge> edges;
    for (const std::string& part : comm.all_gather(mine)) {
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

std::vector<Variant> merge_variants(Comm& comm, const EventLog& log, const LogView& view) {
    std::string mine;
    WireWriter w(mine);
    for (const Variant& v : mine_variants(log, view)) {
        w.put(uint64_t(v.activities.size()));
        w.put_array(v.activities.data(), v.activities.size());
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

// Edge number in the merged (from, to) order: a dense table for small alphabets, a hash map otherwise.
class EdgeIndex {
  public:
    EdgeIndex(const Dfg& dfg, uint32_t activities) : A_(activities), dense_(activities <= 2048) {
        if (dense_) table_.assign(size_t(A_) * A_, 0);
        for (uint32_t k = 0; k < dfg.edges.size(); ++k) {
            if (dense_)
                table_[size_t(dfg.edges[k].from) * A_ + dfg.edges[k].to] = k;
            else
                sparse_[(uint64_t(dfg.edges[k].from) << 32) | dfg.edges[k].to] = k;
        }
    }
    uint32_t operator()(uint32_t a, uint32_t b) const {
        return dense_ ? table_[size_t(a) * A_ + b] : sparse_.at((uint64_t(a) << 32) | b);
    }

  private:
    uint32_t A_;
    bool dense_;
    std::vector<uint32_t> table_;
    std::unordered_map<uint64_t, uint32_t> sparse_;
};

} // namespace

MergedResults mine_and_merge(Comm& comm, const OwnedCases& owned, const LogView& view,
                             const MiningRequest& request) {
    const EventLog& log = owned.log;
    MergedResults m;
    const double t0 = cpu_seconds();
    const Dfg local = mine_dfg(log, view);
    m.dfg = merge_dfg(comm, local);
    const double t1 = cpu_seconds();
    if (request.variants) m.variants = merge_variants(comm, log, view);
    const double t2 = cpu_seconds();
    m.dfg_s = t1 - t0;
    m.variants_s = t2 - t1;
    const bool durations = request.edge_performance || request.time_to_next || request.case_durations;
    m.case_durations.bin_edges = default_duration_bin_edges();
    if (!durations || !log.has_time) return m;

    // Groups: the merged edges, then the touchpoints (time to next), then one for journey durations.
    const uint32_t D = uint32_t(m.dfg.edges.size()), A = log.num_activities();
    const uint32_t next_base = D, journeys = D + A;
    std::vector<uint64_t> load(size_t(D) + A + 1, 0);
    for (uint32_t k = 0; k < D; ++k) {
        if (request.edge_performance) load[k] = m.dfg.edges[k].count;
        if (request.time_to_next) load[next_base + m.dfg.edges[k].from] += m.dfg.edges[k].count;
    }
    if (request.case_durations) load[journeys] = m.dfg.num_cases;

    // How many values this rank adds to each group: its own steps per edge and per touchpoint, its cases.
    const EdgeIndex edge_index(m.dfg, A);
    std::vector<uint64_t> local_counts(load.size(), 0);
    for (const DfgEdge& e : local.edges) {
        if (request.edge_performance) local_counts[edge_index(e.from, e.to)] = e.count;
        if (request.time_to_next) local_counts[next_base + e.from] += e.count;
    }
    if (request.case_durations) local_counts[journeys] = local.num_cases;
    DurationGroups groups(local_counts, request.sketch_alpha);
    // Step durations in seconds as core's miners convert them; for one group, calls in case-key order.
    if (request.edge_performance || request.time_to_next)
        for_each_case(log, view, [&](const CaseEvents& ce) {
            const uint64_t key = owned.case_key[ce.case_index];
            for (uint64_t i = 0; i + 1 < ce.size; ++i) {
                const double s = double(ce.time[i + 1] - ce.time[i]) / 1e6;
                if (request.edge_performance)
                    groups.add(edge_index(ce.activity[i], ce.activity[i + 1]), key, s);
                if (request.time_to_next) groups.add(next_base + ce.activity[i], key, s);
            }
        });
    std::vector<uint64_t> bin_counts;
    if (request.case_durations) {
        // This rank's journeys (their histogram counts add up; their stats are merged below).
        CaseDurations local = mine_case_durations(log, view, m.case_durations.bin_edges);
        for (size_t i = 0; i < local.cases.size(); ++i)
            groups.add(journeys, owned.case_key[local.cases[i]], local.seconds[i]);
        bin_counts = std::move(local.bin_counts);
        bin_counts.resize(m.case_durations.bin_edges.size(), 0);
    }
    const double t3 = cpu_seconds();
    std::vector<DurationStats> stats = groups.merge(comm, load);
    if (request.case_durations) all_sum(comm, bin_counts);
    m.steps_s = t3 - t2;
    m.durations_merge_s = cpu_seconds() - t3;
    if (comm.rank() != 0) return m;
    if (request.edge_performance)
        for (uint32_t k = 0; k < D; ++k)
            m.performance.push_back({m.dfg.edges[k].from, m.dfg.edges[k].to, stats[k]});
    if (request.time_to_next) m.time_to_next.assign(stats.begin() + next_base, stats.begin() + journeys);
    if (request.case_durations) {
        m.case_durations.stats = stats[journeys];
        m.case_durations.bin_counts = std::move(bin_counts);
    }
    return m;
}

} // namespace tabiji::mpi
