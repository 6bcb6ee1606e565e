// What the toolbar and the keyboard ask of the analysis: language, panel, help, tabs, project files,
// exports, variant selection, removing the last filter. (Opening a log, fitting the map, cancelling a load
// and the read report are the frame loop's, in main.cpp.)
#pragma once
#include "app_state.hpp"
#include "shortcuts.hpp"
#include "view_toolbar.hpp"

namespace tabiji::web {

void run_actions(AppState& state, const ToolbarActions& bar, const ShortcutActions& keys);

} // namespace tabiji::web
