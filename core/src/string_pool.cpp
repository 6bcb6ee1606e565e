// StringPool: an append-only arena of strings with a hash index.
#include "tabiji/string_pool.hpp"

#include <algorithm>
#include <cstring>

namespace tabiji {

std::string_view StringPool::store(std::string_view s) {
    if (s.empty()) return {}; // also before the first block exists
    if (s.size() > block_size_ - block_used_) {
        block_size_ = std::max<size_t>(64 * 1024, s.size());
        blocks_.push_back(std::make_unique<char[]>(block_size_));
        arena_bytes_ += block_size_;
        block_used_ = 0;
    }
    char* p = blocks_.back().get() + block_used_;
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    block_used_ += s.size();
    return {p, s.size()};
}

uint64_t StringPool::hash(std::string_view s) {
    constexpr uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xC2B2AE3D27D4EB4Full;
    uint64_t h = k1 ^ (s.size() * k2);
    const char* p = s.data();
    size_t n = s.size();
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ (w * k2)) * k1;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n) {
        uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ (w * k2)) * k1;
    }
    h ^= h >> 32;
    h *= k2;
    h ^= h >> 29;
    return h;
}

void StringPool::grow_index() {
    const size_t size = slots_.empty() ? 64 : slots_.size() * 2;
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (uint64_t slot : old) {
        if (!slot) continue;
        uint64_t i = (slot >> 32) & mask_;
        while (slots_[i]) i = (i + 1) & mask_;
        slots_[i] = slot;
    }
}

uint32_t StringPool::intern(std::string_view s) {
    if ((views_.size() + 1) * 2 > slots_.size()) grow_index();
    const uint64_t h = hash(s);
    const uint64_t tag = h >> 32;
    uint64_t i = tag & mask_;
    while (const uint64_t slot = slots_[i]) {
        if ((slot >> 32) == tag) {
            const uint32_t id = uint32_t(slot) - 1;
            if (views_[id] == s) return id;
        }
        i = (i + 1) & mask_;
    }
    const uint32_t id = static_cast<uint32_t>(views_.size());
    views_.push_back(store(s));
    slots_[i] = (tag << 32) | (uint64_t(id) + 1);
    return id;
}

uint32_t StringPool::find(std::string_view s) const {
    if (slots_.empty()) return npos;
    const uint64_t tag = hash(s) >> 32;
    uint64_t i = tag & mask_;
    while (const uint64_t slot = slots_[i]) {
        if ((slot >> 32) == tag && views_[uint32_t(slot) - 1] == s) return uint32_t(slot) - 1;
        i = (i + 1) & mask_;
    }
    return npos;
}

size_t StringPool::memory_bytes() const {
    return arena_bytes_ + views_.capacity() * sizeof(std::string_view) + slots_.capacity() * sizeof(uint64_t);
}

} // namespace tabiji
