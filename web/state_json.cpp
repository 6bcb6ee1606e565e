// Writes the state JSON with rapidjson (escaping and UTF-8 handled there).
#include "state_json.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tabiji::web {

std::string state_to_json(const AppState& state) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    const FrameReport& r = state.report;
    const auto& journey = state.journey();
    auto str = [&](const char* key, std::string_view value) {
        w.Key(key);
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
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
            w.StartObject();
            str("name", journey->log.activities.view(a));
            w.Key("count");
            w.Uint64(journey->dfg.events[a]);
            w.EndObject();
        }
    }
    w.EndArray();
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
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace tabiji::web
