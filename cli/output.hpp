// Writing a result: to standard output, or atomically to a file (a temporary file in the same folder,
// then a rename), so an interrupted run never leaves a half-written result behind.
#pragma once
#include <string>
#include <string_view>

namespace tabiji::cli {

// path empty or "-": standard output. Throws InputError when the file cannot be written.
void write_output(const std::string& path, std::string_view text);

} // namespace tabiji::cli
