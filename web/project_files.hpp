// Project files in the browser: saving the project (core project_io, JSON) as a download, opening one
// the user picks, and the autosave: after every change the project goes to the browser's localStorage
// with the log's name and the unsaved flag, and comes back after a page reload (restore_autosave).
#pragma once
#include "app_state.hpp"

#include <string>
#include <string_view>

namespace tabiji::web {

inline constexpr const char* kAutosaveKey = "tabiji.autosave";

std::string project_json(const AppState& state);
// Downloads "<log stem>.tabiji.json" and marks the work saved. Returns the JSON.
std::string save_project_download(AppState& state);
// A project file's bytes (JSON or binary). False (and a message shown) when it cannot be read.
bool open_project_bytes(AppState& state, std::string_view bytes, const std::string& source);

// Opening another log (the picker, or the file dropped on the page and held there): at once when nothing is
// unsaved, else after the discard question (UiState::confirm_discard, answered in the toolbar's dialog).
void request_open(AppState& state, bool dropped);

// Call once per frame: writes the autosave when something changed since the last one.
void autosave_if_changed(AppState& state);
// The autosave's JSON ({"log", "dirty", "project"}); applied when "log" names the journey on screen.
// Returns false when it does not belong to it or cannot be read.
bool restore_autosave(AppState& state, std::string_view json);

} // namespace tabiji::web
