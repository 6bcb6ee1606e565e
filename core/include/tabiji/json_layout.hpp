// Human-friendly layout of compact JSON: one line per top-level member and per element of a top-level
// array, everything deeper kept on that line with ", " and ": " separators. Readable in a terminal or a
// diff, and still small for large results.
#pragma once
#include <rapidjson/stringbuffer.h>

#include <string>
#include <string_view>

namespace tabiji {

// `compact` must be valid JSON without insignificant whitespace (as rapidjson::Writer writes it).
std::string layout_json_lines(std::string_view compact);

// A finished compact document (rapidjson::Writer's buffer), laid out, with a final newline.
std::string json_text(const rapidjson::StringBuffer& compact);

} // namespace tabiji
