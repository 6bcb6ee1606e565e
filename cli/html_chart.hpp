// Small inline SVG charts for the HTML report: horizontal bars (one row per item) and columns (a
// histogram). Self-contained (no script, no external reference), text escaped, deterministic numbers.
#pragma once
#include <string>
#include <vector>

namespace tabiji::cli {

struct ChartBar {
    std::string label;      // the row or column label
    double value = 0;       // bar length relative to the largest value
    std::string value_text; // written at the end of the bar
};

// One row per bar: label, bar, value. `width` in pixels.
std::string svg_bar_chart(const std::vector<ChartBar>& bars, double width = 720,
                          const std::string& color = "#1f5fa8");
// Columns side by side, labels underneath, values on top.
std::string svg_column_chart(const std::vector<ChartBar>& bars, double width = 720, double height = 240,
                             const std::string& color = "#1f5fa8");

} // namespace tabiji::cli
