// What the app needs from the browser (implemented in platform_emscripten.cpp): the file picker, the
// canvas size in device pixels, and a clock. The page calls back into the app through the functions
// exported there (loading files in chunks, handing over the font, reporting state).
#pragma once
#include <string>

struct GLFWwindow;

namespace tabiji::web {

// Opens the browser's file picker; the chosen file is then read in chunks by page_interop.js.
void platform_pick_file();

// Sizes the canvas' backing store to its CSS size times the device pixel ratio (crisp on high-DPI
// screens) and returns that ratio.
float platform_sync_canvas(GLFWwindow* window);

// Routes GLFW's wheel events to ImGui in ImGui's units (call after ImGui_ImplGlfw_InitForOpenGL).
void platform_install_wheel(GLFWwindow* window);

// Milliseconds since the page started loading (performance.now()).
double platform_now_ms();

// [SECTION] Files for the user: downloads, the project picker, the file dropped while work was unsaved
void platform_download(const std::string& name, const char* mime, const std::string& bytes);
void platform_download_canvas_png(const std::string& name); // right after a frame: the canvas as drawn
void platform_pick_project();                               // bytes come back as the "open_project" command
void platform_open_pending_file();                          // the file held back by the discard question
void platform_drop_pending_file();

// [SECTION] Browser storage: the autosave of unsaved work (localStorage)
void platform_store(const char* key, const std::string& text);

} // namespace tabiji::web
