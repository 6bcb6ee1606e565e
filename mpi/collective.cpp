// Error agreement and byte-buffer exchanges over MPI (counts as int: one message part must stay under
// 2 GiB, checked).
#include "collective.hpp"

#include "../cli/args.hpp"
#include "tabiji/error.hpp"

#include <climits>
#include <new>
#include <stdexcept>

namespace tabiji::mpi {

namespace {

int checked_int(size_t n) {
    if (n > size_t(INT_MAX))
        throw std::runtime_error("tabiji-mpi: a message part exceeds 2 GiB (use more ranks)");
    return int(n);
}

std::vector<int> displacements(const std::vector<int>& counts) {
    std::vector<int> d(counts.size(), 0);
    size_t total = 0;
    for (size_t k = 0; k < counts.size(); ++k) {
        d[k] = checked_int(total);
        total += size_t(counts[k]);
    }
    checked_int(total);
    return d;
}

std::vector<std::string> split(const std::string& all, const std::vector<int>& counts,
                               const std::vector<int>& displs) {
    std::vector<std::string> parts(counts.size());
    for (size_t k = 0; k < counts.size(); ++k) parts[k] = all.substr(size_t(displs[k]), size_t(counts[k]));
    return parts;
}

} // namespace

Comm::Comm(MPI_Comm comm) : comm_(comm) {
    MPI_Comm_rank(comm_, &rank_);
    MPI_Comm_size(comm_, &size_);
}

void Comm::phase(const std::function<void()>& f) {
    int code = 0;
    std::string message;
    try {
        f();
    } catch (const JobFailed&) {
        throw;
    } catch (const cli::UsageError& e) {
        code = cli::kUsage;
        message = std::string("tabiji-mpi: ") + e.what();
    } catch (const InputError& e) {
        code = cli::kBadInput;
        message = std::string("tabiji: ") + e.what();
    } catch (const std::bad_alloc&) {
        code = cli::kInternal;
        message = "tabiji: out of memory";
    } catch (const std::exception& e) {
        code = cli::kInternal;
        message = std::string("tabiji: internal error: ") + e.what();
    }
    int failing = code ? rank_ : size_;
    int lowest = size_;
    MPI_Allreduce(&failing, &lowest, 1, MPI_INT, MPI_MIN, comm_);
    if (lowest == size_) return;
    // The lowest failing rank tells rank 0 its exit code and message.
    if (lowest != 0) {
        if (rank_ == lowest) {
            MPI_Send(&code, 1, MPI_INT, 0, 1, comm_);
            MPI_Send(message.data(), checked_int(message.size()), MPI_CHAR, 0, 2, comm_);
        } else if (rank_ == 0) {
            MPI_Recv(&code, 1, MPI_INT, lowest, 1, comm_, MPI_STATUS_IGNORE);
            MPI_Status st;
            MPI_Probe(lowest, 2, comm_, &st);
            int n = 0;
            MPI_Get_count(&st, MPI_CHAR, &n);
            message.assign(size_t(n), '\0');
            MPI_Recv(message.data(), n, MPI_CHAR, lowest, 2, comm_, MPI_STATUS_IGNORE);
        }
    }
    MPI_Bcast(&code, 1, MPI_INT, 0, comm_);
    if (size_ > 1 && lowest != 0) message += " (rank " + std::to_string(lowest) + ")";
    throw JobFailed{code, rank_ == 0 ? message : std::string()};
}

Comm::Received Comm::all_to_all(std::vector<std::string> out) {
    std::vector<int> send_counts(static_cast<size_t>(size_)), recv_counts(static_cast<size_t>(size_));
    for (int r = 0; r < size_; ++r) send_counts[size_t(r)] = checked_int(out[size_t(r)].size());
    MPI_Alltoall(send_counts.data(), 1, MPI_INT, recv_counts.data(), 1, MPI_INT, comm_);
    const std::vector<int> send_displs = displacements(send_counts), recv_displs = displacements(recv_counts);
    std::string send;
    send.reserve(size_t(send_displs.back()) + size_t(send_counts.back()));
    for (std::string& s : out) {
        send += s;
        std::string().swap(s);
    }
    Received in;
    in.bytes.assign(size_t(recv_displs.back()) + size_t(recv_counts.back()), '\0');
    MPI_Alltoallv(send.data(), send_counts.data(), send_displs.data(), MPI_CHAR, in.bytes.data(),
                  recv_counts.data(), recv_displs.data(), MPI_CHAR, comm_);
    for (int r = 0; r < size_; ++r)
        if (r != rank_)
            bytes_sent += uint64_t(send_counts[size_t(r)]),
                bytes_received += uint64_t(recv_counts[size_t(r)]);
    in.offset.assign(recv_displs.begin(), recv_displs.end());
    in.offset.push_back(in.bytes.size());
    return in;
}

std::vector<std::string> Comm::gather(const std::string& mine) {
    int n = checked_int(mine.size());
    std::vector<int> counts(static_cast<size_t>(size_));
    MPI_Gather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm_);
    std::vector<int> displs;
    std::string all;
    if (rank_ == 0) {
        displs = displacements(counts);
        all.assign(size_t(displs.back()) + size_t(counts.back()), '\0');
    }
    MPI_Gatherv(mine.data(), n, MPI_CHAR, all.data(), counts.data(), displs.data(), MPI_CHAR, 0, comm_);
    if (rank_ != 0) {
        bytes_sent += mine.size();
        return {};
    }
    for (int r = 1; r < size_; ++r) bytes_received += uint64_t(counts[size_t(r)]);
    return split(all, counts, displs);
}

std::vector<std::string> Comm::all_gather(const std::string& mine) {
    int n = checked_int(mine.size());
    std::vector<int> counts(static_cast<size_t>(size_));
    MPI_Allgather(&n, 1, MPI_INT, counts.data(), 1, MPI_INT, comm_);
    const std::vector<int> displs = displacements(counts);
    std::string all(size_t(displs.back()) + size_t(counts.back()), '\0');
    MPI_Allgatherv(mine.data(), n, MPI_CHAR, all.data(), counts.data(), displs.data(), MPI_CHAR, comm_);
    bytes_sent += mine.size() * uint64_t(size_ - 1);
    for (int r = 0; r < size_; ++r)
        if (r != rank_) bytes_received += uint64_t(counts[size_t(r)]);
    return split(all, counts, displs);
}

void all_sum(Comm& comm, std::vector<uint64_t>& values) {
    MPI_Allreduce(MPI_IN_PLACE, values.data(), checked_int(values.size()), MPI_UINT64_T, MPI_SUM, comm.get());
}

} // namespace tabiji::mpi
