// JSON layout of the CX metrics (see cx_report.hpp).
#include "cx_report.hpp"

#include <cmath>

namespace tabiji::cli {

namespace {

void tp(JsonWriter& w, const TouchpointMap& map, uint32_t t) {
    json_string(w, map.names[t]);
}

void ratio(JsonWriter& w, const char* key, double x) {
    w.Key(key);
    json_number(w, x);
}

const char* markov_state(uint32_t s) {
    return s == MarkovAttribution::kStart        ? "(start)"
           : s == MarkovAttribution::kConversion ? "(conversion)"
                                                 : "(null)";
}

} // namespace

void json_number(JsonWriter& w, double x) {
    if (std::isfinite(x))
        w.Double(x);
    else
        w.Null();
}

void write_mapping(JsonWriter& w, const TouchpointMap& map) {
    w.StartObject();
    w.Key("catalog_touchpoints");
    w.Uint(map.catalog_touchpoints);
    w.Key("touchpoints");
    w.Uint(map.size());
    w.Key("unmapped");
    w.StartArray();
    for (const auto& u : map.unmapped) {
        w.StartObject();
        w.Key("activity");
        json_string(w, u.activity);
        w.Key("events");
        w.Uint64(u.events);
        w.EndObject();
    }
    w.EndArray();
    w.Key("missing_attributes");
    w.StartArray();
    for (const auto& a : map.missing_attributes) json_string(w, a);
    w.EndArray();
    w.EndObject();
}

void write_channel_switch(JsonWriter& w, const ChannelSwitches& s) {
    w.StartObject();
    w.Key("steps");
    w.Uint64(s.steps);
    w.Key("switches");
    w.Uint64(s.total_switches());
    ratio(w, "switch_rate", s.switch_rate());
    w.Key("channels");
    w.StartArray();
    for (int x = 0; x < kNumChannelKinds; ++x) {
        const ChannelKind k = ChannelKind(x);
        if (!s.row_total(k)) continue;
        w.StartObject();
        w.Key("channel");
        json_string(w, channel_kind_code(k));
        w.Key("steps_out");
        w.Uint64(s.row_total(k));
        w.Key("stays");
        w.Uint64(s.stays(k));
        ratio(w, "stay_share", s.share(k, k));
        w.Key("switches");
        w.Uint64(s.switches(k));
        ratio(w, "switch_share", s.switch_share(k));
        w.EndObject();
    }
    w.EndArray();
    w.Key("matrix");
    w.StartArray();
    for (int x = 0; x < kNumChannelKinds; ++x)
        for (int y = 0; y < kNumChannelKinds; ++y) {
            const uint64_t c = s.count[x][y];
            if (!c) continue;
            w.StartObject();
            w.Key("from");
            json_string(w, channel_kind_code(ChannelKind(x)));
            w.Key("to");
            json_string(w, channel_kind_code(ChannelKind(y)));
            w.Key("count");
            w.Uint64(c);
            ratio(w, "share", s.share(ChannelKind(x), ChannelKind(y)));
            w.EndObject();
        }
    w.EndArray();
    w.EndObject();
}

void write_failure_demand(JsonWriter& w, const FailureDemand& fd, const TouchpointMap& map) {
    w.StartObject();
    ratio(w, "window_hours", fd.window_hours);
    w.Key("origin_events");
    w.Uint64(fd.events);
    w.Key("followed_by_human_contact");
    w.Uint64(fd.followed);
    ratio(w, "rate", fd.rate);
    w.Key("human_contacts");
    w.Uint64(fd.human_contacts);
    w.Key("human_contacts_after_origin");
    w.Uint64(fd.human_contacts_after_origin);
    ratio(w, "share_of_human_contacts", fd.share_of_human_contacts);
    w.Key("touchpoints");
    w.StartArray();
    for (const FailureDemandRow& r : fd.origins) {
        w.StartObject();
        w.Key("touchpoint");
        tp(w, map, r.touchpoint);
        w.Key("channel");
        json_string(w, channel_kind_code(map.channel[r.touchpoint]));
        w.Key("mode");
        json_string(w, contact_mode_code(map.mode[r.touchpoint]));
        w.Key("events");
        w.Uint64(r.events);
        w.Key("followed");
        w.Uint64(r.followed);
        ratio(w, "rate", r.rate);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void write_escalation(JsonWriter& w, const Escalation& e, const TouchpointMap& map) {
    w.StartObject();
    ratio(w, "window_hours", e.window_hours);
    w.Key("bots");
    w.StartArray();
    for (const BotEscalation& b : e.bots) {
        w.StartObject();
        w.Key("channel");
        json_string(w, channel_kind_code(b.bot));
        w.Key("sessions");
        w.Uint64(b.sessions);
        w.Key("escalated");
        w.Uint64(b.escalated);
        ratio(w, "escalation_rate", b.escalation_rate);
        ratio(w, "containment_rate", b.containment_rate);
        w.Key("escalated_to");
        w.StartArray();
        for (const auto& [t, n] : b.escalated_to) {
            w.StartObject();
            w.Key("touchpoint");
            tp(w, map, t);
            w.Key("sessions");
            w.Uint64(n);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void write_repeat_contact(JsonWriter& w, const RepeatContact& rc, const TouchpointMap& map) {
    w.StartObject();
    ratio(w, "window_days", rc.window_days);
    w.Key("contacts");
    w.Uint64(rc.contacts);
    w.Key("repeated");
    w.Uint64(rc.repeated);
    ratio(w, "rate", rc.rate);
    ratio(w, "fcr", rc.fcr);
    w.Key("touchpoints");
    w.StartArray();
    for (const RepeatContactRow& r : rc.touchpoints) {
        w.StartObject();
        w.Key("touchpoint");
        tp(w, map, r.touchpoint);
        w.Key("contacts");
        w.Uint64(r.contacts);
        w.Key("repeated");
        w.Uint64(r.repeated);
        ratio(w, "rate", r.rate);
        ratio(w, "fcr", r.fcr);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void write_funnel(JsonWriter& w, const Funnel& f, const std::vector<FunnelStep>& steps,
                  const TouchpointMap& map) {
    w.StartObject();
    w.Key("max_gap_seconds");
    json_number(w, f.max_gap_seconds);
    w.Key("cases");
    w.Uint64(f.cases);
    w.Key("steps");
    w.StartArray();
    for (size_t k = 0; k < f.steps.size(); ++k) {
        const FunnelStepResult& r = f.steps[k];
        w.StartObject();
        w.Key("step");
        json_string(w, steps[k].label);
        w.Key("touchpoints");
        w.StartArray();
        for (uint32_t t : steps[k].touchpoints) tp(w, map, t);
        w.EndArray();
        w.Key("cases");
        w.Uint64(r.cases);
        ratio(w, "conversion_from_previous", r.conversion_from_previous);
        ratio(w, "conversion_from_first", r.conversion_from_first);
        w.Key("dropped");
        w.Uint64(r.dropped);
        w.Key("dropped_next");
        w.StartArray();
        for (size_t i = 0; i < r.dropped_next.size() && i < 10; ++i) {
            w.StartObject();
            w.Key("touchpoint");
            if (r.dropped_next[i].first == TouchpointMap::kNone)
                w.String("(journey end)");
            else
                tp(w, map, r.dropped_next[i].first);
            w.Key("cases");
            w.Uint64(r.dropped_next[i].second);
            w.EndObject();
        }
        w.EndArray();
        w.Key("median_seconds_from_previous");
        if (r.time_from_previous.count && k)
            w.Double(r.time_from_previous.median);
        else
            w.Null();
        w.Key("median_seconds_from_first");
        if (r.time_from_first.count && k)
            w.Double(r.time_from_first.median);
        else
            w.Null();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void write_attribution(JsonWriter& w, const MarkovAttribution& m, const std::vector<uint32_t>& goal,
                       const TouchpointMap& map) {
    w.StartObject();
    w.Key("goal");
    w.StartArray();
    for (uint32_t g : goal) tp(w, map, g);
    w.EndArray();
    w.Key("paths");
    w.Uint64(m.paths);
    w.Key("conversions");
    w.Uint64(m.conversions);
    ratio(w, "conversion_probability", m.conversion_probability);
    w.Key("touchpoints");
    w.StartArray();
    for (size_t i = 0; i < m.touchpoints.size(); ++i) {
        w.StartObject();
        w.Key("touchpoint");
        tp(w, map, m.touchpoints[i]);
        ratio(w, "reach_goal", m.reach_goal[i]);
        ratio(w, "removal_effect", m.removal_effect[i]);
        ratio(w, "share", m.share[i]);
        ratio(w, "attributed_conversions", m.attributed_conversions[i]);
        w.EndObject();
    }
    w.EndArray();
    w.Key("transitions");
    w.StartArray();
    for (const MarkovTransition& t : m.transitions) {
        w.StartObject();
        w.Key("from");
        if (t.from >= MarkovAttribution::kStart)
            w.String(markov_state(t.from));
        else
            tp(w, map, t.from);
        w.Key("to");
        if (t.to >= MarkovAttribution::kStart)
            w.String(markov_state(t.to));
        else
            tp(w, map, t.to);
        w.Key("count");
        w.Uint64(t.count);
        ratio(w, "probability", t.probability);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

void write_segments(JsonWriter& w, const SegmentComparison& c, const TouchpointMap& map) {
    auto items = [&](const std::vector<SegmentItem>& list, bool edges) {
        w.StartArray();
        for (const SegmentItem& it : list) {
            w.StartObject();
            if (edges) {
                w.Key("from");
                tp(w, map, it.from);
                w.Key("to");
                tp(w, map, it.to);
            } else {
                w.Key("touchpoint");
                tp(w, map, it.from);
            }
            w.Key("a_cases");
            w.Uint64(it.share.a_cases);
            w.Key("b_cases");
            w.Uint64(it.share.b_cases);
            ratio(w, "a_share", it.share.a_share);
            ratio(w, "b_share", it.share.b_share);
            ratio(w, "share_diff", it.share.diff);
            ratio(w, "z", it.share.z);
            ratio(w, "p_value", it.share.p_value);
            w.Key("significant");
            w.Bool(it.share.significant);
            w.Key("a_median_seconds");
            if (it.a_time.count)
                w.Double(it.a_time.median);
            else
                w.Null();
            w.Key("b_median_seconds");
            if (it.b_time.count)
                w.Double(it.b_time.median);
            else
                w.Null();
            ratio(w, "median_diff_seconds", it.median_diff);
            w.EndObject();
        }
        w.EndArray();
    };
    w.StartObject();
    w.Key("test");
    w.String("two-proportion z-test (pooled), two-sided, significant when p < 0.05");
    w.Key("a_cases");
    w.Uint64(c.a_cases);
    w.Key("b_cases");
    w.Uint64(c.b_cases);
    w.Key("touchpoints");
    items(c.touchpoints, false);
    w.Key("edges");
    items(c.edges, true);
    w.EndObject();
}

void write_stages(JsonWriter& w, const StageView& v, const TouchpointMap& map) {
    w.StartObject();
    w.Key("satisfaction_attribute");
    if (v.satisfaction_attribute.empty())
        w.Null();
    else
        json_string(w, v.satisfaction_attribute);
    w.Key("unstaged_events");
    w.Uint64(v.unstaged_events);
    w.Key("stages");
    w.StartArray();
    for (size_t s = 0; s < v.stages.size(); ++s) {
        const StageRow& r = v.stages[s];
        w.StartObject();
        w.Key("stage");
        json_string(w, map.stage_names[s]);
        w.Key("label_ja");
        json_string(w, map.stage_labels_ja[s]);
        w.Key("cases");
        w.Uint64(r.cases);
        w.Key("events");
        w.Uint64(r.events);
        w.Key("dwell_seconds");
        json_stats(w, r.dwell);
        w.Key("satisfaction");
        if (v.satisfaction_attribute.empty()) {
            w.Null();
        } else {
            w.StartObject();
            w.Key("count");
            w.Uint64(r.satisfaction.count);
            w.Key("mean");
            if (r.satisfaction.count)
                w.Double(r.satisfaction.mean);
            else
                w.Null();
            w.Key("median");
            if (r.satisfaction.count)
                w.Double(r.satisfaction.median);
            else
                w.Null();
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

} // namespace tabiji::cli
