// InputError: where in the user's file, and what was expected.
#include "tabiji/error.hpp"

namespace tabiji {

std::string format_location(const std::string& file, uint64_t line, uint64_t column,
                            const std::string& message) {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line) {
        out.append(":").append(std::to_string(line));
        if (column) out.append(":").append(std::to_string(column));
    }
    out.append(": ").append(message);
    return out;
}

InputError::InputError(std::string f, uint64_t l, uint64_t c, std::string m)
    : std::runtime_error(format_location(f, l, c, m)), file(std::move(f)), line(l), column(c),
      message(std::move(m)) {}

} // namespace tabiji
