// ChunkPool: chunks mapped from the system (natively) or from malloc (Emscripten).
#include "tabiji/chunk_pool.hpp"

#include <cstdlib>
#include <new>

#if !defined(__EMSCRIPTEN__) && __has_include(<sys/mman.h>)
#include <sys/mman.h>
#define TABIJI_CHUNKS_MAPPED 1
#endif

namespace tabiji {

void* ChunkPool::take() {
    if (!spare_.empty()) {
        void* c = spare_.back();
        spare_.pop_back();
        return c;
    }
#ifdef TABIJI_CHUNKS_MAPPED
    void* c = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (c == MAP_FAILED) throw std::bad_alloc();
#else
    void* c = std::malloc(kBytes);
    if (!c) throw std::bad_alloc();
#endif
    return c;
}

void ChunkPool::release(void* chunk) {
#ifdef TABIJI_CHUNKS_MAPPED
    munmap(chunk, kBytes);
#else
    std::free(chunk);
#endif
}

void ChunkPool::release_spares() {
    for (void* c : spare_) release(c);
    spare_.clear();
}

} // namespace tabiji
