// Funnels with a maximum gap between steps (definition in funnel.hpp).
#include "tabiji/funnel.hpp"

#include "tabiji/attributes.hpp"
#include "tabiji/error.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji {

std::vector<FunnelStep> resolve_funnel_steps(const std::vector<std::string>& specs, const TouchpointMap& map,
                                             const std::string& source) {
    std::vector<FunnelStep> steps;
    for (const std::string& spec : specs) {
        FunnelStep step{spec, {}};
        size_t start = 0;
        while (start <= spec.size()) {
            size_t bar = spec.find('|', start);
            if (bar == std::string::npos) bar = spec.size();
            const std::string name = spec.substr(start, bar - start);
            start = bar + 1;
            if (const uint32_t t = map.find(name); t != TouchpointMap::kNone) {
                step.touchpoints.push_back(t);
                continue;
            }
            const auto s = std::find(map.stage_names.begin(), map.stage_names.end(), name);
            if (s == map.stage_names.end())
                throw InputError(source, 0, 0,
                                 "funnel step '" + spec + "': '" + name +
                                     "' is neither a touchpoint nor a stage");
            for (uint32_t t = 0; t < map.size(); ++t)
                if (map.stage[t] == int32_t(s - map.stage_names.begin())) step.touchpoints.push_back(t);
        }
        std::sort(step.touchpoints.begin(), step.touchpoints.end());
        step.touchpoints.erase(std::unique(step.touchpoints.begin(), step.touchpoints.end()),
                               step.touchpoints.end());
        steps.push_back(std::move(step));
    }
    return steps;
}

Funnel mine_funnel(const EventLog& log, const LogView& view, const TouchpointMap& map,
                   const std::vector<FunnelStep>& steps, double max_gap_seconds) {
    Funnel f;
    f.max_gap_seconds = max_gap_seconds;
    const size_t n = steps.size();
    f.steps.resize(n);
    // in_step[k][t]: touchpoint t belongs to step k.
    std::vector<std::vector<uint8_t>> in_step(n, std::vector<uint8_t>(map.size(), 0));
    for (size_t k = 0; k < n; ++k)
        for (uint32_t t : steps[k].touchpoints) in_step[k][t] = 1;
    const bool limited = std::isfinite(max_gap_seconds);
    const Micros max_gap = limited ? Micros(max_gap_seconds * 1e6) : 0;
    std::vector<std::vector<double>> from_prev(n), from_first(n);
    std::vector<std::vector<uint64_t>> next_count(n, std::vector<uint64_t>(map.size() + 1, 0)); // + end

    for_each_journey(log, view, map, [&](const Journey& j) {
        ++f.cases;
        if (n == 0) return;
        uint64_t pos = 0;
        while (pos < j.size && !in_step[0][j.touchpoint[pos]]) ++pos;
        if (pos == j.size) return;
        const uint64_t first = pos;
        ++f.steps[0].cases;
        from_prev[0].push_back(0);
        from_first[0].push_back(0);
        for (size_t k = 1; k < n; ++k) {
            uint64_t q = pos + 1;
            while (q < j.size && !in_step[k][j.touchpoint[q]]) ++q;
            const bool reached = q < j.size && (!limited || j.time[q] - j.time[pos] <= max_gap);
            if (!reached) {
                ++next_count[k][pos + 1 < j.size ? j.touchpoint[pos + 1] : map.size()];
                return;
            }
            ++f.steps[k].cases;
            from_prev[k].push_back(double(j.time[q] - j.time[pos]) / 1e6);
            from_first[k].push_back(double(j.time[q] - j.time[first]) / 1e6);
            pos = q;
        }
    });

    for (size_t k = 0; k < n; ++k) {
        FunnelStepResult& r = f.steps[k];
        const uint64_t prev = k ? f.steps[k - 1].cases : f.cases;
        r.conversion_from_previous = prev ? double(r.cases) / double(prev) : 0.0;
        r.conversion_from_first = f.steps[0].cases ? double(r.cases) / double(f.steps[0].cases) : 0.0;
        r.dropped = k ? prev - r.cases : 0;
        for (uint32_t t = 0; t <= map.size(); ++t)
            if (next_count[k][t])
                r.dropped_next.emplace_back(t == map.size() ? TouchpointMap::kNone : t, next_count[k][t]);
        std::sort(r.dropped_next.begin(), r.dropped_next.end(), [&](const auto& x, const auto& y) {
            if (x.second != y.second) return x.second > y.second;
            if ((x.first == TouchpointMap::kNone) != (y.first == TouchpointMap::kNone))
                return y.first == TouchpointMap::kNone;
            return x.first != TouchpointMap::kNone && map.names[x.first] < map.names[y.first];
        });
        if (log.has_time) {
            r.time_from_previous = summarize_durations(from_prev[k]);
            r.time_from_first = summarize_durations(from_first[k]);
        }
    }
    return f;
}

std::optional<double> parse_duration_seconds(std::string_view text) {
    if (text.empty()) return std::nullopt;
    double unit = 1;
    switch (text.back()) {
    case 'd':
        unit = 86400;
        break;
    case 'h':
        unit = 3600;
        break;
    case 'm':
        unit = 60;
        break;
    case 's':
        unit = 1;
        break;
    default:
        unit = 0;
    }
    if (unit != 0)
        text.remove_suffix(1);
    else
        unit = 1;
    const auto v = parse_real(text); // decimal notation, as attribute values are read
    if (!v || !std::isfinite(*v) || *v < 0) return std::nullopt;
    return *v * unit;
}

} // namespace tabiji
