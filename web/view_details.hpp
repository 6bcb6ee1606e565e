// The details panel of the selected touchpoint (a click on the map): its volume and case share, the top
// previous and next touchpoints, the histogram of its time to the next step, and the cases through it.
#pragma once
#include "journey_map.hpp"
#include "map_state.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace tabiji::web {

class DetailsPanel {
  public:
    // Draws the panel when a touchpoint is selected; closing it clears the selection.
    void draw(const JourneyMapData& data, uint64_t journey_generation, MapState& state, float ratio);

  private:
    struct Link {
        std::string name;
        uint64_t count = 0;
    };
    void compute(const JourneyMapData& data, uint32_t activity);

    uint64_t generation_ = UINT64_MAX;
    int activity_ = -1;
    std::vector<Link> previous_, next_;
    std::vector<float> histogram_; // cases per duration bin of the time to the next step
    std::vector<std::string> bin_labels_;
    std::vector<std::string> sample_cases_; // the first cases through the touchpoint, log order
};

} // namespace tabiji::web
