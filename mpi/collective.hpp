// The collective steps of tabiji-mpi: every phase ends with all ranks agreeing whether some rank failed
// (MPI_Allreduce of the lowest failing rank), so a bad input on one rank ends the whole job with that
// rank's message instead of leaving the others waiting in the next exchange; and byte buffers moved
// between ranks (all-to-all, gather, all-gather), with the bytes each rank sent and received counted.
#pragma once
#include <mpi.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji::mpi {

// Thrown on every rank when a phase failed on some rank: the exit code and, on rank 0, the message of
// the lowest failing rank (as `tabiji` would print it).
struct JobFailed {
    int code = 3;
    std::string message;
};

class Comm {
  public:
    explicit Comm(MPI_Comm comm);
    int rank() const { return rank_; }
    int size() const { return size_; }
    MPI_Comm get() const { return comm_; }

    // Runs f; then all ranks learn whether any failed. If one did, throws JobFailed everywhere. Errors are
    // mapped to the exit codes of `tabiji` (1 bad input, 2 usage, 3 internal / out of memory).
    void phase(const std::function<void()>& f);

    // The bytes every rank sent here, in one buffer (no copy per part).
    struct Received {
        std::string bytes;
        std::vector<size_t> offset; // part s: [offset[s], offset[s + 1])
        std::string_view operator[](size_t s) const {
            return std::string_view(bytes).substr(offset[s], offset[s + 1] - offset[s]);
        }
    };
    // out[r]: the bytes for rank r (consumed: each part is freed once copied). Returns in[s]: the bytes
    // rank s sent here.
    Received all_to_all(std::vector<std::string> out);
    // Every rank's bytes, on rank 0 (empty elsewhere).
    std::vector<std::string> gather(const std::string& mine);
    // Every rank's bytes, on every rank.
    std::vector<std::string> all_gather(const std::string& mine);

    uint64_t bytes_sent = 0;     // to other ranks, by all_to_all / gather / all_gather
    uint64_t bytes_received = 0; // from other ranks

  private:
    MPI_Comm comm_;
    int rank_ = 0, size_ = 1;
};

// Sum of a vector over all ranks, on every rank.
void all_sum(Comm& comm, std::vector<uint64_t>& values);

} // namespace tabiji::mpi
