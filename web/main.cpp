// The web app's entry point: creates the GLFW window (a WebGL2 canvas), sets up ImGui and the map
// renderer, and runs one frame per browser animation frame:
//   canvas size -> fonts/map rebuilt if the journey or the font changed -> UI -> GL map -> ImGui on top.
#include "app_state.hpp"
#include "fonts.hpp"
#include "graph_renderer.hpp"
#include "journey_map.hpp"
#include "platform.hpp"
#include "view_map.hpp"
#include "view_toolbar.hpp"

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include <cfloat>
#include <cstdio>
#include <exception>
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
    std::optional<JourneyMap> map;
    uint64_t map_journey = 0, map_fonts = 0; // what the map was built from
    Highlight uploaded;
    bool show_report = false;    // the read report window
    uint64_t report_journey = 0; // the journey whose report was last considered for opening
};

App& app() {
    static App a;
    return a;
}

std::string all_labels(const EventLog& log) {
    std::string text;
    for (uint32_t a = 0; a < log.num_activities(); ++a) text += log.activities.view(a);
    return text;
}

// Brings the font atlas and the map geometry up to date with the journey and the font bytes.
void rebuild_if_needed(App& a, AppState& st) {
    const double t0 = platform_now_ms();
    a.fonts.set_pixel_ratio(a.ratio);
    a.fonts.set_japanese_ttf(st.font_settled() ? &st.font_bytes() : nullptr);
    const auto& journey = st.journey();
    const bool new_journey = journey && st.journey_generation() != a.map_journey;
    if (new_journey) a.fonts.set_label_text(all_labels(journey->log));
    const bool new_fonts = a.fonts.rebuild_if_needed();
    if (!journey || (!new_journey && a.map_fonts == a.fonts.generation())) return;

    ImFont* font = a.fonts.map();
    MapStyle style;
    style.text_width = [font](std::string_view s) {
        return font->CalcTextSizeA(kLabelSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    };
    try {
        a.map = build_journey_map(journey->log, journey->dfg, style);
    } catch (const std::exception& e) {
        a.map.reset();
        st.show_error(journey->name + ": the journey map could not be laid out (" + e.what() + ")");
    }
    a.uploaded = {};
    if (a.map) a.renderer.upload(*a.map, a.uploaded);
    if (new_journey) {
        a.view.request_fit();
    } else if (new_fonts) {
        a.view.refit_if_untouched();
    }
    a.map_journey = st.journey_generation();
    a.map_fonts = a.fonts.generation();
    st.report.last_rebuild_ms = platform_now_ms() - t0;
}

void draw_placeholder(const AppState& st) {
    const char* text =
        st.loading() ? "Reading the journey log…" : "Open a CSV event log to see its journey map.";
    ImVec2 size = ImGui::CalcTextSize(text);
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::GetBackgroundDrawList()->AddText({(display.x - size.x) / 2, (display.y - size.y) / 2},
                                            IM_COL32(90, 100, 115, 255), text);
}

void frame() {
    App& a = app();
    AppState& st = app_state();
    a.ratio = platform_sync_canvas(a.window);
    rebuild_if_needed(a, st);

    const double t0 = platform_now_ms();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ToolbarActions bar = draw_toolbar(st, a.ratio);
    if (bar.open) platform_pick_file();
    if (bar.fit) a.view.request_fit();
    if (bar.cancel) st.cancel_load();
    if (bar.report) a.show_report = !a.show_report;
    if (st.journey() && st.journey_generation() != a.report_journey) {
        // A log with rows left out because they were bad shows its report at once: nothing is dropped
        // silently. (Rows dropped for an empty key are normal in exports and only shown on request.)
        a.report_journey = st.journey_generation();
        a.show_report = st.journey()->read.skipped_bad_records > 0;
    }
    draw_read_report(st, a.show_report);
    draw_error_dialog(st);
    if (a.map && st.journey()) {
        a.view.update(*st.journey(), *a.map, a.fonts, a.ratio, bar.bottom);
        if (!(a.view.highlight() == a.uploaded)) {
            a.uploaded = a.view.highlight();
            a.renderer.upload(*a.map, a.uploaded);
        }
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
        const uint32_t markers = static_cast<uint32_t>(a.map->nodes.size()) - a.map->touchpoints;
        const uint32_t marker_edges = static_cast<uint32_t>(a.map->edges.size()) - a.map->dfg_edges;
        r.nodes_drawn = a.renderer.nodes_submitted() > markers ? a.renderer.nodes_submitted() - markers : 0;
        r.edges_drawn =
            a.renderer.edges_submitted() > marker_edges ? a.renderer.edges_submitted() - marker_edges : 0;
    }
    const double t_map = platform_now_ms();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    const double t1 = platform_now_ms();

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
    ImGui_ImplGlfw_InitForOpenGL(a.window, true);
    platform_install_wheel(a.window);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGui_ImplOpenGL3_CreateDeviceObjects(); // so that font rebuilds replace its texture, not leak one

    // Shaders are checked once here; a failure is logged and shown, and the UI keeps running.
    if (!a.renderer.init()) app_state().report.shader_error = a.renderer.error();

    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
