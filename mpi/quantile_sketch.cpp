// QuantileSketch: logarithmic buckets in one dense array that grows at either end.
#include "quantile_sketch.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tabiji::mpi {

QuantileSketch::QuantileSketch(double alpha)
    : gamma_((1 + alpha) / (1 - alpha)), log_gamma_(std::log((1 + alpha) / (1 - alpha))) {
    if (!(alpha > 0 && alpha < 1)) throw std::logic_error("QuantileSketch: alpha must be in (0, 1)");
}

void QuantileSketch::add_to_bucket(int32_t index, uint64_t n) {
    if (counts_.empty()) {
        first_ = index;
        counts_.assign(1, 0);
    } else if (index < first_) {
        counts_.insert(counts_.begin(), size_t(first_ - index), 0);
        first_ = index;
    } else if (size_t(index - first_) >= counts_.size()) {
        counts_.resize(size_t(index - first_) + 1, 0);
    }
    counts_[size_t(index - first_)] += n;
}

void QuantileSketch::add(double x) {
    if (!(x >= 0)) throw std::logic_error("QuantileSketch: values must be >= 0");
    min_ = count_ ? std::min(min_, x) : x;
    max_ = count_ ? std::max(max_, x) : x;
    ++count_;
    if (x == 0) {
        ++zeros_;
        return;
    }
    add_to_bucket(int32_t(std::ceil(std::log(x) / log_gamma_)), 1);
}

void QuantileSketch::merge(const QuantileSketch& o) {
    if (!o.count_) return;
    min_ = count_ ? std::min(min_, o.min_) : o.min_;
    max_ = count_ ? std::max(max_, o.max_) : o.max_;
    count_ += o.count_;
    zeros_ += o.zeros_;
    for (size_t k = 0; k < o.counts_.size(); ++k)
        if (o.counts_[k]) add_to_bucket(o.first_ + int32_t(k), o.counts_[k]);
}

double QuantileSketch::value_at_rank(uint64_t r) const {
    if (r < zeros_) return 0;
    uint64_t seen = zeros_;
    for (size_t k = 0; k < counts_.size(); ++k) {
        seen += counts_[k];
        if (r < seen) {
            const double estimate = 2 * std::pow(gamma_, double(first_ + int32_t(k))) / (gamma_ + 1);
            return std::clamp(estimate, min_, max_);
        }
    }
    return max_;
}

double QuantileSketch::quantile(double q) const {
    if (!count_) return 0;
    // As quantile_select in core: linear interpolation between the closest ranks.
    const double pos = q * double(count_ - 1);
    const uint64_t lo = uint64_t(std::floor(pos));
    const double a = value_at_rank(lo);
    if (lo + 1 >= count_ || pos == double(lo)) return a;
    const double b = value_at_rank(lo + 1);
    return a + (b - a) * (pos - double(lo));
}

void QuantileSketch::write(WireWriter& w) const {
    w.put(count_);
    w.put(zeros_);
    w.put(min_);
    w.put(max_);
    w.put(first_);
    w.put(uint64_t(counts_.size()));
    w.put_array(counts_.data(), counts_.size());
}

void QuantileSketch::read(WireReader& r) {
    count_ = r.get<uint64_t>();
    zeros_ = r.get<uint64_t>();
    min_ = r.get<double>();
    max_ = r.get<double>();
    first_ = r.get<int32_t>();
    const uint64_t n = r.get<uint64_t>();
    const std::string_view bytes = r.get_array<uint64_t>(n);
    counts_.resize(n);
    std::copy_n(bytes.data(), bytes.size(), reinterpret_cast<char*>(counts_.data()));
}

} // namespace tabiji::mpi
