// exchange_cases: global activity ids, then one all-to-all of cases (key, id, activities, times), and the
// owned log built directly from the received fragments (no per-event interning, no global sort).
#include "case_exchange.hpp"

#include "cpu_time.hpp"
#include "wire.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <utility>

namespace tabiji::mpi {

namespace {

// One rank's piece of one case, as received: its events in the ordering rule's order.
struct Fragment {
    uint64_t key;
    std::string_view id;
    uint32_t number; // case number in the owned log
    uint32_t size;
    std::string_view activities, times; // size uint32 / Micros values
};

// Case ids to dense numbers in order of first sight, for ids that stay in memory meanwhile (the received
// buffers and the local log): open addressing sized once for the most ids it can see, a slot holding
// the upper half of the id's hash and its number + 1, so a probe rarely touches the id. Lighter than a
// StringPool, which copies every id and grows its index as it goes (the owned log needs no ids).
class CaseTable {
  public:
    explicit CaseTable(size_t most) {
        size_t size = 16;
        while (size < 2 * most) size *= 2;
        slots_.assign(size, 0);
        shift_ = 64 - unsigned(__builtin_ctzll(size));
    }
    uint32_t number(std::string_view id) {
        const uint64_t h = StringPool::hash(id);
        const uint64_t tag = h >> 32;
        // Fibonacci hashing: the owner is hash mod P, so the low bits of h are alike on one rank.
        for (size_t i = size_t((h * 0x9e3779b97f4a7c15ull) >> shift_);; i = (i + 1) & (slots_.size() - 1)) {
            const uint64_t slot = slots_[i];
            if (slot == 0) {
                ids_.push_back(id);
                slots_[i] = (tag << 32) | ids_.size();
                return uint32_t(ids_.size() - 1);
            }
            if ((slot >> 32) == tag && ids_[uint32_t(slot) - 1] == id) return uint32_t(slot) - 1;
        }
    }

  private:
    std::vector<uint64_t> slots_;
    std::vector<std::string_view> ids_;
    unsigned shift_ = 0;
};

// Stable sort by time of the events [b, e) of a log (the rule's tie order: the order they are in).
void stable_sort_by_time(EventLog& log, uint64_t b, uint64_t e) {
    if (std::is_sorted(log.time.begin() + long(b), log.time.begin() + long(e))) return;
    std::vector<std::pair<Micros, uint32_t>> events;
    for (uint64_t i = b; i < e; ++i) events.emplace_back(log.time[i], log.activity[i]);
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (uint64_t i = b; i < e; ++i) std::tie(log.time[i], log.activity[i]) = events[i - b];
}

} // namespace

OwnedCases exchange_cases(Comm& comm, EventLog local) {
    const int P = comm.size();
    OwnedCases owned;
    int any_time = local.has_time ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &any_time, 1, MPI_INT, MPI_LOR, comm.get());
    if (P == 1) {
        // One rank owns everything: the log as read, cases numbered in first-appearance order already.
        owned.case_key.resize(local.num_cases());
        std::iota(owned.case_key.begin(), owned.case_key.end(), uint64_t(0));
        owned.log = std::move(local);
        owned.log.has_time = any_time != 0;
        return owned;
    }

    const double t0 = cpu_seconds();
    // 1. Global activity pool: every rank's names, interned in rank order.
    std::string names;
    WireWriter nw(names);
    for (uint32_t a = 0; a < local.num_activities(); ++a) nw.put_string(local.activities.view(a));
    EventLog& log = owned.log;
    log.source = local.source;
    std::vector<uint32_t> to_global;
    const std::vector<std::string> all_names = comm.all_gather(names);
    for (int r = 0; r < P; ++r) {
        WireReader in(all_names[size_t(r)]);
        while (!in.done()) {
            const uint32_t id = log.activities.intern(in.get_string());
            if (r == comm.rank()) to_global.push_back(id);
        }
    }

    // 2. Where this rank's cases start in the file's first-appearance numbering (cases seen on an earlier
    //    rank too get a key there, which is the smaller one the owner keeps).
    uint64_t my_cases = local.num_cases(), key_base = 0;
    MPI_Exscan(&my_cases, &key_base, 1, MPI_UINT64_T, MPI_SUM, comm.get());
    if (comm.rank() == 0) key_base = 0;

