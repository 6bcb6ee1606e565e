// read_shard: map the file, decide (identically on every rank) whether it can be split, read this rank's
// range, and fall back to rank 0 when any range failed. read_files: runs of whole files per rank.
#include "shard_read.hpp"

#include "../cli/log_options.hpp"
#include "tabiji/error.hpp"
#include "tabiji/log_merge.hpp"
#include "tabiji/read_csv_parallel.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace tabiji::mpi {

namespace {

// A read-only mapping of a whole file (empty view for an empty file).
class MappedFile {
  public:
    explicit MappedFile(const std::string& path) {
        fd_ = ::open(path.c_str(), O_RDONLY);
        if (fd_ < 0) throw InputError(path, 0, 0, std::string("cannot open: ") + std::strerror(errno));
        struct stat st {};
        if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return; // not a regular file: not mapped
        size_ = size_t(st.st_size);
        if (size_ == 0) return;
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
        if (p == MAP_FAILED) throw InputError(path, 0, 0, std::string("cannot map: ") + std::strerror(errno));
        data_ = static_cast<const char*>(p);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
        if (fd_ >= 0) ::close(fd_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    bool mapped() const { return data_ != nullptr; }
    std::string_view bytes() const { return {data_, size_}; }

  private:
    int fd_ = -1;
    const char* data_ = nullptr;
    size_t size_ = 0;
};

// Whether the file can be read in ranges: plain CSV (not gzip), options that act record by record.
bool splittable(const MappedFile& file, const std::string& path, const ReadOptions& o) {
    if (!file.mapped() || o.pair_lifecycle || !o.csv.strict) return false;
    const std::string_view bytes = file.bytes();
    if (bytes.size() >= 2 && uint8_t(bytes[0]) == 0x1f && uint8_t(bytes[1]) == 0x8b) return false;
    const LogFormat format = o.format == LogFormat::automatic
                                 ? detect_log_format(bytes.substr(0, size_t(64) << 10), path)
                                 : o.format;
    return format == LogFormat::csv && plan_csv_cuts(bytes, o.csv).splittable;
}

} // namespace

Shard read_shard(Comm& comm, const std::string& path, const ReadOptions& options) {
    Shard shard;
    shard.log.source = path;
    std::unique_ptr<MappedFile> file;
    bool split = false;
    comm.phase([&] {
        if (path == "-") return;
        file = std::make_unique<MappedFile>(path);
        split = splittable(*file, path, options);
    });
    // Every rank decided from the same bytes; agree anyway (a file changing under the job).
    int all_split = split ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &all_split, 1, MPI_INT, MPI_LAND, comm.get());

    if (all_split) {
        const std::string_view bytes = file->bytes();
        const CsvCutPlan plan = plan_csv_cuts(bytes, options.csv);
        const CsvPart part =
            cut_csv_parts(bytes, plan.header_end, unsigned(comm.size()), false)[size_t(comm.rank())];
        // Lines before this range, so problems are reported at their line in the whole file.
        uint64_t lines =
            uint64_t(std::count(bytes.begin() + long(part.begin), bytes.begin() + long(part.end), '\n'));
        uint64_t before = 0;
        MPI_Exscan(&lines, &before, 1, MPI_UINT64_T, MPI_SUM, comm.get());
        if (comm.rank() == 0) before = 0;
        int failed = 0;
        try {
            CsvOptions o = options.csv;
            o.first_data_line = 2 + before;
            o.untyped_attributes = true; // mining reads no attributes; typing them would be wasted work
            shard.log = read_csv_part(bytes, plan.header_end, part, path, o, &shard.report);
            shard.bytes = plan.header_end + (part.end - part.begin);
        } catch (const InputError&) {
            failed = 1;
        }
        MPI_Allreduce(MPI_IN_PLACE, &failed, 1, MPI_INT, MPI_LOR, comm.get());
        if (!failed) {
            shard.split = true;
            return shard;
        }
        shard.log = EventLog{};
        shard.log.source = path;
        shard.report = ReadReport{};
    }
    const uint64_t file_bytes = file && file->mapped() ? file->bytes().size() : 0;
    file.reset();
    // Rank 0 reads the whole file as `tabiji` would (and reports its first error exactly).
    comm.phase([&] {
        if (comm.rank() != 0) return;
        shard.log = read_log_file(path, options, &shard.report);
        cli::report_skipped_records(path, shard.report);
        shard.bytes = file_bytes;
    });
    return shard;
}

std::vector<int> file_ranks(const std::vector<uint64_t>& sizes, int ranks) {
    uint64_t total = 0;
    for (uint64_t b : sizes) total += b;
    std::vector<int> rank(sizes.size(), 0);
    uint64_t before = 0;
    for (size_t i = 0; i < sizes.size(); ++i) {
        // The rank whose share holds the middle of the file (by count when all files are empty).
        const long double middle =
            total ? (long double)(before) + (long double)(sizes[i]) / 2 : (long double)(i) + 0.5L;
        const long double whole = total ? (long double)(total) : (long double)(sizes.size());
        rank[i] = std::min(ranks - 1, int(middle * ranks / whole));
        before += sizes[i];
    }
    if (!rank.empty()) rank[0] = 0; // rank 0 reads the first file: its columns name the result's
    return rank;
}

Shard read_files(Comm& comm, const std::vector<std::string>& paths, const ReadOptions& options) {
    Shard shard;
    std::vector<uint64_t> sizes(paths.size(), 0);
    for (size_t i = 0; i < paths.size(); ++i) {
        struct stat st {};
        if (::stat(paths[i].c_str(), &st) == 0 && S_ISREG(st.st_mode)) sizes[i] = uint64_t(st.st_size);
    }
    const std::vector<int> rank = file_ranks(sizes, comm.size());
    comm.phase([&] {
        bool first = true;
        for (size_t i = 0; i < paths.size(); ++i) {
            if (rank[i] != comm.rank()) continue;
            ReadReport report;
            EventLog log = read_log_file(paths[i], options, &report);
            cli::report_skipped_records(paths[i], report);
            const uint64_t dropped = shard.report.dropped_missing_values + report.dropped_missing_values;
            if (first) shard.report = std::move(report);
            shard.report.dropped_missing_values = dropped;
            shard.bytes += sizes[i];
            shard.log = first ? std::move(log) : merge_logs(std::move(shard.log), log);
            first = false;
        }
    });
    shard.split = true;
    return shard;
}

} // namespace tabiji::mpi
