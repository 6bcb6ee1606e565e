// Cases, dwell time and satisfaction per journey stage (definition in stage_view.hpp).
#include "tabiji/stage_view.hpp"

#include "tabiji/error.hpp"

#include <algorithm>
#include <cctype>

namespace tabiji {

namespace {

bool numeric(const AttributeColumn& c) {
    return c.type == AttrType::integer || c.type == AttrType::real;
}

double value_of(const AttributeColumn& c, uint64_t row) {
    return c.type == AttrType::real ? c.reals[row] : double(c.ints[row]);
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower((unsigned char)x) == std::tolower((unsigned char)y);
           });
}

} // namespace

const AttributeColumn* find_satisfaction_attribute(const EventLog& log, std::string_view name) {
    if (!name.empty()) {
        const AttributeColumn* c = log.attribute(name);
        if (!c) throw InputError(log.source, 0, 0, "no attribute '" + std::string(name) + "' in the log");
        if (!numeric(*c))
            throw InputError(log.source, 0, 0,
                             "attribute '" + std::string(name) + "' is " + attr_type_name(c->type) +
                                 ", not a number (satisfaction needs integer or real values)");
        return c;
    }
    for (const char* wanted : {"csat", "nps", "sentiment", "satisfaction"})
        for (const auto* list : {&log.event_attributes, &log.case_attributes})
            for (const AttributeColumn& c : *list)
                if (same_ignoring_case(c.name, wanted) && numeric(c)) return &c;
    return nullptr;
}

StageView mine_stage_view(const EventLog& log, const LogView& view, const TouchpointMap& map,
                          const AttributeColumn* sat) {
    StageView out;
    const size_t ns = map.stage_names.size();
    out.stages.resize(ns);
    if (sat) out.satisfaction_attribute = sat->name;
    std::vector<std::vector<double>> dwell(ns), values(ns);
    std::vector<Micros> first(ns), last(ns);
    std::vector<uint8_t> seen(ns);
    for_each_journey(log, view, map, [&](const Journey& j) {
        std::fill(seen.begin(), seen.end(), 0);
        for (uint64_t i = 0; i < j.size; ++i) {
            const int32_t s = map.stage[j.touchpoint[i]];
            if (s < 0) {
                ++out.unstaged_events;
                continue;
            }
            ++out.stages[s].events;
            if (!seen[s]) {
                seen[s] = 1;
                first[s] = j.time[i];
                if (sat && sat->case_level && sat->has(j.case_index))
                    values[s].push_back(value_of(*sat, j.case_index));
            }
            last[s] = j.time[i];
            if (sat && !sat->case_level && sat->has(j.event[i]))
                values[s].push_back(value_of(*sat, j.event[i]));
        }
        for (size_t s = 0; s < ns; ++s)
            if (seen[s]) {
                ++out.stages[s].cases;
                if (log.has_time) dwell[s].push_back(double(last[s] - first[s]) / 1e6);
            }
    });
    for (size_t s = 0; s < ns; ++s) {
        out.stages[s].dwell = summarize_durations(dwell[s]);
        out.stages[s].satisfaction = summarize_durations(values[s]);
    }
    return out;
}

} // namespace tabiji
