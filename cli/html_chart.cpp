// Inline SVG bar and column charts (see html_chart.hpp).
#include "html_chart.hpp"

#include "tabiji/svg_map.hpp"
#include "tabiji/xml_text.hpp"

#include <algorithm>
#include <cstdio>

namespace tabiji::cli {

namespace {

std::string num(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", x);
    return buf;
}

constexpr const char* kOpen = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"";

} // namespace

std::string svg_bar_chart(const std::vector<ChartBar>& bars, double width, const std::string& color) {
    const double row = 24, font = 12;
    double label_w = 40, value_w = 40, max = 0;
    for (const auto& b : bars) {
        label_w = std::max(label_w, estimated_text_width(b.label, font));
        value_w = std::max(value_w, estimated_text_width(b.value_text, font));
        max = std::max(max, b.value);
    }
    label_w = std::min(label_w, width * 0.45) + 10;
    const double bar_w = std::max(40.0, width - label_w - value_w - 16);
    const double height = row * double(bars.size()) + 4;
    std::string out = kOpen + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) +
                      " " + num(height) + "\" role=\"img\">\n";
    for (size_t i = 0; i < bars.size(); ++i) {
        const ChartBar& b = bars[i];
        const double y = double(i) * row + 2, w = max > 0 ? bar_w * b.value / max : 0;
        out += "<text x=\"" + num(label_w - 8) + "\" y=\"" + num(y + 15) +
               "\" text-anchor=\"end\" font-size=\"12\">" + xml_escaped(b.label) + "</text><rect x=\"" +
               num(label_w) + "\" y=\"" + num(y + 3) + "\" width=\"" + num(std::max(w, 0.0)) +
               "\" height=\"" + num(row - 8) + "\" rx=\"3\" fill=\"" + color + "\"/><text x=\"" +
               num(label_w + w + 6) + "\" y=\"" + num(y + 15) + "\" font-size=\"12\" fill=\"#34465e\">" +
               xml_escaped(b.value_text) + "</text>\n";
    }
    return out + "</svg>";
}

std::string svg_column_chart(const std::vector<ChartBar>& bars, double width, double height,
                             const std::string& color) {
    const double bottom = 40, top = 20, n = std::max<double>(1, double(bars.size()));
    const double slot = width / n, plot = height - bottom - top;
    double max = 0;
    for (const auto& b : bars) max = std::max(max, b.value);
    std::string out = kOpen + num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) +
                      " " + num(height) + "\" role=\"img\">\n";
    out += "<line x1=\"0\" y1=\"" + num(top + plot) + "\" x2=\"" + num(width) + "\" y2=\"" + num(top + plot) +
           "\" stroke=\"#b3bcc8\"/>\n";
    for (size_t i = 0; i < bars.size(); ++i) {
        const ChartBar& b = bars[i];
        const double h = max > 0 ? plot * b.value / max : 0, x = double(i) * slot;
        out += "<rect x=\"" + num(x + slot * 0.15) + "\" y=\"" + num(top + plot - h) + "\" width=\"" +
               num(slot * 0.7) + "\" height=\"" + num(h) + "\" rx=\"2\" fill=\"" + color + "\"/><text x=\"" +
               num(x + slot / 2) + "\" y=\"" + num(top + plot - h - 5) +
               "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#34465e\">" + xml_escaped(b.value_text) +
               "</text><text x=\"" + num(x + slot / 2) + "\" y=\"" + num(top + plot + 16) +
               "\" text-anchor=\"middle\" font-size=\"11\">" + xml_escaped(b.label) + "</text>\n";
    }
    return out + "</svg>";
}

} // namespace tabiji::cli
