// The funnel view: ordered steps chosen from the touchpoints (or stages), a maximum gap between steps,
// and per step the journeys reaching it, conversion and drop-off (core funnel.hpp), kept in the project.
#pragma once
#include "app_state.hpp"

#include "tabiji/funnel.hpp"

namespace tabiji::web {

void draw_funnel_view(AppState& state);

// The funnel of the project's current steps over the filtered view (computed when they or the view
// change); null without steps or when they do not resolve (funnel_error() says why).
const Funnel* current_funnel(AppState& state);
const std::string& funnel_error();
// The steps as the project keeps them ("Funnel" in the project's saved funnels).
SavedFunnel current_funnel_spec(const AppState& state);

} // namespace tabiji::web
