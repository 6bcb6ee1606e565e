// Errors in user input: a typed error that always knows where (file, line, column) and what was expected.
// Programmer errors are asserts; bad bytes from a user are an InputError, reported at the boundary
// (CLI message and exit code 1, or a message in the web app) and never an abort.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace tabiji {

struct InputError : std::runtime_error {
    std::string file;    // as the user named it
    uint64_t line = 0;   // 1-based; 0 when the problem is not tied to a line
    uint64_t column = 0; // 1-based byte column in that line; 0 when unknown
    std::string message; // what was wrong and what was expected

    InputError(std::string file, uint64_t line, uint64_t column, std::string message);
};

// "file:line:column: message" (line and column left out when zero).
std::string format_location(const std::string& file, uint64_t line, uint64_t column,
                            const std::string& message);

} // namespace tabiji
