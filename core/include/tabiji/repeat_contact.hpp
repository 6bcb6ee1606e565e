// Repeat contact, the first-contact-resolution proxy of contact centers.
//
// Definition (D = window_days, default 7): every human-contact step (TouchpointMap::human_contact) is a
// contact. It is repeated when another human-contact step follows it in the same journey within D days
// (time difference <= D, inclusive; any human-contact touchpoint, not only the same one). Rate per
// touchpoint = repeated contacts of it / its contacts; overall = all repeated / all contacts; the FCR
// proxy is 1 - rate. A contact near the end of an export window cannot show its repeat: restrict the view
// (time_frame filter) to contacts at least D days before the end when that matters.
#pragma once
#include "tabiji/journey.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct RepeatContactRow {
    uint32_t touchpoint = 0;
    uint64_t contacts = 0, repeated = 0;
    double rate = 0, fcr = 0;
};

struct RepeatContact {
    double window_days = 7;
    std::vector<RepeatContactRow> touchpoints; // human-contact touchpoints with contacts, by number
    uint64_t contacts = 0, repeated = 0;
    double rate = 0, fcr = 0;
};

RepeatContact mine_repeat_contact(const EventLog& log, const LogView& view, const TouchpointMap& map,
                                  double window_days = 7);

} // namespace tabiji
