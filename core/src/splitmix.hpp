// splitmix64, the project's one seeded random number generator for synthetic data (tabiji generate's
// journey model, the generated benchmark graphs): 64-bit state, passes BigCrush, one stream per start value,
// integer and exactly-rounded double arithmetic only (no libm, no std:: distributions), so WebAssembly and
// native builds draw the same numbers. Private to core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace tabiji {

struct SplitMix64 {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Exactly representable in [0, 1): 53 random bits times 2^-53.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }
    bool chance(double p) { return uniform() < p; }
    // [0, n) for n < 2^32 (multiply-shift; the bias is below 2^-32 * n, irrelevant here).
    uint64_t below(uint64_t n) { return ((next() >> 32) * n) >> 32; }
    // [lo, hi)
    int64_t between(int64_t lo, int64_t hi) {
        return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo)));
    }
    // Index drawn with probability weight[i] / sum(weight).
    size_t weighted(std::initializer_list<unsigned> weights) {
        unsigned total = 0;
        for (unsigned w : weights) total += w;
        uint64_t x = below(total);
        size_t i = 0;
        for (unsigned w : weights) {
            if (x < w) return i;
            x -= w;
            ++i;
        }
        return weights.size() - 1;
    }
};

} // namespace tabiji
