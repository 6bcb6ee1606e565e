// The CX metrics as JSON members (rapidjson, one writer): shared by `tabiji cx`, `tabiji funnel` and
// `tabiji attribution` so each metric has one layout. Touchpoints are written by name, channel kinds by
// code; lists follow the core's deterministic orders; non-finite numbers are written as null.
#pragma once
#include "report_format.hpp"

#include "tabiji/cx_metrics.hpp"

#include <string>
#include <vector>

namespace tabiji::cli {

void json_number(JsonWriter& w, double x); // null when not finite

// Each writes one JSON object (the value; the caller writes the key).
void write_mapping(JsonWriter& w, const TouchpointMap& map);
void write_channel_switch(JsonWriter& w, const ChannelSwitches& s);
void write_failure_demand(JsonWriter& w, const FailureDemand& fd, const TouchpointMap& map);
void write_escalation(JsonWriter& w, const Escalation& e, const TouchpointMap& map);
void write_repeat_contact(JsonWriter& w, const RepeatContact& rc, const TouchpointMap& map);
void write_funnel(JsonWriter& w, const Funnel& f, const std::vector<FunnelStep>& steps,
                  const TouchpointMap& map);
void write_attribution(JsonWriter& w, const MarkovAttribution& m, const std::vector<uint32_t>& goal,
                       const TouchpointMap& map);
void write_segments(JsonWriter& w, const SegmentComparison& c, const TouchpointMap& map);
void write_stages(JsonWriter& w, const StageView& v, const TouchpointMap& map);

} // namespace tabiji::cli
