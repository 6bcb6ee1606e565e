// Two segments side by side (two views of the same log: two filter chains, or A vs B of a case
// attribute), per touchpoint and per directly-follows edge of the journeys.
//
// Case share of a touchpoint (edge) in a segment = cases of the segment with at least one step at that
// touchpoint (with that consecutive pair) / cases of the segment. diff = share B - share A.
// Test: two-proportion z-test with the pooled proportion p = (x_A + x_B) / (n_A + n_B):
//   z = (share_B - share_A) / sqrt(p (1 - p) (1 / n_A + 1 / n_B)),  p_value = erfc(|z| / sqrt 2)
// (two-sided; the normal approximation, fair when each segment has about 5 or more cases with and without
// the touchpoint). When the standard error is 0 (both shares 0 or both 1) z = 0 and p_value = 1; with an
// empty segment the test is not defined (p_value 1). significant = p_value < 0.05; with many touchpoints
// some flags are chance (no multiple-testing correction).
// Times: per touchpoint the time to the next step, per edge the step duration; median_diff = median B -
// median A (NaN when either side has no duration).
#pragma once
#include "tabiji/journey.hpp"
#include "tabiji/performance.hpp"

#include <cstdint>
#include <vector>

namespace tabiji {

struct ProportionTest {
    uint64_t a_cases = 0, a_total = 0, b_cases = 0, b_total = 0;
    double a_share = 0, b_share = 0, diff = 0, z = 0, p_value = 1;
    bool significant = false;
};
ProportionTest two_proportion_test(uint64_t a_cases, uint64_t a_total, uint64_t b_cases, uint64_t b_total);

struct SegmentItem {
    uint32_t from = 0, to = 0; // touchpoint rows: from == to == the touchpoint
    ProportionTest share;
    DurationStats a_time, b_time;
    double median_diff = 0;
};

struct SegmentComparison {
    uint64_t a_cases = 0, b_cases = 0;
    std::vector<SegmentItem> touchpoints; // present in A or B, by touchpoint number
    std::vector<SegmentItem> edges;       // present in A or B, by (from, to)
};

SegmentComparison compare_segments(const EventLog& log, const LogView& a, const LogView& b,
                                   const TouchpointMap& map);

} // namespace tabiji
