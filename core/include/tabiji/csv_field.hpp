// One CSV field as RFC 4180 writes it: as is, or quoted (quotes doubled) when it holds a comma, a quote,
// a CR or an LF. Shared by the log writer, quiz scores and the CLI's CSV results.
#pragma once
#include <string>
#include <string_view>

namespace tabiji {

void append_csv_field(std::string& out, std::string_view s);
inline std::string csv_field_text(std::string_view s) {
    std::string out;
    append_csv_field(out, s);
    return out;
}

} // namespace tabiji
