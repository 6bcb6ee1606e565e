// Timing helpers shared by the benchmarks: a monotonic clock, the best of N runs (the run least disturbed
// by the rest of the machine), and peak resident memory where the platform reports it.
#pragma once
#include <algorithm>
#include <chrono>
#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif

namespace tabiji::bench {

inline double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// At least `repeat` runs, and more while they have taken under half a second in all (at most 100): a
// stage of a few milliseconds is otherwise judged on its first runs, which also pay for fresh memory.
template <class F>
double best_of(int repeat, F&& f) {
    constexpr double kMinTotalS = 0.5;
    constexpr int kMaxRuns = 100;
    double best = 1e300, total = 0;
    for (int i = 0; i < kMaxRuns && (i < repeat || total < kMinTotalS); ++i) {
        const double t0 = now_s();
        f();
        const double t = now_s() - t0;
        best = std::min(best, t);
        total += t;
    }
    return best;
}

// Peak resident set size in KiB; 0 under WebAssembly (no process accounting there).
inline long peak_rss_kib() {
#ifdef __EMSCRIPTEN__
    return 0;
#else
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
#endif
}

// glibc raises the size from which it maps a block (up to 32 MiB) each time a mapped block is freed, so
// after a first run the tables of the next one come from the heap, and when they grow, the blocks they
// leave behind stay resident and add to that run's peak. Pinned at glibc's default, every run's peak
// memory is what it would be in a fresh process.
inline void measure_memory_as_in_a_fresh_process() {
#if defined(M_MMAP_THRESHOLD) && !defined(__EMSCRIPTEN__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

} // namespace tabiji::bench
