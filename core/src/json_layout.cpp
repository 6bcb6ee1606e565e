#include "tabiji/json_layout.hpp"

namespace tabiji {

std::string layout_json_lines(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 4);
    int depth = 0;
    bool in_string = false;
    // Depths at which a container's items go on their own lines: the top object (1) and the arrays or
    // objects directly inside it (2).
    auto broken = [](int d) { return d == 1 || d == 2; };
    auto newline = [&](int indent) {
        out.push_back('\n');
        out.append(size_t(indent) * 2, ' ');
    };
    for (size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (in_string) {
            out.push_back(c);
            if (c == '\\' && i + 1 < in.size())
                out.push_back(in[++i]);
            else if (c == '"')
                in_string = false;
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            out.push_back(c);
            break;
        case '{':
        case '[': {
            out.push_back(c);
            ++depth;
            const char close = c == '{' ? '}' : ']';
            if (broken(depth) && i + 1 < in.size() && in[i + 1] != close) newline(depth);
            break;
        }
        case '}':
        case ']':
            if (broken(depth) && i > 0 && in[i - 1] != '{' && in[i - 1] != '[') newline(depth - 1);
            --depth;
            out.push_back(c);
            break;
        case ',':
            out.push_back(',');
            if (broken(depth))
                newline(depth);
            else
                out.push_back(' ');
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

std::string json_text(const rapidjson::StringBuffer& compact) {
    std::string out = layout_json_lines(std::string_view(compact.GetString(), compact.GetSize()));
    out.push_back('\n');
    return out;
}

} // namespace tabiji
