// Variants: the distinct activity sequences of cases, and how many cases follow each.
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <unordered_map>
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

// Sorts variants into that order (names: the pool their activity ids refer to). For results merged from
// several logs that share one activity pool (tabiji-mpi).
void sort_variants(std::vector<Variant>& variants, const StringPool& names);

// Interns activity sequences: each distinct sequence gets a dense number, in order of first appearance
// (a hash of the sequence, verified by comparison). Shared by variants and n-grams.
class SequenceTable {
  public:
    uint32_t intern(const uint32_t* p, uint64_t n);
    std::vector<uint32_t>& sequence(uint32_t k) { return sequences_[k]; }
    size_t size() const { return sequences_.size(); }

  private:
    std::unordered_multimap<uint64_t, uint32_t> index_;
    std::vector<std::vector<uint32_t>> sequences_;
};

// Sequences compared by activity names (byte order), shorter first on a common prefix.
bool sequence_names_less(const StringPool& names, const std::vector<uint32_t>& x,
                         const std::vector<uint32_t>& y);

inline constexpr uint32_t kNoVariant = 0xffffffffu;

// Over the cases of a view (sequences of their kept events). When case_variant is given it is filled with,
// per case of the log, the index of its variant in the returned (sorted) list, or kNoVariant for cases
// outside the view.
std::vector<Variant> mine_variants(const EventLog& log, const LogView& view,
                                   std::vector<uint32_t>* case_variant = nullptr);

// Coverage curve: entry k is the share of cases (0..1) that the first k + 1 variants follow.
std::vector<double> variant_coverage_curve(const std::vector<Variant>& variants);

// The fewest variants (a prefix of the sorted list) whose cases make up at least `percent` % of all cases:
// the smallest k with (count[0] + ... + count[k-1]) * 100 >= percent * total. 0 when percent <= 0; all
// variants when percent >= 100.
size_t variants_covering(const std::vector<Variant>& variants, double percent);

} // namespace tabiji
