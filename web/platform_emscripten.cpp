// The browser side of the app: JS calls it makes (file picker, canvas size) and the C functions the page
// calls (Module._tabiji_*; wrapped in web/page_interop.js). Nothing here throws into JavaScript.
#include "platform.hpp"

#include "app_state.hpp"
#include "state_json.hpp"

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

// [SECTION] State for tests and the page: JSON, valid until the next call.

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
