// Key presses queued between frames. ImGui 1.86 (Debian's) keeps only whether a key is down at NewFrame, so a
// key pressed and released between two frames (a quick tap on a slow or busy machine) is lost. This queue
// records every press from GLFW's key callback and hands them out one frame at a time.
#pragma once

struct GLFWwindow;

namespace tabiji::web {

// Installs the key callback; call before ImGui_ImplGlfw_InitForOpenGL, which chains to it.
void install_key_presses(GLFWwindow* window);

// Makes the presses since the previous call this frame's presses. Call once per frame, before NewFrame.
void key_presses_new_frame();

// Whether the key (a GLFW key code) was pressed during the last frame; mods gets the GLFW modifier bits
// held at that press (GLFW_MOD_SHIFT, GLFW_MOD_CONTROL, GLFW_MOD_SUPER ...).
bool key_pressed(int key, int* mods = nullptr);

} // namespace tabiji::web
