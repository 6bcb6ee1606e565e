// What the app needs from the browser (implemented in platform_emscripten.cpp): the file picker, the
// canvas size in device pixels, and a clock. The page calls back into the app through the functions
// exported there (loading files in chunks, handing over the font, reporting state).
#pragma once

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

} // namespace tabiji::web
