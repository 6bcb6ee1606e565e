#include "output.hpp"

#include "tabiji/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace tabiji::cli {

void write_output(const std::string& path, std::string_view text) {
    if (path.empty() || path == "-") {
        std::cout.write(text.data(), std::streamsize(text.size()));
        std::cout.flush();
        return;
    }
    const std::string tmp = path + ".tmp-tabiji";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw InputError(path, 0, 0, std::string("cannot write: ") + std::strerror(errno));
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
        std::remove(tmp.c_str());
        throw InputError(path, 0, 0, std::string("cannot write: ") + std::strerror(errno));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw InputError(path, 0, 0, "cannot replace the file: " + ec.message());
    }
}

} // namespace tabiji::cli
