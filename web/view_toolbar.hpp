// The app's chrome: the toolbar (Open…, Fit, project and export menu, language, panel, help, what is loaded,
// loading progress with Cancel, the read report) and the dialog that shows why a file could not be opened.
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

struct ToolbarActions {
    bool open = false;     // the user asked for the file picker
    bool fit = false;      // the user asked to fit the map to the screen
    bool cancel = false;   // the user asked to stop the load under way
    bool report = false;   // the user asked for the read report
    bool language = false; // switch English <-> Japanese
    bool panel = false;    // show / hide the analysis panel
    bool help = false;     // show / hide the help window
    bool save_project = false, open_project = false;
    bool export_svg = false, export_png = false;
    const char* export_csv = nullptr; // "variants", "funnel" or "metrics"
    float bottom = 0;                 // pixels taken at the top of the screen
};

ToolbarActions draw_toolbar(const AppState& state, float ratio);

// The read report of the journey on screen (format, encoding, columns, dropped and skipped rows with the
// first examples), in a window the toolbar opens; it opens by itself when rows were skipped.
void draw_read_report(const AppState& state, bool& open);

// Opens the modal error dialog when a load failed; call every frame.
void draw_error_dialog(AppState& state);

// Asks before unsaved work is discarded by opening another file (UiState::confirm_discard); call every
// frame. Answers: save the project first, discard, or cancel.
void draw_discard_dialog(AppState& state);

} // namespace tabiji::web
