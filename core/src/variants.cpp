// Variants: cases (of a view) grouped by their activity sequence (hash of the sequence, verified by
// comparison).
#include "tabiji/variants.hpp"

#include <algorithm>
#include <unordered_map>

namespace tabiji {

namespace {
uint64_t hash_sequence(const uint32_t* p, uint64_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (uint64_t i = 0; i < n; ++i) {
        h ^= p[i] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
    }
    return h ^ (h >> 31);
}
} // namespace

uint32_t SequenceTable::intern(const uint32_t* p, uint64_t n) {
    const uint64_t h = hash_sequence(p, n);
    auto [lo, hi] = index_.equal_range(h);
    for (auto it = lo; it != hi; ++it) {
        const auto& s = sequences_[it->second];
        if (s.size() == n && std::equal(s.begin(), s.end(), p)) return it->second;
    }
    const uint32_t k = uint32_t(sequences_.size());
    index_.emplace(h, k);
    sequences_.emplace_back(p, p + n);
    return k;
}

bool sequence_names_less(const StringPool& names, const std::vector<uint32_t>& x,
                         const std::vector<uint32_t>& y) {
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), [&](uint32_t a, uint32_t b) {
        return names.view(a) < names.view(b);
    });
}

namespace {
// Count descending, then the sequence of names.
bool variant_before(const StringPool& names, const Variant& x, const Variant& y) {
    if (x.count != y.count) return x.count > y.count;
    return sequence_names_less(names, x.activities, y.activities);
}
} // namespace

void sort_variants(std::vector<Variant>& variants, const StringPool& names) {
    std::sort(variants.begin(), variants.end(),
              [&](const Variant& x, const Variant& y) { return variant_before(names, x, y); });
}

std::vector<Variant> mine_variants(const EventLog& log) {
    return mine_variants(log, LogView{});
}

std::vector<Variant> mine_variants(const EventLog& log, const LogView& view,
                                   std::vector<uint32_t>* case_variant) {
    std::vector<Variant> out;
    SequenceTable table;
    if (case_variant) case_variant->assign(log.num_cases(), kNoVariant);
    for_each_case(log, view, [&](const CaseEvents& ce) {
        const uint32_t number = table.intern(ce.activity, ce.size);
        if (number == out.size()) out.push_back({{}, 0, ce.case_index});
        ++out[number].count;
        if (case_variant) (*case_variant)[ce.case_index] = number;
    });
    for (uint32_t k = 0; k < out.size(); ++k) out[k].activities = std::move(table.sequence(k));
    auto before = [&](const Variant& x, const Variant& y) { return variant_before(log.activities, x, y); };
    if (!case_variant) {
        sort_variants(out, log.activities);
        return out;
    }
    // Sort a permutation so the per-case numbers can be renumbered to the sorted order.
    std::vector<uint32_t> perm(out.size());
    for (uint32_t k = 0; k < perm.size(); ++k) perm[k] = k;
    std::sort(perm.begin(), perm.end(), [&](uint32_t x, uint32_t y) { return before(out[x], out[y]); });
    std::vector<uint32_t> rank(out.size());
    std::vector<Variant> sorted(out.size());
    for (uint32_t k = 0; k < perm.size(); ++k) {
        rank[perm[k]] = k;
        sorted[k] = std::move(out[perm[k]]);
    }
    for (uint32_t& v : *case_variant)
        if (v != kNoVariant) v = rank[v];
    return sorted;
}

std::vector<double> variant_coverage_curve(const std::vector<Variant>& variants) {
    uint64_t total = 0;
    for (const Variant& v : variants) total += v.count;
    std::vector<double> curve;
    curve.reserve(variants.size());
    uint64_t running = 0;
    for (const Variant& v : variants) {
        running += v.count;
        curve.push_back(double(running) / double(total));
    }
    return curve;
}

size_t variants_covering(const std::vector<Variant>& variants, double percent) {
    uint64_t total = 0;
    for (const Variant& v : variants) total += v.count;
    // running * 100 >= percent * total, in long double so 80% of 5 cases is exactly 4 cases.
    if (percent <= 0) return 0;
    const long double need = (long double)percent * (long double)total;
    uint64_t running = 0;
    for (size_t k = 0; k < variants.size(); ++k) {
        running += variants[k].count;
        if ((long double)running * 100 >= need) return k + 1;
    }
    return variants.size();
}

} // namespace tabiji
