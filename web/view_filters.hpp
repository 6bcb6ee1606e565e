// The filter panel: the core's filter chain as a row of chips under the toolbar (each removable with its
// ×), and an "Add filter" popup that builds one filter of any kind. The map, variants and metrics follow
// the filtered view (Analysis recomputes it).
#pragma once
#include "app_state.hpp"

#include <string>

namespace tabiji::web {

// Draws the chip row at `top` (pixels); returns the bottom of what it drew.
float draw_filter_chips(AppState& state, float top, float ratio);

// A filter in words, in the UI language ("Starts with TV ad", "Events 2–10", ...).
std::string describe_filter(const Filter& f);

} // namespace tabiji::web
