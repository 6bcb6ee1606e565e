// EventLogBuilder::finish applies the ordering rule of event_log.hpp: group by case (cases in order of
// first appearance), then a stable sort by timestamp inside each case.
#include "tabiji/event_log.hpp"

#include <algorithm>
#include <numeric>

namespace tabiji {

size_t EventLog::memory_bytes() const {
    return case_offsets.capacity() * sizeof(uint64_t) + activity.capacity() * sizeof(uint32_t) +
           time.capacity() * sizeof(Micros) + activities.memory_bytes() + cases.memory_bytes();
}

EventLogBuilder::EventLogBuilder(std::string source) {
    log_.source = std::move(source);
}

void EventLogBuilder::reserve(size_t events) {
    event_case_.reserve(events);
    event_activity_.reserve(events);
    event_time_.reserve(events);
}

void EventLogBuilder::add(std::string_view case_id, std::string_view activity, Micros time) {
    add_ids(log_.cases.intern(case_id), log_.activities.intern(activity), time);
}

void EventLogBuilder::add_ids(uint32_t case_number, uint32_t activity_id, Micros time) {
    event_case_.push_back(case_number);
    event_activity_.push_back(activity_id);
    event_time_.push_back(time);
    any_time_ |= (time != kNoTime);
}

EventLog EventLogBuilder::finish() {
    const size_t n = event_case_.size();
    const uint32_t num_cases = log_.cases.size();

    // Counting sort by case: stable, so file order is kept inside each case.
    std::vector<uint64_t>& off = log_.case_offsets;
    off.assign(size_t(num_cases) + 1, 0);
    for (uint32_t c : event_case_) ++off[size_t(c) + 1];
    for (size_t c = 0; c < num_cases; ++c) off[c + 1] += off[c];

    std::vector<uint64_t> cursor(off.begin(), off.end() - 1);
    log_.activity.resize(n);
    log_.time.resize(n);
    for (size_t i = 0; i < n; ++i) {
        uint64_t dst = cursor[event_case_[i]]++;
        log_.activity[dst] = event_activity_[i];
        log_.time[dst] = event_time_[i];
    }
    std::vector<uint32_t>().swap(event_case_);
    std::vector<uint32_t>().swap(event_activity_);
    std::vector<Micros>().swap(event_time_);

    log_.has_time = any_time_;
    if (any_time_) {
        // Stable sort by time inside each case; most exports are already in order, so check first.
        std::vector<uint32_t> perm;
        std::vector<uint32_t> act_tmp;
        std::vector<Micros> time_tmp;
        for (uint32_t c = 0; c < num_cases; ++c) {
            const uint64_t b = off[c], e = off[c + 1];
            if (std::is_sorted(log_.time.begin() + b, log_.time.begin() + e)) continue;
            const size_t len = e - b;
            perm.resize(len);
            std::iota(perm.begin(), perm.end(), 0u);
            std::stable_sort(perm.begin(), perm.end(),
                             [&](uint32_t x, uint32_t y) { return log_.time[b + x] < log_.time[b + y]; });
            act_tmp.assign(log_.activity.begin() + b, log_.activity.begin() + e);
            time_tmp.assign(log_.time.begin() + b, log_.time.begin() + e);
            for (size_t k = 0; k < len; ++k) {
                log_.activity[b + k] = act_tmp[perm[k]];
                log_.time[b + k] = time_tmp[perm[k]];
            }
        }
    }
    return std::move(log_);
}

} // namespace tabiji
