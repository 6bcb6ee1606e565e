// The web app's entry point: creates the GLFW window (a WebGL2 canvas), sets up ImGui and the map
// renderer, and runs one frame per browser animation frame:
//   canvas size -> fonts/map rebuilt if the journey or the font changed -> UI -> GL map -> ImGui on top.
#include "actions.hpp"
#include "app_state.hpp"
#include "exports.hpp"
#include "fonts.hpp"
#include "graph_renderer.hpp"
#include "i18n.hpp"
#include "journey_map.hpp"
#include "key_presses.hpp"
#include "map_state.hpp"
#include "platform.hpp"
#include "project_files.hpp"
#include "shortcuts.hpp"
#include "token_renderer.hpp"
#include "training_session.hpp"
#include "training_tokens.hpp"
#include "view_details.hpp"
#include "view_filters.hpp"
#include "view_map.hpp"
#include "view_panel.hpp"
#include "view_toolbar.hpp"
#include "view_training.hpp"
#include "view_variants.hpp"

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace tabiji::web {
namespace {

struct App {
    GLFWwindow* window = nullptr;
    float ratio = 1;
    Fonts fonts;
    GraphRenderer renderer;
    MapView view;
    std::optional<JourneyMapData>
        data; // per-journey (per filtered view) inputs of the map: simplifier, times
    std::optional<JourneyMap> map;
    uint64_t map_journey = 0, map_fonts = 0; // what the map was built from
    uint64_t map_analysis = 0;               // ... and the filtered view's generation
    MapSettings map_settings;                // ... and the map panel's settings
    DetailsPanel details;
    // The map being laid out, a slice each frame; the map on screen stays until it is done, unless it no
    // longer fits the journey's DFG (a new journey or filtered view), then the placeholder shows progress.
    std::unique_ptr<JourneyMapBuild> building;
    double building_since = 0;    // page time the build began
    bool building_refit = false;  // refit the view when it is done (new fonts, view or settings)
    double building_setup_ms = 0; // its start: font atlas, the journey's map data
    Lang map_language = Lang::en; // ... and the language of its Start / End labels
    uint64_t label_edits = ~0ull; // the project edit whose texts the atlas holds
    Highlight uploaded;
    bool show_report = false;    // the read report window
    uint64_t report_journey = 0; // the journey whose report was last considered for opening
    TokenRenderer tokens;        // training mode's customers on the map
    TrainingTokens token_layout;
    double last_frame_ms = -1;
};

App& app() {
    static App a;
    return a;
}

// Every text the atlas must draw besides the UI's: labels, the Japanese UI strings, and what the user
// typed into the project (stage labels, departments, annotations).
std::string all_labels(const EventLog& log, const Project& project) {
    std::string text = all_translations();
    for (uint32_t a = 0; a < log.num_activities(); ++a) text += log.activities.view(a);
    for (const Stage& s : project.catalog.stages) text += s.label_ja;
    for (const Touchpoint& t : project.catalog.touchpoints) text += t.department;
    for (const Annotation& n : project.annotations) text += n.note + n.pain_point;
    return text;
}

// Brings the font atlas and the map geometry up to date with the journey and the font bytes.
void rebuild_if_needed(App& a, AppState& st) {
    const double t0 = platform_now_ms();
    a.fonts.set_pixel_ratio(a.ratio);
    a.fonts.set_japanese_ttf(st.font_settled() ? &st.font_bytes() : nullptr);
    const auto& journey = st.journey();
    const bool new_journey = journey && st.journey_generation() != a.map_journey;
    if (new_journey) training().sync(st);
    const bool new_view = journey && st.analysis.generation() != a.map_analysis;
    if (new_journey || new_view || st.analysis.edits() != a.label_edits) {
        a.label_edits = st.analysis.edits();
        if (journey)
            a.fonts.set_label_text(all_labels(journey->log, st.analysis.project()) +
                                   training_text(training()));
    }
    const bool new_fonts = a.fonts.rebuild_if_needed();
    MapState& ms = map_state();
    const bool new_settings = !(ms.settings == a.map_settings) || ui_language() != a.map_language;
    if (!journey || (!new_journey && !new_view && a.map_fonts == a.fonts.generation() && !new_settings))
        return;
    ImFont* font = a.fonts.map();
    MapStyle style;
    style.start_label = tr("Start");
    style.end_label = tr("End");
    style.text_width = [font](std::string_view s) {
        return font->CalcTextSizeA(kLabelSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    };
    try {
        if (new_journey || new_view || !a.data) {
            // A new log or a new filtered view: the simplifier and the times follow its DFG, and the map on
            // screen (whose steps index the DFG before) goes; its positions still seed the new one.
            a.building.reset();
            a.data.reset();
            a.data.emplace(*journey);
            if (new_journey) ms.selected = -1;
        }
        // A slider move or a filter keeps the boxes where they were as far as the layout allows.
        a.building = std::make_unique<JourneyMapBuild>(*a.data, ms.settings, style,
                                                       new_journey || !a.map ? nullptr : &*a.map);
        if (new_journey || new_view) a.map.reset();
    } catch (const std::exception& e) {
        a.building.reset();
        a.map.reset();
        st.show_error(journey->name + ": the journey map could not be laid out (" + e.what() + ")");
    }
    a.building_since = t0;
    ms.progress = 0;
    ms.progress_frames = 0;
    a.building_refit = a.building_refit || new_fonts || new_view || new_settings;
    if (new_journey) a.building_refit = false;
    if (new_journey) a.view.request_fit();
    a.map_journey = st.journey_generation();
    a.map_fonts = a.fonts.generation();
    a.map_analysis = st.analysis.generation();
    a.map_settings = ms.settings;
    a.map_language = ui_language();
    a.building_setup_ms = platform_now_ms() - t0;
}

// Runs the map build under way for a slice of this frame; shows the map when it is done.
void continue_build(App& a, AppState& st) {
    MapState& ms = map_state();
    ms.pending = a.building != nullptr;
    if (!a.building) return;
    // What the frame can spare: a 60 Hz frame is 16.7 ms and drawing a big map takes a few of them.
    constexpr double kSliceBudgetMs = 8;
    bool done = false;
    try {
        done = a.building->run_for(kSliceBudgetMs, platform_now_ms);
    } catch (const std::exception& e) {
        a.building.reset();
        a.map.reset();
        ms.pending = false;
        st.show_error(st.journey()->name + ": the journey map could not be laid out (" + e.what() + ")");
        return;
    }
    ms.progress = static_cast<float>(a.building->progress());
    if (!done) return;
    JourneyMap next = a.building->take();
    ms.layout_ms = a.building->busy_ms();
    ms.layout_slices = a.building->slices();
    ms.longest_slice_ms = a.building->longest_slice_ms();
    ms.longest_gap_ms = a.building->longest_gap_ms();
    ms.layout_wall_ms = platform_now_ms() - a.building_since;
    st.report.last_rebuild_ms = a.building_setup_ms + ms.layout_ms;
    a.building.reset();
    ms.pending = false;
    double shift = 0;
    if (a.map)
        for (uint32_t i = 0; i < next.touchpoints; ++i) {
            const uint32_t activity = next.nodes[i].activity;
            const uint32_t before =
                activity < a.map->node_of_activity.size() ? a.map->node_of_activity[activity] : UINT32_MAX;
            if (before != UINT32_MAX)
                shift = std::max(shift, std::hypot(next.nodes[i].centre.x - a.map->nodes[before].centre.x,
                                                   next.nodes[i].centre.y - a.map->nodes[before].centre.y));
        }
    ms.max_node_shift = shift;
    a.map = std::move(next);
    a.uploaded = {};
    a.renderer.upload(*a.map);
    a.view.map_changed(*a.map);
    ms.shown_nodes = a.map->touchpoints;
    ms.shown_edges = a.map->steps;
    ms.layers = a.map->layers;
    ms.crossings = a.map->layout_crossings;
    ++ms.builds;
    if (a.building_refit) a.view.refit_if_untouched();
    a.building_refit = false;
}

void draw_placeholder(const AppState& st) {
    std::string text = st.loading()   ? tr("Reading the journey log…")
                       : st.journey() ? tr("Laying out the journey map…")
                                      : tr("Open a CSV event log to see its journey map.");
    const MapState& ms = map_state();
    if (!st.loading() && st.journey() && ms.pending)
        text += " " + std::to_string(static_cast<int>(ms.progress * 100)) + " %";
    ImVec2 size = ImGui::CalcTextSize(text.c_str());
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::GetBackgroundDrawList()->AddText({(display.x - size.x) / 2, (display.y - size.y) / 2},
                                            IM_COL32(90, 100, 115, 255), text.c_str());
}

void frame() {
    App& a = app();
    AppState& st = app_state();
    a.ratio = platform_sync_canvas(a.window);
    rebuild_if_needed(a, st);
    continue_build(a, st);
    TrainingSession& training_mode = training();
    training_mode.sync(st);

    key_presses_new_frame();
    const double t0 = platform_now_ms();
    training_mode.tick(a.last_frame_ms < 0 ? 0 : (t0 - a.last_frame_ms) / 1000);
    a.last_frame_ms = t0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    // Presenter view (training mode): no toolbar, filter chips or analysis panels.
    const bool presenting = training_mode.presenter;
    const ToolbarActions bar = presenting ? ToolbarActions{} : draw_toolbar(st, a.ratio);
    const ShortcutActions keys = read_shortcuts();
    run_actions(st, bar, keys);
    if (bar.open || keys.open) request_open(st, false);
    if (bar.fit || keys.fit) a.view.request_fit();
    if (bar.cancel) st.cancel_load();
    if (bar.report) a.show_report = !a.show_report;
    const float chips_bottom = presenting ? 0.0f : draw_filter_chips(st, bar.bottom, a.ratio);
    if (training_mode.mode == TrainingMode::off) draw_side_panel(st, chips_bottom, a.ratio, st.ui.panel_open);
    if (!presenting) draw_help_window(st);
    draw_discard_dialog(st);
    if (st.journey() && st.journey_generation() != a.report_journey) {
        // A log with rows left out because they were bad shows its report at once: nothing is dropped
        // silently. (Rows dropped for an empty key are normal in exports and only shown on request.)
        a.report_journey = st.journey_generation();
        a.show_report = st.journey()->read.skipped_bad_records > 0;
    }
    if (!training_mode.presenter) draw_read_report(st, a.show_report);
    draw_error_dialog(st);
    if (a.map && a.data && st.journey()) {
        // Training mode's window or the analysis panel takes the right edge: the map view sees a display that
        // ends beside it, so it fits (and refits when the window opens or closes) the map into the part left
        // visible.
        ImGuiIO& io = ImGui::GetIO();
        const float full_width = io.DisplaySize.x;
        const float right = training_mode.mode == TrainingMode::off
                                ? side_panel_width(st, a.ratio, st.ui.panel_open)
                                : training_panel_width(training_mode, a.ratio);
        io.DisplaySize.x = std::max(1.0f, full_width - right);
        if (!presenting) a.view.draw_panel(*a.data, map_state(), a.ratio, chips_bottom);
        a.view.update(*a.data, *a.map, a.fonts, a.ratio, chips_bottom, map_state());
        io.DisplaySize.x = full_width;
        if (!presenting) a.details.draw(*a.data, st.journey_generation(), map_state(), a.ratio);
        Highlight wanted = a.view.highlight();
        if (training_mode.mode == TrainingMode::off)
            add_variant_path(*a.map, st.analysis, wanted);
        else
            add_training_path(training_mode, *a.map, wanted);
        if (!(wanted == a.uploaded)) {
            a.uploaded = std::move(wanted);
            a.renderer.upload_highlight(*a.map, a.uploaded);
        }
        draw_training_window(training_mode, a.ratio, chips_bottom);
    } else {
        draw_placeholder(st);
    }
    ImGui::Render();
    const double t_ui = platform_now_ms();

    int w = 0, h = 0;
    glfwGetFramebufferSize(a.window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.957f, 0.965f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    FrameReport& r = st.report;
    r.nodes_drawn = r.edges_drawn = 0;
    if (a.map) {
        a.renderer.draw(a.view.transform(w, h));
        a.tokens.upload(a.token_layout.build(training_mode, *a.map));
        a.tokens.draw(a.view.transform(w, h));
        training_mode.tokens_drawn = a.tokens.tokens_submitted();
        const uint32_t markers = static_cast<uint32_t>(a.map->nodes.size()) - a.map->touchpoints;
        const uint32_t marker_edges = static_cast<uint32_t>(a.map->edges.size()) - a.map->steps;
        r.nodes_drawn = a.renderer.nodes_submitted() > markers ? a.renderer.nodes_submitted() - markers : 0;
        r.edges_drawn =
            a.renderer.edges_submitted() > marker_edges ? a.renderer.edges_submitted() - marker_edges : 0;
    }
    const double t_map = platform_now_ms();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const double t1 = platform_now_ms();
    if (st.ui.export_png) { // the drawing buffer still holds this frame
        st.ui.export_png = false;
        platform_download_canvas_png(download_stem(st) + ".png");
    }
    autosave_if_changed(st);

    r.frame_ms = t1 - t0;
    r.ui_ms = t_ui - t0;
    r.map_gl_ms = t_map - t_ui;
    r.imgui_gl_ms = t1 - t_map;
    ++r.frames;
    if (r.first_frame_ms < 0) r.first_frame_ms = t1;
    if (a.map) {
        ++r.frames_with_journey;
        if (r.first_map_ms < 0) r.first_map_ms = t1;
    }
    r.japanese_font = a.fonts.has_japanese();
    r.atlas_width = a.fonts.atlas_width();
    r.atlas_height = a.fonts.atlas_height();
}

} // namespace
} // namespace tabiji::web

int main() {
    using namespace tabiji::web;
    App& a = app();
    if (!glfwInit()) {
        std::fprintf(stderr, "tabiji: could not initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    a.window = glfwCreateWindow(1280, 800, "Tabiji", nullptr, nullptr);
    if (!a.window) {
        std::fprintf(stderr, "tabiji: could not create a WebGL2 context\n");
        return 1;
    }
    glfwMakeContextCurrent(a.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    a.ratio = platform_sync_canvas(a.window);
    style.ScaleAllSizes(a.ratio);
    install_key_presses(a.window); // before ImGui's callbacks, which chain to it
    ImGui_ImplGlfw_InitForOpenGL(a.window, true);
    platform_install_wheel(a.window);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGui_ImplOpenGL3_CreateDeviceObjects(); // so that font rebuilds replace its texture, not leak one

    // Shaders are checked once here; a failure is logged and shown, and the UI keeps running.
    if (!a.renderer.init()) app_state().report.shader_error = a.renderer.error();
    if (!a.tokens.init()) app_state().report.shader_error += a.tokens.error();

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
