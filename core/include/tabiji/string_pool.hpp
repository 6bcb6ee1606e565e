// Interned strings: each distinct string gets a dense uint32 id, in order of first appearance.
// This sits on the reader's hot path (one lookup per case id and activity of every event).
// Views returned by view() stay valid for the pool's lifetime (strings live in an append-only arena).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

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
    // Id of s, or npos when s was never interned.
    uint32_t find(std::string_view s) const;
    std::string_view view(uint32_t id) const { return views_[id]; }
    uint32_t size() const { return static_cast<uint32_t>(views_.size()); }
    // Bytes held by the arena and the index (for memory reports).
    size_t memory_bytes() const;

    static constexpr uint32_t npos = 0xffffffffu;

  private:
    std::string_view store(std::string_view s);
    void grow_index();


    std::vector<std::unique_ptr<char[]>> blocks_;
    size_t block_used_ = 0;
    size_t block_size_ = 0;
    size_t arena_bytes_ = 0;
    std::vector<std::string_view> views_;
    // Open addressing, linear probing, power-of-two size, at most half full. A slot holds the upper 32
    // bits of the string's hash and id + 1 (0 = empty), so most mismatches never touch the string.
    std::vector<uint64_t> slots_;
    uint64_t mask_ = 0;
};

} // namespace tabiji
