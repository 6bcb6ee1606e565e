// Nesting depth of a JSON text, counted on the raw bytes before any recursive parser sees them, and the
// one way whole user documents are parsed.
#include "json_depth.hpp"

#include "tabiji/error.hpp"

#include <rapidjson/error/en.h>

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

void parse_json_document(rapidjson::Document& doc, std::string_view json, const std::string& source) {
    if (const size_t deep = json_too_deep_at(json); deep != std::string_view::npos)
        throw InputError(source, 0, 0, json_too_deep_message() + " (at byte " + std::to_string(deep) + ")");
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    if (doc.HasParseError())
        throw InputError(source, 0, 0,
                         std::string("not valid JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                             ": " + rapidjson::GetParseError_En(doc.GetParseError()));
}

} // namespace tabiji
