// Failure demand: self-service / digital events followed by a human contact (definition in
// failure_demand.hpp).
#include "tabiji/failure_demand.hpp"

#include "tabiji/human_contact.hpp"

namespace tabiji {

FailureDemand mine_failure_demand(const EventLog& log, const LogView& view, const TouchpointMap& map,
                                  double window_hours) {
    FailureDemand fd;
    fd.window_hours = window_hours;
    const Micros window = hours_to_micros(window_hours);
    auto is_origin = [&](uint32_t t) { return !map.human_contact[t] && map.mode[t] != ContactMode::human; };
    std::vector<uint64_t> events(map.size(), 0), followed(map.size(), 0), next;
    for_each_journey(log, view, map, [&](const Journey& j) {
        next_human_contacts(j, map, next);
        uint64_t last_origin = j.size; // index of the latest origin step so far
        for (uint64_t i = 0; i < j.size; ++i) {
            const uint32_t t = j.touchpoint[i];
            if (map.human_contact[t]) {
                ++fd.human_contacts;
                if (last_origin < j.size && j.time[i] - j.time[last_origin] <= window)
                    ++fd.human_contacts_after_origin;
            }
            if (!is_origin(t)) continue;
            last_origin = i;
            ++events[t];
            if (human_contact_within(j, next, i, window) < j.size) ++followed[t];
        }
    });
    for (uint32_t t = 0; t < map.size(); ++t) {
        if (!events[t]) continue;
        fd.origins.push_back({t, events[t], followed[t], double(followed[t]) / double(events[t])});
        fd.events += events[t];
        fd.followed += followed[t];
    }
    fd.rate = fd.events ? double(fd.followed) / double(fd.events) : 0.0;
    fd.share_of_human_contacts =
        fd.human_contacts ? double(fd.human_contacts_after_origin) / double(fd.human_contacts) : 0.0;
    return fd;
}

} // namespace tabiji
