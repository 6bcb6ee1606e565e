// Training tokens placed on the map's geometry: the replayed journey's token (on the edge from the previous
// step to the current one while it travels, else at the current step's node) and one small token per
// customer of the population replay. Reads the map through journey_map.hpp's public structures only.
#pragma once
#include "journey_map.hpp"
#include "token_renderer.hpp"
#include "training_session.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tabiji::web {

// The path of the replayed (or quizzed) journey up to the step shown, as map node and edge indices (sorted,
// without repeats), for the renderer's path highlight.
void add_training_path(const TrainingSession& session, const JourneyMap& map, Highlight& h);

class TrainingTokens {
  public:
    // The tokens for this frame (empty when the mode shows none).
    const std::vector<TokenInstance>& build(const TrainingSession& session, const JourneyMap& map);

  private:
    void index(const JourneyMap& map);
    bool place(const JourneyMap& map, uint32_t from, uint32_t to, float t, TokenInstance& out) const;

    const JourneyMap* indexed_ = nullptr;
    size_t indexed_edges_ = 0;
    std::unordered_map<uint64_t, uint32_t> edge_of_; // (from activity << 32 | to activity) -> edge
    std::vector<TokenInstance> tokens_;
};

} // namespace tabiji::web
