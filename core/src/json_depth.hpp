// The nesting limit of every JSON text a user hands us (JSON Lines, OCEL, catalogs, filter chains,
// project files). rapidjson parses, copies, writes and frees values recursively, so a line of a hundred
// thousand '[' overflows the stack: readers check the depth on the raw text first, in one pass.
#pragma once
#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace tabiji {

// Far beyond any real log or settings file, far below what the stack takes (sanitizer builds included).
inline constexpr int kMaxJsonNesting = 256;

// Offset of the bracket that opens nesting level limit + 1 (brackets inside strings do not count), or
// std::string_view::npos when the text stays within the limit.
size_t json_too_deep_at(std::string_view text, int limit = kMaxJsonNesting);

// "JSON nested deeper than N levels; ..." for messages.
std::string json_too_deep_message(int limit = kMaxJsonNesting);

// A whole JSON document a user gave (catalog, filter chain): the depth checked first, then parsed; an
// InputError naming `source`, the byte offset and what was wrong otherwise.
void parse_json_document(rapidjson::Document& doc, std::string_view json, const std::string& source);

} // namespace tabiji
