// One frame's requests from the toolbar and the keyboard, carried out on the app state.
#include "actions.hpp"

#include "exports.hpp"
#include "i18n.hpp"
#include "platform.hpp"
#include "project_files.hpp"

#include <string>

namespace tabiji::web {

void run_actions(AppState& st, const ToolbarActions& bar, const ShortcutActions& keys) {
    auto& journey = st.journey();
    if (bar.language || keys.language)
        st.analysis.set_language(ui_language() == Lang::ja ? Lang::en : Lang::ja);
    if (bar.panel || keys.panel) st.ui.panel_open = !st.ui.panel_open;
    if (bar.help || keys.help) st.ui.show_help = !st.ui.show_help;
    if (keys.tab >= 0) {
        static const char* tabs[] = {"variants", "funnel", "flow", "cx", "catalog"};
        st.ui.panel_open = true;
        st.ui.request_tab = tabs[keys.tab];
    }
    if (!journey) return;
    if (bar.save_project || keys.save_project) save_project_download(st);
    if (bar.open_project || keys.open_project) platform_pick_project();
    if (bar.export_svg) platform_download(download_stem(st) + ".svg", "image/svg+xml", map_svg(st));
    if (bar.export_png) st.ui.export_png = true;
    if (bar.export_csv) {
        const std::string which = bar.export_csv;
        const std::string text = which == "variants" ? variants_csv(st)
                                 : which == "funnel" ? funnel_csv(st)
                                                     : metrics_csv(st);
        if (!text.empty()) platform_download(download_stem(st) + "-" + which + ".csv", "text/csv", text);
    }
    if (keys.clear_variant) st.analysis.select_variant(-1);
    if (keys.remove_last_filter && !st.analysis.filters().empty())
        st.analysis.remove_filter(*journey, st.analysis.filters().filters.size() - 1);
}

} // namespace tabiji::web
