// The flow (Sankey) view: from a chosen touchpoint, where journeys go in their next N steps (core
// flow.hpp). Column k holds the touchpoints at the k-th step after the first visit of the chosen one (or
// "journey ended"); bands between columns are as wide as the number of journeys taking that step. Drawn
// with ImGui draw lists.
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

void draw_flow_view(AppState& state);

} // namespace tabiji::web
