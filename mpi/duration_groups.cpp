// DurationGroups: exact (gather at the group's owner, merge runs by case key) or sketched (moments and a
// quantile sketch per rank, merged on rank 0).
#include "duration_groups.hpp"

#include "quantile_sketch.hpp"
#include "wire.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace tabiji::mpi {

namespace {

struct Keyed {
    uint64_t key;
    double seconds;
};

// Count, sum, min, max, mean and sum of squared deviations of a set of values, mergeable exactly in
// count / min / max and up to rounding in the others.
struct Moments {
    uint64_t n = 0;
    double sum = 0, min = 0, max = 0, mean = 0, m2 = 0;

    void add(double x) {
        min = n ? std::min(min, x) : x;
        max = n ? std::max(max, x) : x;
        ++n;
        sum += x;
        const double d = x - mean; // Welford's update
        mean += d / double(n);
        m2 += d * (x - mean);
    }
    // Chan, Golub and LeVeque's pairwise update.
    void merge(const Moments& o) {
        if (!o.n) return;
        if (!n) {
            *this = o;
            return;
        }
        const double total = double(n + o.n), d = o.mean - mean;
        mean += d * double(o.n) / total;
        m2 += o.m2 + d * d * double(n) * double(o.n) / total;
        sum += o.sum;
        min = std::min(min, o.min);
        max = std::max(max, o.max);
        n += o.n;
    }
};

// Owner of every group: largest load first, each to the least loaded rank (ties: lowest rank).
std::vector<int> owners(const std::vector<uint64_t>& load, int ranks) {
    std::vector<uint32_t> order(load.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return load[a] > load[b]; });
    std::vector<uint64_t> total(size_t(ranks), 0);
    std::vector<int> owner(load.size(), 0);
    for (uint32_t g : order) {
        const int r = int(std::min_element(total.begin(), total.end()) - total.begin());
        owner[g] = r;
        total[size_t(r)] += load[g];
    }
    return owner;
}

} // namespace

struct DurationGroups::Impl {
    double alpha;
    // Exact: all values of this rank in one array, group by group (offset[g] .. offset[g + 1]).
    std::vector<Keyed> values;
    std::vector<uint64_t> offset, cursor;
    std::vector<Moments> moments;         // sketched
    std::vector<QuantileSketch> sketches; // sketched
};

DurationGroups::DurationGroups(const std::vector<uint64_t>& local_counts, double alpha) : impl_(new Impl) {
    impl_->alpha = alpha;
    const size_t groups = local_counts.size();
    if (alpha > 0) {
        impl_->moments.resize(groups);
        impl_->sketches.assign(groups, QuantileSketch(alpha));
    } else {
        impl_->offset.assign(groups + 1, 0);
        for (size_t g = 0; g < groups; ++g) impl_->offset[g + 1] = impl_->offset[g] + local_counts[g];
        impl_->cursor.assign(impl_->offset.begin(), impl_->offset.end() - 1);
        impl_->values.resize(impl_->offset.back());
    }
}

DurationGroups::~DurationGroups() {
    delete impl_;
}

void DurationGroups::add(uint32_t group, uint64_t case_key, double seconds) {
    if (impl_->alpha > 0) {
        impl_->moments[group].add(seconds);
        impl_->sketches[group].add(seconds);
    } else {
        impl_->values[impl_->cursor[group]++] = {case_key, seconds};
    }
}

