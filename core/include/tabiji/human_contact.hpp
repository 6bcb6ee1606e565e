// "Is a human contact coming, and when": for every step of a journey, the index of the next step whose
// touchpoint is a human contact (TouchpointMap::human_contact, e.g. phone and human chat). Failure demand,
// escalation and repeat contact all ask "is there a human contact within W after this step?" and answer
// it with this one backward scan: since times never decrease along a journey, the next human contact is
// within W exactly when any later human contact is.
#pragma once
#include "tabiji/journey.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

// next[i] = smallest k > i with a human-contact touchpoint, or j.size when there is none.
inline void next_human_contacts(const Journey& j, const TouchpointMap& map, std::vector<uint64_t>& next) {
    next.resize(j.size);
    uint64_t n = j.size;
    for (uint64_t i = j.size; i-- > 0;) {
        next[i] = n;
        if (map.human_contact[j.touchpoint[i]]) n = i;
    }
}

// The step index of the human contact that follows step i within `window` microseconds (inclusive), or
// j.size. Without timestamps (kNoTime everywhere) every later human contact is within the window.
inline uint64_t human_contact_within(const Journey& j, const std::vector<uint64_t>& next, uint64_t i,
                                     Micros window) {
    const uint64_t k = next[i];
    if (k == j.size) return k;
    return j.time[k] - j.time[i] <= window ? k : j.size;
}

inline Micros hours_to_micros(double hours) {
    return Micros(hours * 3600.0 * 1e6);
}

} // namespace tabiji
