// StringPool: an append-only arena of strings with a hash index.
#include "tabiji/string_pool.hpp"

#include "huge_pages.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace tabiji {

uint64_t StringPool::store(std::string_view s) {
    if (s.empty()) return 0; // also before the first block exists
    const bool long_string = s.size() >= kLengthMask;
    const size_t need = s.size() + (long_string ? sizeof(uint64_t) : 0);
    if (need > block_size_ - block_used_) {
        if (blocks_.size() >> 24) throw std::length_error("a string pool holds at most 2^24 blocks");
        // The first blocks are small (most pools hold a few short names: activities, attribute values)
        // and each is twice the last, up to kBlockBytes.
        const size_t next = blocks_.empty() ? kFirstBlockBytes : std::min(kBlockBytes, block_size_ * 2);
        block_size_ = std::max(next, need);
        blocks_.push_back(std::make_unique<char[]>(block_size_));
        arena_bytes_ += block_size_;
        block_used_ = 0;
    }
    char* block = blocks_.back().get();
    const uint64_t at = block_used_; // < 2^16: a block of more than 64 KiB holds one string, from 0
    if (long_string) {
        const uint64_t length = s.size();
        std::memcpy(block, &length, sizeof length);
        std::memcpy(block + sizeof length, s.data(), s.size());
    } else {
        std::memcpy(block + at, s.data(), s.size());
    }
    block_used_ += need;
    return uint64_t(blocks_.size() - 1) << 40 | at << 24 | std::min<uint64_t>(s.size(), kLengthMask);
}

std::string_view StringPool::long_view(const char* block) {
    uint64_t length;
    std::memcpy(&length, block, sizeof length);
    return {block + sizeof length, size_t(length)};
}

namespace {

// StringPool::hash, here so the lookups below inline it.
inline uint64_t hash_bytes(std::string_view s) {
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
    if (n) { // the last 1..7 bytes, in fixed-size loads (a variable-size copy is a byte loop)
        uint64_t w;
        if (n >= 4) {
            uint32_t lo, hi; // overlapping when n < 8; with the length in h, still one word per string
            std::memcpy(&lo, p, 4);
            std::memcpy(&hi, p + n - 4, 4);
            w = lo | uint64_t(hi) << 32;
        } else {
            w = uint64_t(uint8_t(p[0])) | uint64_t(uint8_t(p[n / 2])) << 8 |
                uint64_t(uint8_t(p[n - 1])) << 16;
        }
        h = (h ^ (w * k2)) * k1;
    }
    h ^= h >> 32;
    h *= k2;
    h ^= h >> 29;
    return h;
}

} // namespace

uint64_t StringPool::hash(std::string_view s) {
    return hash_bytes(s);
}

void StringPool::allocate_index(size_t size) {
    slots_ = {};
    slots_.reserve(size);
    prefer_huge_pages(slots_.data(), size * sizeof(uint64_t)); // a big index is written all over at once
    slots_.assign(size, 0);
    mask_ = size - 1;
}

void StringPool::grow_index() {
    const size_t size = slots_.empty() ? 64 : slots_.size() * 2;
    std::vector<uint64_t> old;
    old.swap(slots_);
    allocate_index(size);
    for (uint64_t slot : old)
        if (slot) place(slot);
}

void StringPool::place(uint64_t slot) {
    uint64_t i = (slot >> 32) & mask_;
    while (slots_[i]) i = (i + 1) & mask_;
    slots_[i] = slot;
}

void StringPool::release_index() {
    std::vector<uint64_t>().swap(slots_);
    mask_ = 0;
}

void StringPool::rebuild_index() {
    size_t size = 64; // the size interning would have reached: at most half full
    while ((spans_.size() + 1) * 2 > size) size *= 2;
    allocate_index(size);
    // Ids are placed in order, as interning placed them; each block's slots are fetched before any is
    // written, so the cache misses of a big index overlap.
    uint64_t tag[kBatch];
    for (size_t at = 0; at < spans_.size(); at += kBatch) {
        const size_t n = std::min(kBatch, spans_.size() - at);
        for (size_t k = 0; k < n; ++k) {
            tag[k] = hash_bytes(view(uint32_t(at + k))) >> 32;
            __builtin_prefetch(&slots_[tag[k] & mask_]);
        }
        for (size_t k = 0; k < n; ++k) place((tag[k] << 32) | (uint64_t(at + k) + 1));
    }
}

uint32_t StringPool::intern(std::string_view s) {
    if ((spans_.size() + 1) * 2 > slots_.size()) grow_index();
    return intern_hashed(s, hash_bytes(s));
}

void StringPool::intern_batch(const std::string_view* s, size_t n, uint32_t* ids) {
    for (size_t at = 0; at < n; at += kBatch) intern_block(s + at, std::min(n - at, kBatch), ids + at);
}

void StringPool::intern_block(const std::string_view* s, size_t n, uint32_t* ids) {
    while ((spans_.size() + n) * 2 > slots_.size()) grow_index(); // no growth inside the batch
    // A lookup that finds its string touches three places far apart: its slot, the view of the id there,
    // and the string's bytes. Each pass below asks for one of them for the whole batch before the next
    // pass waits on any, so the cache misses overlap instead of following one another. The passes only
    // prefetch; the last one interns in order, so the ids are those of n plain calls.
    uint64_t h[kBatch];
    for (size_t k = 0; k < n; ++k) {
        h[k] = hash_bytes(s[k]);
        __builtin_prefetch(&slots_[(h[k] >> 32) & mask_]);
    }
    uint32_t found[kBatch]; // the id in the first slot whose tag matches, or npos
    for (size_t k = 0; k < n; ++k) {
        const uint64_t tag = h[k] >> 32;
        found[k] = npos;
        for (uint64_t i = tag & mask_; const uint64_t slot = slots_[i]; i = (i + 1) & mask_)
            if ((slot >> 32) == tag) {
                found[k] = uint32_t(slot) - 1;
                __builtin_prefetch(&spans_[found[k]]);
                break;
            }
    }
    for (size_t k = 0; k < n; ++k)
        if (found[k] != npos) __builtin_prefetch(view(found[k]).data());
    for (size_t k = 0; k < n; ++k) ids[k] = intern_hashed(s[k], h[k]);
}

uint32_t StringPool::intern_hashed(std::string_view s, uint64_t h) {
    const uint64_t tag = h >> 32;
    uint64_t i = tag & mask_;
    while (const uint64_t slot = slots_[i]) {
        if ((slot >> 32) == tag) {
            const uint32_t id = uint32_t(slot) - 1;
            if (same_text(view(id), s)) return id;
        }
        i = (i + 1) & mask_;
    }
    const uint32_t id = static_cast<uint32_t>(spans_.size());
    spans_.push_back(store(s));
    slots_[i] = (tag << 32) | (uint64_t(id) + 1);
    return id;
}

uint32_t StringPool::find(std::string_view s) const {
    if (slots_.empty()) return npos;
    const uint64_t tag = hash_bytes(s) >> 32;
    uint64_t i = tag & mask_;
    while (const uint64_t slot = slots_[i]) {
        if ((slot >> 32) == tag && same_text(view(uint32_t(slot) - 1), s)) return uint32_t(slot) - 1;
        i = (i + 1) & mask_;
    }
    return npos;
}

size_t StringPool::memory_bytes() const {
    return arena_bytes_ + spans_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint64_t);
}

} // namespace tabiji
