// The browser side of the app: JS calls it makes (file picker, canvas size) and the C functions the page
// calls (Module._tabiji_*; wrapped in web/page_interop.js). Nothing here throws into JavaScript.
#include "platform.hpp"

#include "app_state.hpp"
#include "commands.hpp"
#include "map_state.hpp"

#include "state_json.hpp"
#include "tabiji/generate_graph.hpp"

#include "imgui_impl_glfw.h"
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace tabiji::web {

// clang-format off
EM_JS(void, js_pick_file, (), {
    if (Module.tabijiPickFile) Module.tabijiPickFile();
});

EM_JS(void, js_download, (const char* name, const char* mime, const uint8_t* data, size_t size), {
    if (Module.tabijiDownload) Module.tabijiDownload(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, js_download_canvas_png, (const char* name), {
    if (Module.tabijiDownloadCanvas) Module.tabijiDownloadCanvas(UTF8ToString(name));
});
EM_JS(void, js_pick_project, (), {
    if (Module.tabijiPickProject) Module.tabijiPickProject();
});
EM_JS(void, js_pending_file, (int open), {
    if (Module.tabijiPendingFile) Module.tabijiPendingFile(open !== 0);
});
EM_JS(void, js_store, (const char* key, const char* text), {
    try { localStorage.setItem(UTF8ToString(key), UTF8ToString(text)); }
    catch (e) { console.warn('tabiji: could not keep the work in the browser: ' + e.message); }
});

// Resizes the canvas' backing store and tells GLFW (through Emscripten's resize listeners). Not
// glfwSetWindowSize: Emscripten's version asks for fullscreen when the size equals the screen's.
EM_JS(void, js_set_canvas_size, (int width, int height), {
    Browser.setCanvasSize(width, height);
});
// clang-format on

void platform_pick_file() {
    js_pick_file();
}

float platform_sync_canvas(GLFWwindow* window) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double ratio = emscripten_get_device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w * ratio)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * ratio)));
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(window, &cur_w, &cur_h);
    if (w != cur_w || h != cur_h) js_set_canvas_size(w, h);
    return static_cast<float>(ratio);
}

namespace {
// Emscripten 3.1.6's GLFW passes the DOM wheel event's raw deltaX/deltaY (pixels, positive = down) where
// GLFW promises notches (positive = up). A mouse notch is about 100 pixels; trackpads send small deltas,
// which become smooth fractional steps.
void on_scroll(GLFWwindow* window, double dx, double dy) {
    auto notches = [](double d) { return std::clamp(-d / 100.0, -3.0, 3.0); };
    ImGui_ImplGlfw_ScrollCallback(window, notches(dx), notches(dy));
}
} // namespace

void platform_install_wheel(GLFWwindow* window) {
    glfwSetScrollCallback(window, on_scroll);
}

double platform_now_ms() {
    return emscripten_get_now();
}

