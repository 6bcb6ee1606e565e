// exchange_cases: global activity ids, then one all-to-all of cases (id, events as (activity, time)).
#include "case_exchange.hpp"

#include "wire.hpp"

namespace tabiji::mpi {

namespace {

uint64_t fnv1a(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : s) h = (h ^ uint8_t(c)) * 0x100000001b3ull;
    return h;
}

} // namespace

OwnedCases exchange_cases(Comm& comm, const EventLog& local) {
    const int P = comm.size();
    OwnedCases owned;

    // 1. Global activity pool: every rank's names, interned in rank order.
    std::string names;
    WireWriter nw(names);
    for (uint32_t a = 0; a < local.num_activities(); ++a) nw.put_string(local.activities.view(a));
    StringPool global;
    std::vector<uint32_t> to_global;
    const std::vector<std::string> all_names = comm.all_gather(names);
    for (int r = 0; r < P; ++r) {
        WireReader in(all_names[size_t(r)]);
        while (!in.done()) {
            const uint32_t id = global.intern(in.get_string());
            if (r == comm.rank()) to_global.push_back(id);
        }
    }

    // 2. Where this rank's cases start in the file's first-appearance numbering (cases seen on an earlier
    //    rank too get a key there, which is the smaller one the owner keeps).
    uint64_t my_cases = local.num_cases(), key_base = 0;
    MPI_Exscan(&my_cases, &key_base, 1, MPI_UINT64_T, MPI_SUM, comm.get());
    if (comm.rank() == 0) key_base = 0;
    int any_time = local.has_time ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &any_time, 1, MPI_INT, MPI_LOR, comm.get());

    // 3. Cases to their owners.
    std::vector<std::string> out(static_cast<size_t>(P));
    for (uint32_t c = 0; c < local.num_cases(); ++c) {
        const std::string_view id = local.cases.view(c);
        const int owner = int(fnv1a(id) % uint64_t(P));
        WireWriter w(out[size_t(owner)]);
        w.put(key_base + c);
        w.put_string(id);
        w.put(uint64_t(local.case_end(c) - local.case_begin(c)));
        for (uint64_t i = local.case_begin(c); i < local.case_end(c); ++i) {
            w.put(to_global[local.activity[i]]);
            w.put(local.time[i]);
        }
        if (owner != comm.rank()) owned.events_sent += local.case_end(c) - local.case_begin(c);
    }
    const std::vector<std::string> in = comm.all_to_all(out);
    out.clear();
    out.shrink_to_fit();

    // 4. The owned log, built source rank by source rank (see the header for why this is exact).
    EventLogBuilder builder(local.source);
    for (uint32_t a = 0; a < global.size(); ++a) builder.activities().intern(global.view(a));
    for (int s = 0; s < P; ++s) {
        WireReader r(in[size_t(s)]);
        while (!r.done()) {
            const uint64_t key = r.get<uint64_t>();
            const uint32_t before = builder.cases().size();
            const uint32_t number = builder.cases().intern(r.get_string());
            if (number == before) owned.case_key.push_back(key);
            const uint64_t n = r.get<uint64_t>();
            for (uint64_t k = 0; k < n; ++k) {
                const uint32_t activity = r.get<uint32_t>();
                builder.add_ids(number, activity, r.get<Micros>());
            }
        }
    }
    owned.log = builder.finish();
    owned.log.has_time = any_time != 0;
    return owned;
}

} // namespace tabiji::mpi
