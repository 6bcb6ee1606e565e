// The app's chrome: the toolbar (Open…, Fit, what is loaded, loading progress) and the dialog that shows
// why a file could not be opened.
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

struct ToolbarActions {
    bool open = false; // the user asked for the file picker
    bool fit = false;  // the user asked to fit the map to the screen
    float bottom = 0;  // pixels taken at the top of the screen
};

ToolbarActions draw_toolbar(const AppState& state, float ratio);

// Opens the modal error dialog when a load failed; call every frame.
void draw_error_dialog(AppState& state);

} // namespace tabiji::web
