// The side panel beside the map: one tab per analysis view (variants, funnel, flow, CX metrics, catalog).
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

// `top`: pixels below the toolbar and filter chips. Hidden when `open` is false.
void draw_side_panel(AppState& state, float top, float ratio, bool& open);

} // namespace tabiji::web
