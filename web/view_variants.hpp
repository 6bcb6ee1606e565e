// The variants explorer: the distinct journeys of the filtered view with their counts, coverage and
// cumulative coverage; clicking one selects it and the map emphasises its path.
#pragma once
#include "app_state.hpp"
#include "graph_renderer.hpp"
#include "journey_map.hpp"

namespace tabiji::web {

void draw_variants_view(AppState& state);

// Adds the selected variant's touchpoints and steps to `h` as map node and edge indices (ascending), so
// the renderer emphasises its path.
void add_variant_path(const JourneyMap& map, const Analysis& an, Highlight& h);

// "A → B → C" (at most `max_steps` steps, then "… (+n)")
std::string variant_text(const EventLog& log, const Variant& v, size_t max_steps = 1000);

} // namespace tabiji::web
