// Positions of all customers at a time (see population.hpp).
#include "tabiji/population.hpp"

#include <algorithm>

namespace tabiji {

Population::Population(const EventLog& log, const LogView& view) {
    if (!log.has_time) return;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        for (uint64_t k = 0; k < ce.size; ++k)
            if (ce.time[k] == kNoTime) return;
        case_index_.push_back(ce.case_index);
        activity_.insert(activity_.end(), ce.activity, ce.activity + ce.size);
        time_.insert(time_.end(), ce.time, ce.time + ce.size);
        offsets_.push_back(activity_.size());
        first_.push_back(ce.time[0]);
        last_.push_back(ce.time[ce.size - 1]);
    });
    if (first_.empty()) return;
    begin_ = *std::min_element(first_.begin(), first_.end());
    end_ = *std::max_element(last_.begin(), last_.end());
}

void Population::at(Micros t, std::vector<PopulationToken>& out) const {
    out.clear();
    for (size_t c = 0; c < first_.size(); ++c) {
        if (t < first_[c] || t > last_[c]) continue;
        const Micros* b = time_.data() + offsets_[c];
        const Micros* e = time_.data() + offsets_[c + 1];
        // The last event at or before t (times inside a case are sorted).
        const size_t i = size_t(std::upper_bound(b, e, t) - b) - 1;
        const uint32_t* act = activity_.data() + offsets_[c];
        PopulationToken tok;
        tok.case_index = case_index_[c];
        tok.from = tok.to = act[i];
        if (b[i] < t && i + 1 < size_t(e - b)) {
            tok.to = act[i + 1];
            tok.fraction = float(double(t - b[i]) / double(b[i + 1] - b[i]));
        }
        out.push_back(tok);
    }
}

} // namespace tabiji
