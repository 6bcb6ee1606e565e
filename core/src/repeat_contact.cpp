// Repeat contact within D days of a human contact (definition in repeat_contact.hpp).
#include "tabiji/repeat_contact.hpp"

#include "tabiji/human_contact.hpp"

namespace tabiji {

RepeatContact mine_repeat_contact(const EventLog& log, const LogView& view, const TouchpointMap& map,
                                  double window_days) {
    RepeatContact rc;
    rc.window_days = window_days;
    const Micros window = hours_to_micros(window_days * 24.0);
    std::vector<uint64_t> contacts(map.size(), 0), repeated(map.size(), 0), next;
    for_each_journey(log, view, map, [&](const Journey& j) {
        next_human_contacts(j, map, next);
        for (uint64_t i = 0; i < j.size; ++i) {
            const uint32_t t = j.touchpoint[i];
            if (!map.human_contact[t]) continue;
            ++contacts[t];
            if (human_contact_within(j, next, i, window) < j.size) ++repeated[t];
        }
    });
    for (uint32_t t = 0; t < map.size(); ++t) {
        if (!contacts[t]) continue;
        const double rate = double(repeated[t]) / double(contacts[t]);
        rc.touchpoints.push_back({t, contacts[t], repeated[t], rate, 1.0 - rate});
        rc.contacts += contacts[t];
        rc.repeated += repeated[t];
    }
    if (rc.contacts) {
        rc.rate = double(rc.repeated) / double(rc.contacts);
        rc.fcr = 1.0 - rc.rate;
    }
    return rc;
}

} // namespace tabiji
