// Training mode in Module.tabijiState(): {"training": {mode, presenter, k, from_pack, variants, customers,
// hidden_cases, tokens, replay: {...}, quiz: {...}, population: {...}}} (see training_json.cpp).
#pragma once
#include "training_session.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tabiji::web {

// Writes the "training" member into an object being written.
void write_training_state(rapidjson::Writer<rapidjson::StringBuffer>& w, const TrainingSession& t,
                          uint32_t tokens_drawn);

} // namespace tabiji::web
