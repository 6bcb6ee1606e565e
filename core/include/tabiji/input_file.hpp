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

} // namespace tabiji
