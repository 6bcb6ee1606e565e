// What the app writes for the user to download: the map as SVG (core svg_map, the same drawing as
// `tabiji render`), and the tables as CSV (variants, funnel, CX metrics). PNG is the canvas itself
// (UiState::export_png, taken by main.cpp right after a frame is drawn).
#pragma once
#include "app_state.hpp"

#include <string>

namespace tabiji::web {

std::string map_svg(const AppState& state);
std::string variants_csv(const AppState& state);
std::string funnel_csv(AppState& state); // empty without a funnel
std::string metrics_csv(AppState& state);

// "journeys_en" from "journeys_en.csv" / "journeys_en.csv.gz": the stem downloads are named after.
std::string download_stem(const AppState& state);

} // namespace tabiji::web
