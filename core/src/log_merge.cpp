#include "tabiji/log_merge.hpp"

#include <algorithm>

namespace tabiji {

EventLog merge_logs(EventLog first, const EventLog& second) {
    // Ids of second's strings in first's pools.
    std::vector<uint32_t> activity_map(second.num_activities());
    for (uint32_t a = 0; a < second.num_activities(); ++a)
        activity_map[a] = first.activities.intern(second.activities.view(a));
    const uint32_t first_cases = first.num_cases();
    std::vector<uint32_t> case_map(second.num_cases());
    for (uint32_t c = 0; c < second.num_cases(); ++c) case_map[c] = first.cases.intern(second.cases.view(c));
    const uint32_t total_cases = first.cases.size();

    // Per merged case: events from first, then from second.
    std::vector<uint32_t> second_case_of(total_cases, StringPool::npos);
    for (uint32_t c = 0; c < second.num_cases(); ++c) second_case_of[case_map[c]] = c;

    EventLog out;
    out.source = first.source;
    out.activities = std::move(first.activities);
    out.cases = std::move(first.cases);
    out.has_time = first.has_time || second.has_time;
    out.case_offsets.assign(size_t(total_cases) + 1, 0);
    out.activity.reserve(first.num_events() + second.num_events());
    out.time.reserve(first.num_events() + second.num_events());

    struct Ev {
        Micros t;
        uint32_t a;
    };
    std::vector<Ev> a_run, b_run, merged;
    for (uint32_t c = 0; c < total_cases; ++c) {
        a_run.clear();
        b_run.clear();
        if (c < first_cases)
            for (uint64_t i = first.case_begin(c); i < first.case_end(c); ++i)
                a_run.push_back({first.time[i], first.activity[i]});
        if (const uint32_t s = second_case_of[c]; s != StringPool::npos)
            for (uint64_t i = second.case_begin(s); i < second.case_end(s); ++i)
                b_run.push_back({second.time[i], activity_map[second.activity[i]]});
        merged.clear();
        if (out.has_time) {
            // std::merge is stable: on equal times the element of the first range comes first.
            std::merge(a_run.begin(), a_run.end(), b_run.begin(), b_run.end(), std::back_inserter(merged),
                       [](const Ev& x, const Ev& y) { return x.t < y.t; });
        } else {
            merged = a_run;
            merged.insert(merged.end(), b_run.begin(), b_run.end());
        }
        for (const Ev& e : merged) {
            out.activity.push_back(e.a);
            out.time.push_back(e.t);
        }
        out.case_offsets[size_t(c) + 1] = out.activity.size();
    }
    return out;
}

} // namespace tabiji
