// A file of the given bytes in a folder of the tests' own under the system's temporary folder.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>

namespace tabiji::test {

inline std::string temp_file(const std::string& folder, const std::string& name, const std::string& bytes) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / folder;
    std::filesystem::create_directories(dir);
    const std::filesystem::path p = dir / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
}

} // namespace tabiji::test
