// The byte format tabiji-mpi sends between ranks: plain values appended to a std::string in the host's
// byte order (all ranks of one job run the same binary), read back in the same order.
#pragma once
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace tabiji::mpi {

class WireWriter {
  public:
    explicit WireWriter(std::string& out) : out_(out) {}
    template <class T>
    void put(T value) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&value), sizeof value);
    }
    void put_string(std::string_view s) {
        put(uint32_t(s.size()));
        out_.append(s);
    }
    // n values of an array, without a length (the reader knows n).
    template <class T>
    void put_array(const T* values, size_t n) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(values), n * sizeof(T));
    }

  private:
    std::string& out_;
};

class WireReader {
  public:
    explicit WireReader(std::string_view in) : in_(in) {}
    bool done() const { return pos_ == in_.size(); }
    template <class T>
    T get() {
        static_assert(std::is_trivially_copyable_v<T>);
        need(sizeof(T));
        T value;
        std::memcpy(&value, in_.data() + pos_, sizeof value);
        pos_ += sizeof value;
        return value;
    }
    std::string_view get_string() {
        const uint32_t n = get<uint32_t>();
        need(n);
        const std::string_view s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }

    // The bytes of n values of T (copy them out with memcpy: they need not be aligned).
    template <class T>
    std::string_view get_array(size_t n) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (n > (in_.size() - pos_) / sizeof(T)) throw std::logic_error("tabiji-mpi: truncated message");
        const std::string_view s = in_.substr(pos_, n * sizeof(T));
        pos_ += n * sizeof(T);
        return s;
    }

  private:
    void need(size_t n) const {
        if (in_.size() - pos_ < n) throw std::logic_error("tabiji-mpi: truncated message");
    }
    std::string_view in_;
    size_t pos_ = 0;
};

} // namespace tabiji::mpi
