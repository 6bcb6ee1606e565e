// CPU seconds of this process (all its threads). On a shared machine the wall clock measures the
// neighbours too; the CPU time of a phase shows its own work (a rank waiting for others spins in
// OpenMPI's progress loop, so its CPU time includes its waits).
#pragma once
#include <ctime>

namespace tabiji::mpi {

inline double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace tabiji::mpi
