// Reading a user's file from disk in chunks, inflating gzip on the fly (detected by its magic bytes,
// whatever the file is called). Errors are InputErrors naming the file.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace tabiji {

// Calls sink with consecutive chunks of the (decompressed) content. "-" reads standard input.
// file_bytes_read, when given, holds the bytes taken from the file so far (compressed bytes for gzip)
// whenever sink is called: for a progress bar.
void read_file_chunks(const std::string& path, const std::function<void(std::string_view)>& sink,
                      size_t chunk_size = size_t(4) << 20, uint64_t* file_bytes_read = nullptr);

// The whole (decompressed) content of a file at once, for readers that cut it into parts (CSV on several
// threads). A plain file is mapped into memory, not copied: no second copy of a log of gigabytes, and the
// pages stay the kernel's file cache. Gzip, standard input, and builds without mmap read it into memory.
// on_chunk and file_bytes_read as for read_file_chunks, for what is read into memory (a mapping is read
// only when it is used, so neither is called for it).
class WholeFile {
  public:
    WholeFile(const std::string& path, const std::function<void()>& on_chunk = {},
              uint64_t* file_bytes_read = nullptr);
    ~WholeFile();
    WholeFile(const WholeFile&) = delete;
    WholeFile& operator=(const WholeFile&) = delete;
    std::string_view bytes() const { return mapped_ ? std::string_view(mapped_, mapped_size_) : copy_; }
    bool mapped() const { return mapped_ != nullptr; }

  private:
    const char* mapped_ = nullptr;
    size_t mapped_size_ = 0;
    std::string copy_;
};

} // namespace tabiji
