// Where tests find the shared real logs / reference outputs and the repository's own files.
#pragma once
#include <filesystem>
#include <string>

namespace tabiji::test {

inline std::filesystem::path shared_dir() {
    return TABIJI_SHARED_DIR;
}
inline std::filesystem::path source_dir() {
    return TABIJI_SOURCE_DIR;
}
inline bool have_shared() {
    return std::filesystem::is_directory(shared_dir() / "oracle");
}

} // namespace tabiji::test
