// Atomic file replacement: temporary file in the same folder, flush (and fsync where there is one), rename.
#include "tabiji/atomic_file.hpp"

#include "tabiji/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define TABIJI_HAVE_FSYNC 1
#endif

namespace tabiji {

void write_file_atomically(const std::string& path, std::string_view bytes) {
    const std::string tmp = path + ".tmp-tabiji";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) throw InputError(path, 0, 0, std::string("cannot write: ") + std::strerror(errno));
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
#ifdef TABIJI_HAVE_FSYNC
    ok = ok && ::fsync(::fileno(f)) == 0;
#endif
    const int err = errno;
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) {
        std::remove(tmp.c_str());
        throw InputError(path, 0, 0, std::string("cannot write: ") + std::strerror(ok ? errno : err));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw InputError(path, 0, 0, "cannot replace the file: " + ec.message());
    }
}

} // namespace tabiji
