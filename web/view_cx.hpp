// The CX metrics panel over the filtered view and the project's catalog: channel switches, failure demand,
// bot escalation / containment, repeat contact (FCR proxy) and Markov attribution to a goal (default: the
// catalog's purchase stage). Definitions are core's (cx_metrics.hpp).
#pragma once
#include "app_state.hpp"

#include "tabiji/cx_metrics.hpp"

#include <string>
#include <vector>

namespace tabiji::web {

struct CxResults {
    ChannelSwitches switches;
    FailureDemand failure;
    Escalation escalation;
    RepeatContact repeat;
    std::vector<uint32_t> goal; // touchpoints of the attribution goal; empty: no attribution
    std::string goal_label;
    MarkovAttribution attribution;
};

void draw_cx_view(AppState& state);

// The metrics of the current view (computed when the view or the catalog changes); null without a journey.
const CxResults* current_cx(AppState& state);

} // namespace tabiji::web