    // 3. Cases to their owners: key, id, event count, activity ids (global), times. The cases this rank
    //    owns itself are not copied: their fragments point into the local log.
    const int me = comm.rank();
    for (uint32_t& a : local.activity) a = to_global[a];
    std::vector<std::string> out(static_cast<size_t>(P));
    std::vector<uint32_t> owner(local.num_cases());
    std::vector<size_t> bytes(static_cast<size_t>(P), 0);
    for (uint32_t c = 0; c < local.num_cases(); ++c) {
        const std::string_view id = local.cases.view(c);
        owner[c] = uint32_t(StringPool::hash(id) % uint64_t(P));
        bytes[owner[c]] += 16 + id.size() + 12 * (local.case_end(c) - local.case_begin(c));
    }
    for (int r = 0; r < P; ++r)
        if (r != me) out[size_t(r)].reserve(bytes[size_t(r)]);
    for (uint32_t c = 0; c < local.num_cases(); ++c) {
        if (int(owner[c]) == me) continue;
        const uint64_t b = local.case_begin(c), n = local.case_end(c) - b;
        WireWriter w(out[owner[c]]);
        w.put(key_base + c);
        w.put_string(local.cases.view(c));
        w.put(uint32_t(n));
        w.put_array(local.activity.data() + b, n);
        w.put_array(local.time.data() + b, n);
        owned.events_sent += n;
    }
    const double t1 = cpu_seconds();
    const Comm::Received in = comm.all_to_all(std::move(out));
    const double t2 = cpu_seconds();

    // 4. The owned log. Fragments are taken source rank by source rank, so a case's first fragment is its
    //    first appearance in the file (its number here follows the file's first-appearance order), and
    //    its events are laid out in file order; a case with fragments from several ranks then gets the
    //    rule's stable sort by time (see the header for why this is exact).
    std::vector<Fragment> fragments;
    fragments.reserve(local.num_cases() + local.num_cases() / 4);
    for (int s = 0; s < P; ++s) {
        if (s == me) {
            for (uint32_t c = 0; c < local.num_cases(); ++c) {
                if (int(owner[c]) != me) continue;
                const uint64_t b = local.case_begin(c);
                const uint32_t n = uint32_t(local.case_end(c) - b);
                fragments.push_back(
                    {key_base + c,
                     local.cases.view(c),
                     0,
                     n,
                     {reinterpret_cast<const char*>(local.activity.data() + b), n * sizeof(uint32_t)},
                     {reinterpret_cast<const char*>(local.time.data() + b), n * sizeof(Micros)}});
            }
            continue;
        }
        WireReader r(in[size_t(s)]);
        while (!r.done()) {
            const uint64_t key = r.get<uint64_t>();
            const std::string_view id = r.get_string();
            const uint32_t n = r.get<uint32_t>();
            const std::string_view a = r.get_array<uint32_t>(n), t = r.get_array<Micros>(n);
            fragments.push_back({key, id, 0, n, a, t});
        }
    }
    // Case numbers: fragments of one id get one number, in order of first fragment.
    std::vector<uint64_t>& off = log.case_offsets;
    std::vector<uint32_t> pieces;
    {
        CaseTable table(fragments.size());
        for (Fragment& f : fragments) {
            f.number = table.number(f.id);
            if (f.number == pieces.size()) {
                owned.case_key.push_back(f.key);
                off.push_back(0);
                pieces.push_back(0);
            }
            off[size_t(f.number) + 1] += f.size;
            ++pieces[f.number];
        }
    }
    for (size_t c = 0; c + 1 < off.size(); ++c) off[c + 1] += off[c];
    log.activity.resize(off.back());
    log.time.resize(off.back());
    std::vector<uint64_t> cursor(off.begin(), off.end() - 1);
    for (const Fragment& f : fragments) {
        uint64_t& at = cursor[f.number];
        std::memcpy(log.activity.data() + at, f.activities.data(), f.activities.size());
        std::memcpy(log.time.data() + at, f.times.data(), f.times.size());
        at += f.size;
    }
    log.has_time = any_time != 0;
    if (log.has_time)
        for (uint32_t c = 0; c < log.num_cases(); ++c)
            if (pieces[c] > 1) stable_sort_by_time(log, log.case_begin(c), log.case_end(c));
    local = EventLog{};
    owned.pack_s = t1 - t0;
    owned.transfer_s = t2 - t1;
    owned.build_s = cpu_seconds() - t2;
    return owned;
}

} // namespace tabiji::mpi
