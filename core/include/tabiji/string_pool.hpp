// Interned strings: each distinct string gets a dense uint32 id, in order of first appearance.
// Views returned by view() stay valid for the pool's lifetime (strings live in an append-only arena).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tabiji {

class StringPool {
  public:
    StringPool() = default;
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

    std::vector<std::unique_ptr<char[]>> blocks_;
    size_t block_used_ = 0;
    size_t block_size_ = 0;
    size_t arena_bytes_ = 0;
    std::vector<std::string_view> views_;
    std::unordered_map<std::string_view, uint32_t> index_;
};

} // namespace tabiji
