// Timing helpers shared by the benchmarks: a monotonic clock, the best of N runs (the run least disturbed
// by the rest of the machine), and the peak resident memory of one run, where the platform reports it.
#pragma once
#include <algorithm>
#include <chrono>
#ifndef __EMSCRIPTEN__
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
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

// Growth of resident memory during one run of f, as in a fresh process, in KiB; 0 where it cannot be
// measured (WebAssembly, no /proc). f runs in a child forked for it: the child's peak (VmHWM, reset when it
// starts) less what it held at that point. Memory the parent already holds, such as the file's bytes, is
// not counted. In the child, glibc's mmap threshold is pinned at its default: glibc raises it each time a
// mapped block is freed (up to 32 MiB), and in a fresh process it has not done so yet.
template <class F>
double fresh_peak_growth_kib(F&& f) {
#if defined(__EMSCRIPTEN__) || !defined(M_MMAP_THRESHOLD)
    (void)f;
    return 0;
#else
    const auto status_kib = [](const char* field) {
        std::ifstream in("/proc/self/status");
        std::string line;
        const size_t n = std::strlen(field);
        while (std::getline(in, line))
            if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':')
                return std::atol(line.c_str() + n + 1);
        return -1L;
    };
    int fds[2];
    if (pipe(fds) != 0) return 0;
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        mallopt(M_MMAP_THRESHOLD, 128 * 1024);
        long growth = -1;
        if (FILE* reset = std::fopen("/proc/self/clear_refs", "w")) {
            const bool ok = std::fputs("5", reset) >= 0; // "5": the peak starts again from what is held now
            if (std::fclose(reset) == 0 && ok) {
                const long before = status_kib("VmRSS");
                f();
                growth = status_kib("VmHWM") - before;
            }
        }
        const bool sent = write(fds[1], &growth, sizeof growth) == ssize_t(sizeof growth);
        _exit(sent ? 0 : 1);
    }
    close(fds[1]);
    long growth = -1;
    if (child < 0 || read(fds[0], &growth, sizeof growth) != ssize_t(sizeof growth)) growth = -1;
    close(fds[0]);
    if (child > 0) waitpid(child, nullptr, 0);
    return growth < 0 ? 0 : double(growth);
#endif
}

} // namespace tabiji::bench
