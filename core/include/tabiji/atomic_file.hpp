// Replacing a file atomically: the bytes go to a temporary file in the same folder, are flushed to disk,
// and the temporary file is renamed over the target. Readers see the old file or the new one, never a
// half-written one, and a failed write leaves the old file as it was.
#pragma once
#include <string>
#include <string_view>

namespace tabiji {

// Throws InputError(path, 0, 0, "cannot write: ...") when the temporary file cannot be written or
// renamed; the temporary file is removed then.
void write_file_atomically(const std::string& path, std::string_view bytes);

} // namespace tabiji
