// A mergeable quantile sketch with a relative-error guarantee, for --sketch on very large logs (the idea
// of DDSketch, Masson et al., VLDB 2019, written here from that description): values >= 0 are counted in
// logarithmic buckets, bucket i holding (gamma^(i-1), gamma^i] with gamma = (1 + alpha) / (1 - alpha),
// zeros apart. A bucket is reported as 2 gamma^i / (gamma + 1), which is within alpha * x of every x in
// it. Sketches with the same alpha merge by adding counts, so ranks sketch their own values and only the
// buckets travel.
//
// Bound: value_at_rank(r) is within alpha * x_r of x_r, the r-th smallest value (0-based), up to
// floating-point rounding of the bucket index (about 1e-12 relative); quantile(q) interpolates between
// ranks floor(q (n - 1)) and the next one as summarize_durations does, so, the values being >= 0, it is
// within alpha times the exact quantile too.
#pragma once
#include "wire.hpp"

#include <cstdint>
#include <vector>

namespace tabiji::mpi {

class QuantileSketch {
  public:
    explicit QuantileSketch(double alpha = 0.01);
    // x >= 0 (durations); a negative x is a programmer error (std::logic_error).
    void add(double x);
    // Same alpha on both sides.
    void merge(const QuantileSketch& other);
    uint64_t count() const { return count_; }
    // Estimate of the r-th smallest value (r < count()), clamped to the values' [min, max].
    double value_at_rank(uint64_t r) const;
    // Estimate of the q-quantile (numpy "linear"), within alpha of the exact one; 0 when empty.
    double quantile(double q) const;

    void write(WireWriter& w) const;
    void read(WireReader& r); // replaces the counts (alpha stays)

  private:
    double gamma_, log_gamma_;
    uint64_t count_ = 0, zeros_ = 0;
    double min_ = 0, max_ = 0;
    int32_t first_ = 0;            // bucket index of counts_[0]
    std::vector<uint64_t> counts_; // buckets first_, first_ + 1, ...
    void add_to_bucket(int32_t index, uint64_t n);
};

} // namespace tabiji::mpi
