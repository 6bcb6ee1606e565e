// The touchpoint catalog editor: each touchpoint's channel kind, journey stage, department and cost, the
// stages' Japanese labels, and the log's activities the catalog does not know yet (one click adds them).
// Edits go into the project (Analysis::set_catalog) and the CX metrics and funnels follow.
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

void draw_catalog_view(AppState& state);

} // namespace tabiji::web