void platform_download(const std::string& name, const char* mime, const std::string& bytes) {
    js_download(name.c_str(), mime, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

void platform_download_canvas_png(const std::string& name) {
    js_download_canvas_png(name.c_str());
}

void platform_pick_project() {
    js_pick_project();
}

void platform_open_pending_file() {
    js_pending_file(1);
}

void platform_drop_pending_file() {
    js_pending_file(0);
}

void platform_store(const char* key, const std::string& text) {
    js_store(key, text.c_str());
}

} // namespace tabiji::web

using tabiji::web::app_state;

extern "C" {

// [SECTION] Loading a file in chunks (see page_interop.js: Module.tabijiOpenFile/-Text/-Url)

EMSCRIPTEN_KEEPALIVE uint32_t tabiji_load_begin(const char* name, double size_bytes) {
    return app_state().begin_load(name ? name : "(unnamed)", size_bytes);
}

// Where the page writes the next chunk (valid until the next call).
EMSCRIPTEN_KEEPALIVE uint8_t* tabiji_load_buffer(uint32_t bytes) {
    try {
        return app_state().chunk_buffer(bytes);
    } catch (...) {
        return nullptr;
    }
}

// 1: go on; 0: stop reading (an error was reported, or a newer load began).
EMSCRIPTEN_KEEPALIVE int tabiji_load_feed(uint32_t id, uint32_t bytes) {
    return app_state().feed(id, bytes);
}

EMSCRIPTEN_KEEPALIVE int tabiji_load_finish(uint32_t id) {
    return app_state().finish(id);
}

EMSCRIPTEN_KEEPALIVE void tabiji_load_fail(uint32_t id, const char* message) {
    app_state().fail(id, message ? message : "could not be read");
}

// [SECTION] The Japanese font, fetched by the page

EMSCRIPTEN_KEEPALIVE uint8_t* tabiji_font_buffer(uint32_t bytes) {
    try {
        return app_state().font_buffer(bytes);
    } catch (...) {
        return nullptr;
    }
}

EMSCRIPTEN_KEEPALIVE void tabiji_font_ready(int ok) {
    app_state().font_ready(ok != 0);
}

// [SECTION] The map view, for the page (pinch zoom) and scripts

// Sliders (0..100), frequency (0) / performance (1), stages and channel colours (0/1); a negative value
// leaves that setting alone.
EMSCRIPTEN_KEEPALIVE void tabiji_map_set(double activities, double paths, int performance, int stages,
                                         int channels) {
    auto& s = tabiji::web::map_state().settings;
    if (activities >= 0) s.activities = static_cast<float>(std::min(activities, 100.0));
    if (paths >= 0) s.paths = static_cast<float>(std::min(paths, 100.0));
    if (performance >= 0) s.performance = performance != 0;
    if (stages >= 0) s.stages = stages != 0;
    if (channels >= 0) s.channels = channels != 0;
}

// Zoom by `factor` around a point in CSS pixels (negative: the screen centre); applied at the next frame.
EMSCRIPTEN_KEEPALIVE void tabiji_map_zoom(double factor, double css_x, double css_y) {
    auto& m = tabiji::web::map_state();
    if (!(factor > 0) || !std::isfinite(factor)) return;
    const double ratio = emscripten_get_device_pixel_ratio();
    m.zoom_request *= static_cast<float>(factor);
    m.zoom_at_x = css_x < 0 ? -1.0f : static_cast<float>(css_x * ratio);
    m.zoom_at_y = css_y < 0 ? -1.0f : static_cast<float>(css_y * ratio);
}

// The bench page (index.html?bench=N): a generated journey graph of N touchpoints and `edges` steps.
EMSCRIPTEN_KEEPALIVE void tabiji_bench(uint32_t nodes, uint32_t edges) {
    tabiji::JourneyGraph g = tabiji::generate_journey_graph(nodes, edges);
    tabiji::web::Journey j;
    j.name = "bench-" + std::to_string(nodes) + "x" + std::to_string(g.dfg.edges.size());
    j.log = std::move(g.log);
    j.dfg = std::move(g.dfg);
    app_state().show(std::move(j));
}

EMSCRIPTEN_KEEPALIVE void tabiji_map_fit() {
    tabiji::web::map_state().fit_request = true;
}

// [SECTION] State for tests and the page: JSON, valid until the next call.

// [SECTION] Commands from the page and from tests (web/commands.hpp): JSON {ok, result, error}.

// `arg`: `size` bytes (UTF-8 text, or a binary project file), not NUL-terminated.
EMSCRIPTEN_KEEPALIVE const char* tabiji_command(const char* name, const uint8_t* arg, uint32_t size) {
    static std::string json;
    json = tabiji::web::run_command(app_state(), name ? name : "",
                                    {reinterpret_cast<const char*>(arg), arg ? size : 0});
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* tabiji_state_json() {
    static std::string json;
    try {
        json = tabiji::web::state_to_json(app_state());
    } catch (...) {
        json = R"({"ready":false,"error":"internal error while reporting state"})";
    }
    return json.c_str();
}

} // extern "C"
