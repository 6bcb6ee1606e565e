// What the user has open: panels, the chosen tab, dialogs waiting for an answer. Not saved with the project.
#pragma once
#include <string>

namespace tabiji::web {

struct UiState {
    bool panel_open = false;
    std::string panel_tab = "variants"; // the tab shown (set by the panel)
    std::string request_tab;            // a tab to bring forward at the next frame (commands, shortcuts)
    bool show_help = false;
    bool confirm_discard = false; // "discard unsaved work?" asked before opening another file
    bool pending_pick = false;    // ... then the file picker opens (Open…)
    bool pending_drop = false;    // ... or the dropped file waiting in the page opens
    bool discard_shown = false;   // the discard question is on screen (for tests)
    std::string discard_answer;   // "save", "discard" or "cancel" given by a command instead of a click
    bool export_png = false;      // the next frame's canvas goes to a PNG download
};

} // namespace tabiji::web
