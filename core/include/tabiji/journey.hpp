// A case of a view seen through a touchpoint map: its kept events that map to a touchpoint, in log order,
// as touchpoint numbers and times. Every CX metric walks journeys with for_each_journey (which itself
// walks the view with for_each_case), so "consecutive events" always means consecutive mapped kept events.
#pragma once
#include "tabiji/log_view.hpp"
#include "tabiji/touchpoint_map.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct Journey {
    uint32_t case_index = 0;
    const uint32_t* touchpoint = nullptr; // per step
    const Micros* time = nullptr;         // per step (kNoTime everywhere when the log has no timestamps)
    const uint64_t* event = nullptr;      // per step: index of the event in the log
    uint64_t size = 0;
};

// Calls f(const Journey&) for every case of the view with at least one mapped kept event, in log order.
template <class F>
void for_each_journey(const EventLog& log, const LogView& view, const TouchpointMap& map, F&& f) {
    std::vector<uint32_t> tp;
    std::vector<Micros> time;
    std::vector<uint64_t> event;
    for_each_case(log, view, [&](const CaseEvents& ce) {
        tp.clear();
        time.clear();
        event.clear();
        for (uint64_t k = 0; k < ce.size; ++k) {
            const uint64_t i = ce.event_index(k);
            const uint32_t t = map.of(i, ce.activity[k]);
            if (t == TouchpointMap::kNone) continue;
            tp.push_back(t);
            time.push_back(ce.time[k]);
            event.push_back(i);
        }
        if (tp.empty()) return;
        Journey j{ce.case_index, tp.data(), time.data(), event.data(), tp.size()};
        f(static_cast<const Journey&>(j));
    });
}

} // namespace tabiji
