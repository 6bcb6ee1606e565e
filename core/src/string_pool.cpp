// StringPool: an append-only arena of strings with a hash index.
#include "tabiji/string_pool.hpp"

#include <algorithm>
#include <cstring>

namespace tabiji {

std::string_view StringPool::store(std::string_view s) {
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

uint32_t StringPool::intern(std::string_view s) {
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    std::string_view stored = store(s);
    uint32_t id = static_cast<uint32_t>(views_.size());
    views_.push_back(stored);
    index_.emplace(stored, id);
    return id;
}

uint32_t StringPool::find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? npos : it->second;
}

size_t StringPool::memory_bytes() const {
    // The index: one node (key view + id + next pointer + cached hash) per string plus the bucket array.
    size_t index = index_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*)) +
                   index_.bucket_count() * sizeof(void*);
    return arena_bytes_ + views_.capacity() * sizeof(std::string_view) + index;
}

} // namespace tabiji