std::vector<DurationStats> DurationGroups::merge(Comm& comm, const std::vector<uint64_t>& load) {
    const size_t G = load.size();
    std::vector<DurationStats> out;
    if (impl_->alpha > 0) {
        // Every rank's moments and sketches to rank 0, merged there in rank order.
        std::string mine;
        WireWriter w(mine);
        for (size_t g = 0; g < G; ++g) {
            w.put(impl_->moments[g]);
            impl_->sketches[g].write(w);
        }
        const std::vector<std::string> parts = comm.gather(mine);
        if (comm.rank() != 0) return out;
        std::vector<Moments> moments(G);
        std::vector<QuantileSketch> sketches(G, QuantileSketch(impl_->alpha));
        QuantileSketch one(impl_->alpha);
        for (const std::string& part : parts) {
            WireReader r(part);
            for (size_t g = 0; g < G; ++g) {
                moments[g].merge(r.get<Moments>());
                one.read(r);
                sketches[g].merge(one);
            }
        }
        out.resize(G);
        for (size_t g = 0; g < G; ++g) {
            const Moments& m = moments[g];
            DurationStats& s = out[g];
            s.count = m.n;
            if (!m.n) continue;
            s.sum = m.sum;
            s.mean = m.sum / double(m.n); // as summarize_durations defines it
            s.min = m.min;
            s.max = m.max;
            s.median = sketches[g].quantile(0.5);
            s.p90 = sketches[g].quantile(0.9);
            if (m.n >= 2) s.stdev = std::sqrt(std::max(0.0, m.m2) / double(m.n - 1));
        }
        return out;
    }

    // Exact: values to the owners (an owner's own values stay where they are).
    const int P = comm.size(), me = comm.rank();
    const std::vector<int> owner = owners(load, P);
    const std::vector<uint64_t>& offset = impl_->offset;
    for (uint32_t g = 0; g < G; ++g)
        if (impl_->cursor[g] != offset[g + 1]) throw std::logic_error("DurationGroups: wrong local count");
    const Keyed* values = impl_->values.data();
    auto local_run = [&](uint32_t g) {
        return std::string_view(reinterpret_cast<const char*>(values + offset[g]),
                                (offset[g + 1] - offset[g]) * sizeof(Keyed));
    };
    std::vector<std::string> send(static_cast<size_t>(P));
    for (int pass = 0; pass < 2; ++pass) { // sizes first, then the bytes
        std::vector<size_t> bytes(static_cast<size_t>(P), 0);
        for (uint32_t g = 0; g < G; ++g) {
            const uint64_t n = offset[g + 1] - offset[g];
            if (!n || owner[g] == me) continue;
            if (pass == 0) {
                bytes[size_t(owner[g])] += sizeof(uint32_t) + sizeof(uint64_t) + n * sizeof(Keyed);
                continue;
            }
            WireWriter w(send[size_t(owner[g])]);
            w.put(g);
            w.put(n);
            w.put_array(values + offset[g], n);
        }
        if (pass == 0)
            for (int r = 0; r < P; ++r) send[size_t(r)].reserve(bytes[size_t(r)]);
    }
    const Comm::Received received = comm.all_to_all(std::move(send));

    // Per owned group: the runs of all ranks, in rank order (this rank's own from its array).
    std::vector<std::vector<std::string_view>> runs(G);
    for (int s = 0; s < P; ++s) {
        if (s == me) {
            for (uint32_t g = 0; g < G; ++g)
                if (owner[g] == me && offset[g + 1] > offset[g]) runs[g].push_back(local_run(g));
            continue;
        }
        WireReader r(received[size_t(s)]);
        while (!r.done()) {
            const uint32_t g = r.get<uint32_t>();
            const uint64_t n = r.get<uint64_t>();
            runs.at(g).push_back(r.get_array<Keyed>(n));
        }
    }
    std::string mine;
    WireWriter w(mine);
    std::vector<Keyed> all;
    std::vector<size_t> bounds;
    std::vector<double> secs;
    for (uint32_t g = 0; g < G; ++g) {
        if (owner[g] != me) continue;
        all.clear();
        bounds.assign(1, 0);
        for (const std::string_view run : runs[g]) {
            const size_t at = all.size();
            all.resize(at + run.size() / sizeof(Keyed));
            std::memcpy(all.data() + at, run.data(), run.size());
            bounds.push_back(all.size());
        }
        // Pairwise merges of neighbouring runs until one is left (log2(ranks) passes).
        auto by_key = [](const Keyed& a, const Keyed& b) { return a.key < b.key; };
        while (bounds.size() > 2) {
            std::vector<size_t> next(1, 0);
            for (size_t k = 0; k + 2 < bounds.size(); k += 2) {
                std::inplace_merge(all.begin() + long(bounds[k]), all.begin() + long(bounds[k + 1]),
                                   all.begin() + long(bounds[k + 2]), by_key);
                next.push_back(bounds[k + 2]);
            }
            if (bounds.size() % 2 == 0) next.push_back(bounds.back());
            bounds.swap(next);
        }
        secs.resize(all.size());
        for (size_t k = 0; k < all.size(); ++k) secs[k] = all[k].seconds;
        w.put(g);
        w.put(summarize_durations(secs));
    }
    const std::vector<std::string> summaries = comm.gather(mine);
    if (comm.rank() != 0) return out;
    out.resize(G);
    for (const std::string& part : summaries) {
        WireReader r(part);
        while (!r.done()) {
            const uint32_t g = r.get<uint32_t>();
            out.at(g) = r.get<DurationStats>();
        }
    }
    return out;
}

} // namespace tabiji::mpi
