// The side panel beside the map: one tab per analysis view (variants, funnel, flow, CX metrics, catalog).
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

// `top`: pixels below the toolbar and filter chips. Hidden when `open` is false.
void draw_side_panel(AppState& state, float top, float ratio, bool& open);
// The width the panel takes at the right edge of the screen (0 when closed): the map fits beside it.
float side_panel_width(const AppState& state, float ratio, bool open);

} // namespace tabiji::web
