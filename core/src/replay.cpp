// Steps of one journey for a replay (see replay.hpp).
#include "tabiji/replay.hpp"

#include "tabiji/performance.hpp"

namespace tabiji {

std::vector<ReplayStep> case_steps(const EventLog& log, const TouchpointMap& map, uint32_t c,
                                   const LogView& view) {
    std::vector<ReplayStep> steps;
    if (c >= log.num_cases() || !view.keeps_case(c)) return steps;
    Micros previous = kNoTime;
    for (uint64_t i = log.case_begin(c); i < log.case_end(c); ++i) {
        if (!view.keeps_event(i)) continue;
        ReplayStep s;
        s.activity = log.activity[i];
        s.touchpoint = map.of(i, s.activity);
        s.time = log.time[i];
        s.event = i;
        if (!steps.empty() && previous != kNoTime && s.time != kNoTime)
            s.seconds_since_previous = double(s.time - previous) / 1e6;
        previous = s.time;
        steps.push_back(s);
    }
    return steps;
}

std::vector<ReplayStep> variant_steps(const EventLog& log, const TouchpointMap& map,
                                      const std::vector<Variant>& variants,
                                      const std::vector<uint32_t>& case_variant, uint32_t variant) {
    std::vector<ReplayStep> steps;
    if (variant >= variants.size()) return steps;
    const Variant& v = variants[variant];
    const size_t n = v.activities.size();
    std::vector<std::vector<double>> gaps(n);
    if (log.has_time) {
        for (uint32_t c = 0; c < log.num_cases() && c < case_variant.size(); ++c) {
            if (case_variant[c] != variant) continue;
            // The case's kept events are the variant's sequence; with no event mask they are all its events.
            const uint64_t b = log.case_begin(c);
            if (log.case_end(c) - b != n) continue; // an event-filtered case: its times are not at hand
            for (size_t k = 1; k < n; ++k)
                gaps[k].push_back(double(log.time[b + k] - log.time[b + k - 1]) / 1e6);
        }
    }
    for (size_t k = 0; k < n; ++k) {
        ReplayStep s;
        s.activity = v.activities[k];
        s.touchpoint = map.by_activity.empty() ? TouchpointMap::kNone : map.by_activity[s.activity];
        if (k > 0 && !gaps[k].empty()) s.seconds_since_previous = summarize_durations(gaps[k]).median;
        steps.push_back(s);
    }
    return steps;
}

std::vector<std::pair<std::string, std::string>> step_attributes(const EventLog& log, uint32_t c,
                                                                 uint64_t event) {
    std::vector<std::pair<std::string, std::string>> out;
    if (event != kNoEvent)
        for (const AttributeColumn& col : log.event_attributes)
            if (col.has(event)) out.emplace_back(col.name, col.text(event));
    for (const AttributeColumn& col : log.case_attributes)
        if (c < col.rows && col.has(c)) out.emplace_back(col.name, col.text(c));
    return out;
}

} // namespace tabiji
