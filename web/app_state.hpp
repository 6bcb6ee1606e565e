// The app's data: the journey on screen (log + directly-follows graph), the loading of the next file in
// chunks, the last error, the font bytes handed over by the page, and the figures of the last frame.
// One instance, reached through app_state(); the platform layer and the views share it.
#pragma once
#include "analysis.hpp"
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/read_report.hpp"
#include "tabiji/training_pack.hpp"
#include "ui_state.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tabiji {
class PushReader;
}

namespace tabiji::web {

struct Journey {
    std::string name; // the file name the user opened
    EventLog log;
    Dfg dfg;         // of the filtered view (Analysis keeps it current)
    ReadReport read; // what the reader saw: format, columns, rows dropped or skipped and why
    std::shared_ptr<const TrainingPack> pack; // the training pack the log came from (its log is `log`)
};

// What the last frame did, for the status line and for tests.
struct FrameReport {
    uint64_t frames = 0; // frames rendered since start
    double frame_ms = 0; // CPU time of the last frame (UI build, draw lists, GL submission)
    double ui_ms = 0, map_gl_ms = 0, imgui_gl_ms = 0; // its parts: ImGui frame, map draw, ImGui draw
    double first_frame_ms = -1;                       // page time (performance.now) of the first frame
    double first_map_ms = -1;                         // page time of the first frame that showed a journey
    double last_rebuild_ms = 0;                       // time of the last font atlas + map rebuild
    uint32_t nodes_drawn = 0;         // touchpoint nodes submitted in the last frame (markers excluded)
    uint32_t edges_drawn = 0;         // directly-follows edges submitted (start/end marker edges excluded)
    uint64_t frames_with_journey = 0; // frames drawn since the current journey was first shown
    bool japanese_font = false;       // the Japanese glyphs are in the atlas
    int atlas_width = 0, atlas_height = 0;
    std::string shader_error; // set when the GL driver rejected our shaders
};

class AppState {
  public:
    AppState();
    ~AppState();

    // [SECTION] Loading a file: begin, then chunks written into chunk_buffer() and fed, then finish.
    // Starting a load abandons one still in progress. Ids tell a stale reader from the current one.
    uint32_t begin_load(std::string name, double size_bytes);
    uint8_t* chunk_buffer(size_t bytes);
    bool feed(uint32_t id, size_t bytes); // false: stop reading (an error, or a newer load began)
    bool finish(uint32_t id);             // true: the journey was replaced
    void fail(uint32_t id, std::string message);
    bool loading() const { return reader_ != nullptr; }
    double load_progress() const; // 0..1, or -1 when the size is unknown
    // Stops the load under way; the map keeps the previous journey. Chunks still in flight are refused.
    void cancel_load();
    const std::string& loading_name() const { return loading_name_; }

    // [SECTION] The journey on screen
    const std::optional<Journey>& journey() const { return journey_; }
    void show(Journey next); // replaces the journey on screen (finish(), or a generated bench graph)
    std::optional<Journey>& journey() { return journey_; } // for Analysis, which keeps its dfg current
    uint64_t journey_generation() const { return journey_generation_; }

    // [SECTION] Errors: the message of the last failed load (cleared when a new load begins)
    const std::string& error() const { return error_; }
    bool error_popup_pending() const { return error_popup_pending_; }
    void show_error(std::string message); // also logs it to the console
    void error_popup_shown() { error_popup_pending_ = false; }

    // [SECTION] The Japanese font, fetched by the page
    uint8_t* font_buffer(size_t bytes);
    void font_ready(bool ok);
    std::vector<uint8_t>& font_bytes() { return font_bytes_; }
    uint64_t font_generation() const { return font_generation_; }
    bool font_settled() const { return font_settled_; } // loaded, or failed for good

    FrameReport report;
    UiState ui;        // panels and dialogs open (ui_state.hpp)
    Analysis analysis; // filters, variants, catalog, ... of the journey on screen (analysis.hpp)

  private:
    std::optional<Journey> journey_;
    uint64_t journey_generation_ = 0;
    std::unique_ptr<PushReader> reader_; // any format: a LogReader
    uint32_t load_id_ = 0;
    std::string loading_name_;
    double loading_size_ = -1;
    std::vector<uint8_t> chunk_;
    std::string error_;
    bool error_popup_pending_ = false;
    std::vector<uint8_t> font_bytes_;
    uint64_t font_generation_ = 0;
    bool font_settled_ = false;
};

AppState& app_state();

} // namespace tabiji::web
