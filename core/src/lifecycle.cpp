// pair_lifecycle: one pass per case with a FIFO of open starts per activity, then a copy of the kept
// (complete) events into a new log, attributes and case-level rows included.
#include "tabiji/lifecycle.hpp"

#include "tabiji/error.hpp"

#include <deque>
#include <unordered_map>

namespace tabiji {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != b[i]) return false;
    }
    return true;
}

// An empty column shaped like `c` with `rows` rows.
AttributeColumn empty_like(const AttributeColumn& c, uint64_t rows) {
    AttributeColumn out;
    out.name = c.name;
    out.type = c.type;
    out.case_level = c.case_level;
    out.rows = rows;
    out.valid.assign((rows + 63) / 64, 0);
    if (c.type == AttrType::string)
        out.ids.assign(rows, 0);
    else if (c.type == AttrType::real)
        out.reals.assign(rows, 0.0);
    else
        out.ints.assign(rows, 0);
    return out;
}

void copy_row(AttributeColumn& out, uint64_t to, const AttributeColumn& in, uint64_t from) {
    if (!in.has(from)) return;
    out.valid[to >> 6] |= uint64_t(1) << (to & 63);
    if (in.type == AttrType::string)
        out.ids[to] = in.ids[from];
    else if (in.type == AttrType::real)
        out.reals[to] = in.reals[from];
    else
        out.ints[to] = in.ints[from];
}

} // namespace

const AttributeColumn* lifecycle_column(const EventLog& log) {
    const AttributeColumn* c = log.event_attribute("lifecycle:transition");
    return c ? c : log.event_attribute("lifecycle");
}

EventLog pair_lifecycle(EventLog log, LifecyclePairing* stats) {
    const AttributeColumn* lc = lifecycle_column(log);
    if (!lc || lc->type != AttrType::string)
        throw InputError(
            log.source, 0, 0,
            "pairing start and complete events needs a lifecycle column ('lifecycle:transition' or "
            "'lifecycle') with values such as start and complete");
    // Lifecycle kind per string id: 1 start, 2 complete, 0 other.
    std::vector<uint8_t> kind(lc->strings.size(), 0);
    for (uint32_t id = 1; id < lc->strings.size(); ++id)
        kind[id] = iequals(lc->strings.view(id), "start")      ? 1
                   : iequals(lc->strings.view(id), "complete") ? 2
                                                               : 0;

    LifecyclePairing st;
    std::vector<uint64_t> kept;        // rows of the kept complete events, in order
    std::vector<Micros> start_of_kept; // their start time, kNoTime when unmatched
    std::vector<uint32_t> kept_cases;  // old case numbers of the cases that keep events
    std::vector<uint64_t> offsets{0};
    std::unordered_map<uint32_t, std::deque<Micros>> open; // activity -> open starts, oldest first
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        open.clear();
        for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) {
            const uint8_t k = lc->has(i) ? kind[lc->ids[i]] : 0;
            if (k == 1) {
                open[log.activity[i]].push_back(log.time[i]);
            } else if (k == 2) {
                auto it = open.find(log.activity[i]);
                if (it != open.end() && !it->second.empty()) {
                    start_of_kept.push_back(it->second.front());
                    it->second.pop_front();
                    ++st.pairs;
                } else {
                    start_of_kept.push_back(kNoTime);
                    ++st.unmatched_completes;
                }
                kept.push_back(i);
            } else {
                ++st.other_events;
            }
        }
        for (const auto& [activity, starts] : open) st.unmatched_starts += starts.size();
        if (kept.size() == offsets.back()) {
            ++st.dropped_cases;
            continue;
        }
        kept_cases.push_back(c);
        offsets.push_back(kept.size());
    }

    EventLog out;
    out.source = log.source;
    out.has_time = log.has_time;
    out.case_offsets = std::move(offsets);
    // Activities and cases still present, in their old id order.
    std::vector<uint32_t> activity_map(log.num_activities(), StringPool::npos);
    for (uint64_t i : kept) activity_map[log.activity[i]] = 0;
    for (uint32_t a = 0; a < log.num_activities(); ++a)
        if (activity_map[a] == 0) activity_map[a] = out.activities.intern(log.activities.view(a));
    for (uint32_t c : kept_cases) out.cases.intern(log.cases.view(c));
    out.activity.reserve(kept.size());
    out.time.reserve(kept.size());
    for (uint64_t i : kept) {
        out.activity.push_back(activity_map[log.activity[i]]);
        out.time.push_back(log.time[i]);
    }
    for (AttributeColumn& c : log.event_attributes) {
        AttributeColumn n = empty_like(c, kept.size());
        for (uint64_t r = 0; r < kept.size(); ++r) copy_row(n, r, c, kept[r]);
        n.strings = std::move(c.strings);
        out.event_attributes.push_back(std::move(n));
    }
    for (AttributeColumn& c : log.case_attributes) {
        AttributeColumn n = empty_like(c, kept_cases.size());
        for (uint64_t r = 0; r < kept_cases.size(); ++r) copy_row(n, r, c, kept_cases[r]);
        n.strings = std::move(c.strings);
        out.case_attributes.push_back(std::move(n));
    }
    AttributeColumn start_col, duration;
    start_col.name = "start_timestamp";
    start_col.type = AttrType::time;
    duration.name = "duration_s";
    duration.type = AttrType::real;
    start_col = empty_like(start_col, kept.size());
    duration = empty_like(duration, kept.size());
    for (uint64_t r = 0; r < kept.size(); ++r) {
        if (start_of_kept[r] == kNoTime) continue;
        start_col.valid[r >> 6] |= uint64_t(1) << (r & 63);
        duration.valid[r >> 6] |= uint64_t(1) << (r & 63);
        start_col.ints[r] = start_of_kept[r];
        duration.reals[r] = double(out.time[r] - start_of_kept[r]) / 1e6;
    }
    out.event_attributes.push_back(std::move(start_col));
    out.event_attributes.push_back(std::move(duration));
    if (stats) *stats = st;
    return out;
}

} // namespace tabiji
