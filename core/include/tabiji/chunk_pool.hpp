// Memory in chunks of a fixed size, for columns that are filled as a file is read and then reordered
// (EventLogBuilder). A sequence of chunks grows without copying what it holds, and a chunk already consumed
// can be reused or given back at once, so a reordering pass never needs two whole copies of a column.
//
// Natively the chunks are mapped straight from the operating system: a chunk given back leaves the process's
// resident memory at once, which memory freed to malloc's heap does not. Under Emscripten they come from
// malloc (a WASM memory never shrinks).
#pragma once
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

namespace tabiji {

class ChunkPool {
  public:
    static constexpr size_t kBytes = size_t(1) << 16;

    ChunkPool() = default;
    ChunkPool(const ChunkPool&) = delete;
    ChunkPool& operator=(const ChunkPool&) = delete;
    ChunkPool(ChunkPool&& o) noexcept : spare_(std::move(o.spare_)) { o.spare_.clear(); }
    ChunkPool& operator=(ChunkPool&& o) noexcept {
        std::swap(spare_, o.spare_);
        return *this;
    }
    ~ChunkPool() { release_spares(); }

    // A spare chunk if there is one, else a new one (std::bad_alloc when there is no memory left).
    void* take();
    // Keeps a chunk for the next take().
    void keep(void* chunk) { spare_.push_back(chunk); }
    // Gives the spare chunks back to the system.
    void release_spares();
    // Gives a chunk back to the system.
    static void release(void* chunk);

  private:
    std::vector<void*> spare_;
};

// An append-only sequence of trivially copyable values in pool chunks. Its chunks are given back to the
// system when it is destroyed or cleared.
template <class T>
class ChunkSeq {
    static_assert(std::is_trivially_copyable_v<T> && ChunkPool::kBytes % sizeof(T) == 0 && alignof(T) <= 16);

  public:
    static constexpr size_t kPerChunk = ChunkPool::kBytes / sizeof(T);

    ChunkSeq() = default;
    ChunkSeq(const ChunkSeq&) = delete;
    ChunkSeq& operator=(const ChunkSeq&) = delete;
    ChunkSeq(ChunkSeq&& o) noexcept { swap(o); }
    ChunkSeq& operator=(ChunkSeq&& o) noexcept {
        swap(o);
        return *this;
    }
    ~ChunkSeq() { clear(); }

    void push_back(const T& value, ChunkPool& pool) {
        if (tail_ == end_) [[unlikely]]
            next_chunk(pool);
        *tail_++ = value;
        ++size_;
    }
    size_t size() const { return size_; }
    T& operator[](size_t i) { return chunks_[i / kPerChunk][i % kPerChunk]; }
    const T& operator[](size_t i) const { return chunks_[i / kPerChunk][i % kPerChunk]; }

    size_t num_chunks() const { return chunks_.size(); }
    const T* chunk(size_t k) const { return chunks_[k]; }
    size_t chunk_size(size_t k) const { return k + 1 < chunks_.size() ? kPerChunk : size_ - k * kPerChunk; }
    // Hands chunk k, already read, to the pool. After that the sequence may only be cleared or destroyed.
    void hand_over(size_t k, ChunkPool& pool) {
        pool.keep(chunks_[k]);
        chunks_[k] = nullptr;
    }
    void clear() {
        for (T* c : chunks_)
            if (c) ChunkPool::release(c);
        chunks_.clear();
        tail_ = end_ = nullptr;
        size_ = 0;
    }

  private:
    // Out of line, so that push_back is small enough to be inlined everywhere (em++ left it a call).
    [[gnu::noinline]] void next_chunk(ChunkPool& pool) {
        chunks_.push_back(nullptr); // before take(): a failed push_back must not lose the chunk
        tail_ = static_cast<T*>(pool.take());
        chunks_.back() = tail_;
        end_ = tail_ + kPerChunk;
    }
    void swap(ChunkSeq& o) noexcept {
        std::swap(chunks_, o.chunks_);
        std::swap(tail_, o.tail_);
        std::swap(end_, o.end_);
        std::swap(size_, o.size_);
    }
    std::vector<T*> chunks_;
    T* tail_ = nullptr; // next free place in the last chunk
    T* end_ = nullptr;
    size_t size_ = 0;
};

} // namespace tabiji
