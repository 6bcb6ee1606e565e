// Numbers as the UI writes them.
#pragma once
#include <cstdint>
#include <string>

namespace tabiji::web {

// 1234567 -> "1,234,567"
inline std::string with_thousands(uint64_t v) {
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace tabiji::web
