// Nesting depth of a JSON text, counted on the raw bytes before any recursive parser sees them.
#include "json_depth.hpp"

namespace tabiji {

size_t json_too_deep_at(std::string_view s, int limit) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}

std::string json_too_deep_message(int limit) {
    return "JSON nested deeper than " + std::to_string(limit) + " levels; expected flat values";
}

} // namespace tabiji
