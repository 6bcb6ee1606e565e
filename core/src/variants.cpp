// Variants: cases grouped by their activity sequence (hash of the sequence, verified by comparison).
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

std::vector<Variant> mine_variants(const EventLog& log) {
    std::vector<Variant> out;
    std::unordered_multimap<uint64_t, uint32_t> index; // sequence hash -> variant number
    const uint32_t* act = log.activity.data();
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        const uint64_t b = log.case_begin(c), n = log.case_end(c) - b;
        const uint64_t h = hash_sequence(act + b, n);
        bool found = false;
        auto [lo, hi] = index.equal_range(h);
        for (auto it = lo; it != hi; ++it) {
            Variant& v = out[it->second];
            if (v.activities.size() == n && std::equal(v.activities.begin(), v.activities.end(), act + b)) {
                ++v.count;
                found = true;
                break;
            }
        }
        if (!found) {
            index.emplace(h, uint32_t(out.size()));
            out.push_back({std::vector<uint32_t>(act + b, act + b + n), 1, c});
        }
    }
    auto name_less = [&](const Variant& x, const Variant& y) {
        return std::lexicographical_compare(
            x.activities.begin(), x.activities.end(), y.activities.begin(), y.activities.end(),
            [&](uint32_t a, uint32_t b) { return log.activities.view(a) < log.activities.view(b); });
    };
    std::sort(out.begin(), out.end(), [&](const Variant& x, const Variant& y) {
        if (x.count != y.count) return x.count > y.count;
        return name_less(x, y);
    });
    return out;
}

} // namespace tabiji
