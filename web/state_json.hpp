// The app's state as JSON for Module.tabijiState(): what is drawn, what is loaded, frame timings, errors.
#pragma once
#include "app_state.hpp"

#include <string>

namespace tabiji::web {

std::string state_to_json(AppState& state);

} // namespace tabiji::web
