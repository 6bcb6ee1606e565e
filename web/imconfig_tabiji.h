// Dear ImGui compile-time configuration for the Tabiji web app (selected with IMGUI_USER_CONFIG).
#pragma once

// Journey maps with thousands of labelled nodes overflow 16-bit indices.
#define ImDrawIdx unsigned int

// The app has no use for these and they cost .wasm size.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// No file system in the browser: ImGui must never try to write imgui.ini.
#define IMGUI_DISABLE_FILE_FUNCTIONS
