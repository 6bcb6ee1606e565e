// Keyboard shortcuts: one table, read both by the key handler and by the help window (F1 or ?).
#pragma once
#include "app_state.hpp"

namespace tabiji::web {

enum class Shortcut {
    help,
    open,
    save_project,
    open_project,
    language,
    panel,
    fit,
    clear_variant,
    tab_1,
    tab_2,
    tab_3,
    tab_4,
    tab_5,
    remove_last_filter
};

struct ShortcutInfo {
    Shortcut action;
    const char* keys;        // as shown
    const char* description; // English; shown through tr()
};

const ShortcutInfo* shortcut_table(size_t& count);

// The shortcuts pressed this frame (none while a text field has the keyboard). Call after NewFrame.
struct ShortcutActions {
    bool help = false, open = false, save_project = false, open_project = false, language = false,
         panel = false, fit = false, clear_variant = false, remove_last_filter = false;
    int tab = -1;
};
ShortcutActions read_shortcuts();

// The help window: the shortcut table and what the mouse does.
void draw_help_window(AppState& state);

} // namespace tabiji::web
