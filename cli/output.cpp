#include "output.hpp"

#include "tabiji/atomic_file.hpp"

#include <iostream>

namespace tabiji::cli {

void write_output(const std::string& path, std::string_view text) {
    if (path.empty() || path == "-") {
        std::cout.write(text.data(), std::streamsize(text.size()));
        std::cout.flush();
        return;
    }
    write_file_atomically(path, text);
}

} // namespace tabiji::cli
