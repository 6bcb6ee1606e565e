// read_file_chunks and WholeFile: plain files, standard input, and gzip (with zlib, where the build has it).
#include "tabiji/input_file.hpp"

#include "tabiji/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>
#if TABIJI_HAVE_ZLIB
#include <zlib.h>
#endif
#if defined(__unix__) && !defined(__EMSCRIPTEN__)
#define TABIJI_HAVE_MMAP 1
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace tabiji {

namespace {

struct FileCloser {
    bool owned = true;
    void operator()(std::FILE* f) const {
        if (f && owned) std::fclose(f);
    }
};

#if TABIJI_HAVE_ZLIB
// Inflates a gzip stream (members concatenated as gzip allows) and passes the output on.
class GzipInflater {
  public:
    explicit GzipInflater(const std::string& path) : path_(path) {
        std::memset(&z_, 0, sizeof z_);
        if (inflateInit2(&z_, 15 + 16) != Z_OK)
            throw InputError(path_, 0, 0, "cannot start gzip decompression");
    }
    ~GzipInflater() { inflateEnd(&z_); }

    void feed(std::string_view in, const std::function<void(std::string_view)>& sink) {
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z_.avail_in = uInt(in.size());
        while (z_.avail_in > 0) {
            if (ended_) { // another gzip member follows
                if (inflateReset(&z_) != Z_OK)
                    throw InputError(path_, 0, 0, "gzip: cannot read the next member");
                ended_ = false;
            }
            z_.next_out = reinterpret_cast<Bytef*>(out_.data());
            z_.avail_out = uInt(out_.size());
            const int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
                throw InputError(path_, 0, 0,
                                 std::string("the gzip data is corrupt (") +
                                     (z_.msg ? z_.msg : "inflate failed") + ") after " +
                                     std::to_string(z_.total_in) + " compressed bytes");
            const size_t produced = out_.size() - z_.avail_out;
            if (produced) sink(std::string_view(out_.data(), produced));
            if (rc == Z_STREAM_END) ended_ = true;
            if (rc == Z_BUF_ERROR && produced == 0) break;
        }
    }

    void finish() const {
        if (!ended_)
            throw InputError(path_, 0, 0, "the gzip file is truncated: its compressed stream ends early");
    }

  private:
    std::string path_;
    z_stream z_;
    std::vector<char> out_ = std::vector<char>(size_t(1) << 20);
    bool ended_ = false;
};
#endif

} // namespace

void read_file_chunks(const std::string& path, const std::function<void(std::string_view)>& sink,
                      size_t chunk_size, uint64_t* file_bytes_read) {
    std::unique_ptr<std::FILE, FileCloser> file(nullptr, FileCloser{});
    if (path == "-") {
        file = std::unique_ptr<std::FILE, FileCloser>(stdin, FileCloser{false});
    } else {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            throw InputError(path, 0, 0, "is a directory; expected an event log file");
        file.reset(std::fopen(path.c_str(), "rb"));
        if (!file) throw InputError(path, 0, 0, std::string("cannot open the file: ") + std::strerror(errno));
    }
    std::vector<char> buf(chunk_size);
    bool first = true;
    bool gzip = false;
#if TABIJI_HAVE_ZLIB
    std::unique_ptr<GzipInflater> inflater;
#endif
    while (true) {
        const size_t got = std::fread(buf.data(), 1, buf.size(), file.get());
        if (got == 0) break;
        if (file_bytes_read) *file_bytes_read += got;
        std::string_view chunk(buf.data(), got);
        if (first) {
            gzip = got >= 2 && static_cast<unsigned char>(buf[0]) == 0x1f &&
                   static_cast<unsigned char>(buf[1]) == 0x8b;
            first = false;
#if TABIJI_HAVE_ZLIB
            if (gzip) inflater = std::make_unique<GzipInflater>(path);
#else
            if (gzip)
                throw InputError(path, 0, 0,
                                 "gzip input is not supported in this build; decompress it first");
#endif
        }
#if TABIJI_HAVE_ZLIB
        if (gzip) {
            inflater->feed(chunk, sink);
            continue;
        }
#endif
        sink(chunk);
    }
    if (std::ferror(file.get()))
        throw InputError(path, 0, 0, std::string("read error: ") + std::strerror(errno));
#if TABIJI_HAVE_ZLIB
    if (gzip) inflater->finish();
#endif
}

namespace {

#if TABIJI_HAVE_MMAP
// A read-only mapping of a regular, non-empty file that does not start as gzip; null otherwise (the caller
// then reads the file the ordinary way, which also reports any error).
const char* map_plain_file(const std::string& path, size_t& size) {
    if (path == "-") return nullptr;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* p = MAP_FAILED;
    unsigned char magic[2] = {0, 0};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        !(::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)) {
        p = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) ::madvise(p, size_t(st.st_size), MADV_SEQUENTIAL);
    }
    ::close(fd); // the mapping keeps the file
    if (p == MAP_FAILED) return nullptr;
    size = size_t(st.st_size);
    return static_cast<const char*>(p);
}
#endif

} // namespace

WholeFile::WholeFile(const std::string& path, const std::function<void()>& on_chunk,
                     uint64_t* file_bytes_read) {
#if TABIJI_HAVE_MMAP
    if ((mapped_ = map_plain_file(path, mapped_size_))) return; // read when it is used
#endif
    std::error_code ec;
    if (path != "-")
        if (const auto size = std::filesystem::file_size(path, ec); !ec)
            copy_.reserve(size_t(size)); // compressed size: a lower bound
    read_file_chunks(
        path,
        [&](std::string_view chunk) {
            copy_.append(chunk);
            if (on_chunk) on_chunk();
        },
        size_t(4) << 20, file_bytes_read);
}

WholeFile::~WholeFile() {
#if TABIJI_HAVE_MMAP
    if (mapped_) ::munmap(const_cast<char*>(mapped_), mapped_size_);
#endif
}

} // namespace tabiji
