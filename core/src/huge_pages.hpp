// Asks the system to back a big block with huge pages (2 MiB on x86-64), where it does that on request
// (Linux's transparent huge pages in "madvise" mode): one page fault per 2 MiB instead of 512. For memory
// that is written soon and whole (a log's columns, a hash index); a no-op elsewhere.
#pragma once
#include <cstddef>

namespace tabiji {

void prefer_huge_pages(void* begin, size_t bytes);

} // namespace tabiji
