// A cheap view over an EventLog: which cases and which events a filter chain kept. A view never copies
// the log; miners take (log, view) and walk only what is kept.
//
// Meaning of a view:
// - case_kept: per case 1 (kept) or 0 (filtered out); empty means every case is kept.
// - event_kept: per event 1 (kept) or 0; empty means every event of a kept case is kept.
// - A kept case whose events are all masked out is not a case of the view (filters clear its case_kept
//   byte; miners skip it anyway), the way a case disappears from PM4Py's table when its rows are filtered.
// - With an event mask, a case of the view is the subsequence of its kept events: "directly follows" is
//   computed over kept events (a -> c when b between them was masked), as PM4Py does after event filters.
#pragma once
#include "tabiji/event_log.hpp"

#include <cassert>
#include <cstdint>
#include <vector>

namespace tabiji {

struct LogView {
    std::vector<uint8_t> case_kept;  // per case; empty = all kept
    std::vector<uint8_t> event_kept; // per event; empty = all events of kept cases kept

    bool keeps_case(uint32_t c) const { return case_kept.empty() || case_kept[c]; }
    bool keeps_event(uint64_t i) const { return event_kept.empty() || event_kept[i]; }
    bool has_event_mask() const { return !event_kept.empty(); }
    // Materialise the masks (all ones) so filters can clear bytes.
    void ensure_case_mask(const EventLog& log);
    void ensure_event_mask(const EventLog& log);
};

// The kept events of one case, contiguous in memory: pointers into the log when no event of the case is
// masked, else into a scratch copy of the kept events.
struct CaseEvents {
    uint32_t case_index = 0;
    const uint32_t* activity = nullptr;
    const Micros* time = nullptr;
    uint64_t size = 0;
    uint64_t first = 0;              // log index of activity[0] when `index` is null
    const uint64_t* index = nullptr; // log index of each kept event (null: first + k)
    uint64_t event_index(uint64_t k) const { return index ? index[k] : first + k; }
};

// Calls f(const CaseEvents&) for every case of the view with at least one kept event, in log order.
// The one loop every miner and filter shares.
template <class F>
void for_each_case(const EventLog& log, const LogView& view, F&& f) {
    assert(view.case_kept.empty() || view.case_kept.size() == log.num_cases());
    assert(view.event_kept.empty() || view.event_kept.size() == log.num_events());
    const uint32_t* act = log.activity.data();
    const Micros* time = log.time.data();
    std::vector<uint32_t> a;
    std::vector<Micros> t;
    std::vector<uint64_t> ix;
    CaseEvents ce;
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        if (!view.keeps_case(c)) continue;
        const uint64_t b = log.case_begin(c), e = log.case_end(c);
        ce.case_index = c;
        if (!view.has_event_mask()) {
            ce.activity = act + b;
            ce.time = time + b;
            ce.size = e - b;
            ce.first = b;
            ce.index = nullptr;
        } else {
            a.clear();
            t.clear();
            ix.clear();
            for (uint64_t i = b; i < e; ++i)
                if (view.event_kept[i]) {
                    a.push_back(act[i]);
                    t.push_back(time[i]);
                    ix.push_back(i);
                }
            ce.activity = a.data();
            ce.time = t.data();
            ce.size = a.size();
            ce.index = ix.data();
        }
        if (ce.size) f(static_cast<const CaseEvents&>(ce));
    }
}

// Cases and events of the view (cases with at least one kept event).
struct ViewSize {
    uint32_t cases = 0;
    uint64_t events = 0;
};
ViewSize view_size(const EventLog& log, const LogView& view);

} // namespace tabiji
