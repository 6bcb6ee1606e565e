// Asks the system to back a big block with huge pages (2 MiB on x86-64), where it does that on request
// (Linux's transparent huge pages in "madvise" mode): one page fault per 2 MiB instead of 512. For memory
// that is written soon and whole (a log's columns, a hash index). Only blocks of kHugeFrom bytes or more:
// a huge page is resident as soon as one byte of it is written, and in a smaller block that page would be
// a large part of the memory. A no-op elsewhere.
#pragma once
#include <cstddef>

namespace tabiji {

inline constexpr size_t kHugeFrom = size_t(32) << 20;
void prefer_huge_pages(void* begin, size_t bytes);

} // namespace tabiji
