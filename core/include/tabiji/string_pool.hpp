// Interned strings: each distinct string gets a dense uint32 id, in order of first appearance.
// This sits on the reader's hot path (one lookup per case id and activity of every event).
// Views returned by view() stay valid for the pool's lifetime (strings live in an append-only arena).
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

// a == b, inline for the short strings of logs (ids, names): two overlapping word loads instead of a call.
inline bool same_text(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n > 16) return std::memcmp(p, q, n) == 0;
    if (n >= 8) {
        uint64_t x0, y0, x1, y1;
        std::memcpy(&x0, p, 8), std::memcpy(&y0, q, 8);
        std::memcpy(&x1, p + n - 8, 8), std::memcpy(&y1, q + n - 8, 8);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    if (n >= 4) {
        uint32_t x0, y0, x1, y1;
        std::memcpy(&x0, p, 4), std::memcpy(&y0, q, 4);
        std::memcpy(&x1, p + n - 4, 4), std::memcpy(&y1, q + n - 4, 4);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

class StringPool {
  public:
    StringPool() = default;
    // 64-bit hash of a byte string, 8 bytes at a time (exposed for tests and other tables).
    static uint64_t hash(std::string_view s);
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    uint32_t intern(std::string_view s);
    // The same as ids[k] = intern(s[k]) for k = 0..n-1 in order, for a table too big for the caches (the
    // case ids of a big log): the memory the lookups need is fetched kBatch strings at a time.
    static constexpr size_t kBatch = 64;
    void intern_batch(const std::string_view* s, size_t n, uint32_t* ids);
    // Id of s, or npos when s was never interned.
    uint32_t find(std::string_view s) const;
    std::string_view view(uint32_t id) const {
        const uint64_t span = spans_[id];
        const size_t length = span & kLengthMask;
        if (length == 0) return {};
        const char* block = blocks_[span >> 40].get();
        if (length == kLengthMask) return long_view(block);
        return {block + ((span >> 24) & 0xFFFF), length};
    }
    uint32_t size() const { return static_cast<uint32_t>(spans_.size()); }
    // Frees the hash index, for a while when only view() is used (a big log's case ids while its events
    // are reordered); intern and find must not be called until rebuild_index(), which makes it anew.
    void release_index();
    void rebuild_index();
    // Bytes held by the arena and the index (for memory reports).
    size_t memory_bytes() const;

    static constexpr uint32_t npos = 0xffffffffu;

  private:
    // Where each string lies in the arena, in 8 bytes (half a string_view: the ids of a big log's cases
    // are a large part of its memory): block (24 bits) | offset in the block (16) | length (24). Blocks
    // hold 1 KiB (the first) to 64 KiB, or one longer string; a string of kLengthMask bytes or more has that
    // length here and its true length in the first 8 bytes of its block, before its bytes.
    static constexpr uint64_t kLengthMask = (uint64_t(1) << 24) - 1;
    static constexpr size_t kBlockBytes = size_t(1) << 16, kFirstBlockBytes = size_t(1) << 10;
    static std::string_view long_view(const char* block);
    uint64_t store(std::string_view s);
    void allocate_index(size_t size); // all slots empty
    void grow_index();
    void place(uint64_t slot); // into the first free slot from its tag's (the index has room)
    uint32_t intern_hashed(std::string_view s, uint64_t h);
    void intern_block(const std::string_view* s, size_t n, uint32_t* ids); // n <= kBatch

    std::vector<std::unique_ptr<char[]>> blocks_;
    size_t block_used_ = 0;
    size_t block_size_ = 0;
    size_t arena_bytes_ = 0;
    std::vector<uint64_t> spans_; // id -> where its string lies (above)
    // Open addressing, linear probing, power-of-two size, at most half full. A slot holds the upper 32
    // bits of the string's hash and id + 1 (0 = empty), so most mismatches never touch the string.
    std::vector<uint64_t> slots_;
    uint64_t mask_ = 0;
};

// Strings seen lately in front of a pool, for columns with few distinct values (activities, most attribute
// columns): a hit, chosen by length and end bytes, skips the pool's hash lookup. Ids are the pool's.
class RecentStrings {
  public:
    uint32_t intern(StringPool& pool, std::string_view s) {
        if (s.empty()) return pool.intern(s);
        Entry& e = entries_[(s.size() * 7 + uint8_t(s.front()) + uint8_t(s.back()) * 3u) & 31u];
        if (!same_text(e.text, s)) {
            const uint32_t id = pool.intern(s);
            e = {pool.view(id), id};
        }
        return e.id;
    }

  private:
    struct Entry {
        std::string_view text; // empty: unused (the empty string is never cached)
        uint32_t id = 0;
    };
    Entry entries_[32];
};

} // namespace tabiji
