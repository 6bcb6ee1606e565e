// Escaping text for XML, SVG and HTML output: the five predefined entities, so any name (quotes,
// ampersands, angle brackets, Japanese) can go into element content and quoted attribute values.
// TAB, LF and CR become character references (attribute values keep them); other control characters
// are not allowed in XML 1.0 and are replaced by U+FFFD.
#pragma once
#include <string>
#include <string_view>

namespace tabiji {

// Appends the escaped text to out.
void append_xml_escaped(std::string& out, std::string_view text);
std::string xml_escaped(std::string_view text);

} // namespace tabiji
