// Training mode in Module.tabijiState(): {"training": {mode, presenter, k, from_pack, variants, customers,
// hidden_cases, tokens, replay: {...}, quiz: {...}, population: {...}}} (see training_json.cpp).
#pragma once
#include "json_writer.hpp"
#include "training_session.hpp"

namespace tabiji::web {

// Writes the "training" member into an object being written.
void write_training_state(JsonWriter& w, const TrainingSession& t, uint32_t tokens_drawn);

} // namespace tabiji::web
