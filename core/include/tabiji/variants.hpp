// Variants: the distinct activity sequences of cases, and how many cases follow each.
#pragma once
#include "tabiji/event_log.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct Variant {
    std::vector<uint32_t> activities; // the sequence, as activity ids
    uint64_t count = 0;               // cases following it
    uint32_t first_case = 0;          // the first case (in log order) that follows it
};

// Sorted by count (descending), then by the sequence of activity *names* (byte order, shorter first on a
// common prefix), so the order is the same whatever the ids.
std::vector<Variant> mine_variants(const EventLog& log);

} // namespace tabiji
