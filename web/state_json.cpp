// Writes the state JSON with rapidjson (escaping and UTF-8 handled there).
#include "state_json.hpp"

#include "json_writer.hpp"

#include "i18n.hpp"
#include "map_state.hpp"
#include "training_json.hpp"
#include "view_filters.hpp"
#include "view_funnel.hpp"
#include "view_variants.hpp"

namespace tabiji::web {

namespace {

// The views' state: language, unsaved flag, filters, variants, funnel, panel.
void write_analysis(JsonWriter& w, AppState& state) {
    const Analysis& an = state.analysis;
    const auto& journey = state.journey();
    w.Key("journey_generation"); // increments each time a log replaces the journey on screen
    w.Uint64(state.journey_generation());
    json_str(w, "language", ui_language_code());
    w.Key("dirty");
    w.Bool(an.dirty());
    json_str(w, "analysis_error", an.error());
    w.Key("recompute_ms");
    w.Double(an.last_recompute_ms());
    w.Key("view_cases");
    w.Uint64(an.size().cases);
    w.Key("view_events");
    w.Uint64(an.size().events);
    w.Key("filters");
    w.StartArray();
    for (const Filter& f : an.filters().filters) {
        w.StartObject();
        json_str(w, "kind", filter_kind_name(f));
        json_str(w, "text", describe_filter(f));
        w.EndObject();
    }
    w.EndArray();
    json_str(w, "filter_chain", filter_chain_to_json(an.filters()));
    w.Key("variant_count");
    w.Uint64(an.variants().size());
    w.Key("variants"); // the first 20
    w.StartArray();
    if (journey)
        for (size_t i = 0; i < an.variants().size() && i < 20; ++i) {
            w.StartObject();
            w.Key("count");
            w.Uint64(an.variants()[i].count);
            json_str(w, "path", variant_text(journey->log, an.variants()[i]));
            w.EndObject();
        }
    w.EndArray();
    w.Key("selected_variant");
    w.Int(an.selected_variant());
    w.Key("highlighted_nodes");
    w.Uint64(an.selected_activities().size());
    w.Key("highlighted_edges");
    w.Uint64(an.selected_steps().size());
    w.Key("funnel");
    const Funnel* funnel = current_funnel(state);
    if (!funnel) {
        w.Null();
    } else {
        const SavedFunnel spec = current_funnel_spec(state);
        w.StartObject();
        w.Key("cases");
        w.Uint64(funnel->cases);
        w.Key("steps");
        w.StartArray();
        for (size_t i = 0; i < funnel->steps.size(); ++i) {
            const FunnelStepResult& s = funnel->steps[i];
            w.StartObject();
            json_str(w, "label", i < spec.steps.size() ? spec.steps[i] : "");
            w.Key("cases");
            w.Uint64(s.cases);
            w.Key("conversion_from_previous");
            w.Double(s.conversion_from_previous);
            w.Key("dropped");
            w.Uint64(s.dropped);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    json_str(w, "funnel_error", funnel_error());
    w.Key("catalog_touchpoints");
    w.Uint64(an.catalog().touchpoints.size());
    w.Key("panel_open");
    w.Bool(state.ui.panel_open);
    json_str(w, "panel_tab", state.ui.panel_tab);
    w.Key("help_open");
    w.Bool(state.ui.show_help);
    w.Key("asking_discard");
    w.Bool(state.ui.discard_shown);
}

// The map view: sliders, mode, selection, zoom, build figures, and the boxes on screen.
void write_map_state(JsonWriter& w, const AppState& state) {
    const MapState& m = map_state();
    const auto& journey = state.journey();
    auto name = [&](int activity) -> std::string {
        if (!journey || activity < 0 || static_cast<uint32_t>(activity) >= journey->log.num_activities())
            return {};
        return std::string(journey->log.activities.view(static_cast<uint32_t>(activity)));
    };
    auto num = [&](const char* key, double v) {
        w.Key(key);
        w.Double(v);
    };
    w.StartObject();
    num("activities", m.settings.activities);
    num("paths", m.settings.paths);
    w.Key("performance");
    w.Bool(m.settings.performance);
    w.Key("stages");
    w.Bool(m.settings.stages);
    w.Key("channels");
    w.Bool(m.settings.channels);
    const std::string selected = name(m.selected), hovered = name(m.hovered);
    w.Key("selected");
    w.String(selected.c_str());
    w.Key("hovered");
    w.String(hovered.c_str());
    num("shown_nodes", m.shown_nodes);
    num("shown_edges", m.shown_edges);
    num("layers", m.layers);
    num("crossings", double(m.crossings));
    num("layout_ms", m.layout_ms);
    num("layout_wall_ms", m.layout_wall_ms);
    num("layout_slices", m.layout_slices);
    num("longest_slice_ms", m.longest_slice_ms);
    num("longest_gap_ms", m.longest_gap_ms);
    w.Key("pending");
    w.Bool(m.pending);
    num("progress", m.progress);
    num("progress_frames", m.progress_frames);
    num("builds", double(m.builds));
    num("max_node_shift", m.max_node_shift);
    num("scale", m.scale);
    w.Key("boxes");
    w.StartArray();
    for (size_t i = 0; i + 4 < m.screen_boxes.size(); i += 5) {
        w.StartObject();
        const std::string n = name(static_cast<int>(m.screen_boxes[i]));
        w.Key("name");
        w.String(n.c_str());
        num("x", m.screen_boxes[i + 1]);
        num("y", m.screen_boxes[i + 2]);
        num("hw", m.screen_boxes[i + 3]);
        num("hh", m.screen_boxes[i + 4]);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

} // namespace

std::string state_to_json(AppState& state) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    const FrameReport& r = state.report;
    const auto& journey = state.journey();
    auto str = [&](const char* key, std::string_view value) { json_str(w, key, value); };
    w.StartObject();
    w.Key("ready");
    w.Bool(journey.has_value() && !state.loading() && state.font_settled() && r.frames_with_journey > 0);
    w.Key("loading");
    w.Bool(state.loading());
    str("error", state.error());
    str("shader_error", r.shader_error);
    str("log", journey ? std::string_view(journey->name) : std::string_view());
    w.Key("events");
    w.Uint64(journey ? journey->dfg.num_events : 0);
    w.Key("cases");
    w.Uint64(journey ? journey->dfg.num_cases : 0);
    w.Key("read");
    w.StartObject();
    if (journey) {
        const ReadReport& rr = journey->read;
        str("format", rr.format);
        str("encoding", rr.encoding);
        w.Key("records");
        w.Uint64(rr.records);
        w.Key("dropped");
        w.Uint64(rr.dropped_missing_values);
        w.Key("skipped");
        w.Uint64(rr.skipped_bad_records);
        w.Key("problems");
        w.StartObject();
        for (const auto& [kind, n] : rr.problem_counts) {
            w.Key(kind.c_str());
            w.Uint64(n);
        }
        w.EndObject();
    }
    w.EndObject();
    w.Key("nodes");
    w.Uint(r.nodes_drawn);
    w.Key("edges");
    w.Uint(r.edges_drawn);
    w.Key("frames");
    w.Uint64(r.frames);
    w.Key("frames_with_journey");
    w.Uint64(r.frames_with_journey);
    w.Key("frame_ms");
    w.Double(r.frame_ms);
    w.Key("ui_ms");
    w.Double(r.ui_ms);
    w.Key("map_gl_ms");
    w.Double(r.map_gl_ms);
    w.Key("imgui_gl_ms");
    w.Double(r.imgui_gl_ms);
    w.Key("first_frame_ms");
    w.Double(r.first_frame_ms);
    w.Key("first_map_ms");
    w.Double(r.first_map_ms);
    w.Key("rebuild_ms");
    w.Double(r.last_rebuild_ms);
    w.Key("japanese_font");
    w.Bool(r.japanese_font);
    w.Key("font_atlas");
    w.StartArray();
    w.Int(r.atlas_width);
    w.Int(r.atlas_height);
    w.EndArray();
    w.Key("node_list");
    w.StartArray();
    if (journey) {
        for (uint32_t a = 0; a < journey->dfg.num_activities; ++a) {
            if (journey->dfg.events[a] == 0) continue; // filtered out of the view
            w.StartObject();
            str("name", journey->log.activities.view(a));
            w.Key("count");
            w.Uint64(journey->dfg.events[a]);
            w.EndObject();
        }
    }
    w.EndArray();
    w.Key("map");
    write_map_state(w, state);
    w.Key("edge_list");
    w.StartArray();
    if (journey) {
        for (const auto& e : journey->dfg.edges) {
            w.StartObject();
            str("from", journey->log.activities.view(e.from));
            str("to", journey->log.activities.view(e.to));
            w.Key("count");
            w.Uint64(e.count);
            w.EndObject();
        }
    }
    w.EndArray();
    write_analysis(w, state);
    write_training_state(w, training(), training().tokens_drawn);
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace tabiji::web
