// Commands the page and the browser tests send to the app (Module.tabijiCommand(name, arg) in
// page_interop.js). Each answers {"ok": bool, "result": string, "error": string}; none throws.
//   add_filter FILTER_JSON      one filter as in a filter chain file ({"kind": "start_touchpoints", ...})
//   set_filters CHAIN_JSON      the whole chain ({"version": 1, "filters": [...]}); "" clears it
//   remove_filter INDEX
//   select_variant INDEX        -1: none
//   language en|ja
//   funnel STEPS                touchpoints or stages separated by commas, optionally "|max gap" ("A,B|7d")
//   tab NAME                    variants, funnel, flow, cx, catalog (opens the panel on it)
//   help                        toggles the help window
//   export_svg                  result: the map as SVG
//   export_csv variants|funnel|metrics     result: the table as CSV
//   download_svg / download_png / download_csv NAME   the same, as a download for the user
//   project                     result: the project as JSON (nothing else happens)
//   save_project                downloads the project file and marks the work saved; result: its JSON
//   open_project BYTES          a project file (JSON or binary) applied to the log on screen
//   restore AUTOSAVE_JSON       the autosave kept in the browser, applied when it belongs to this log
//   confirm_open picker|drop    asks before discarding unsaved work, then opens the picker / dropped file
//   answer_discard save|discard|cancel   answers that question as the dialog's buttons do
#pragma once
#include "app_state.hpp"

#include <string>
#include <string_view>

namespace tabiji::web {

std::string run_command(AppState& state, std::string_view name, std::string_view arg);

} // namespace tabiji::web
