// prefer_huge_pages: madvise(MADV_HUGEPAGE) on the 2 MiB-aligned inside of a block.
#include "huge_pages.hpp"

#include <cstdint>

#if !defined(__EMSCRIPTEN__) && __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif

namespace tabiji {

void prefer_huge_pages(void* begin, size_t bytes) {
#ifdef MADV_HUGEPAGE
    if (bytes < kHugeFrom) return;
    constexpr uintptr_t kHuge = uintptr_t(2) << 20;
    const uintptr_t b = (reinterpret_cast<uintptr_t>(begin) + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t e = (reinterpret_cast<uintptr_t>(begin) + bytes) & ~(kHuge - 1);
    if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_HUGEPAGE); // advice: failure is harmless
#else
    (void)begin;
    (void)bytes;
#endif
}

} // namespace tabiji
