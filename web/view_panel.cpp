// Places the panel on the right of the window and hosts the views' tabs.
#include "view_panel.hpp"

#include "i18n.hpp"
#include "view_catalog.hpp"
#include "view_cx.hpp"
#include "view_flow.hpp"
#include "view_funnel.hpp"
#include "view_variants.hpp"

#include "imgui.h"

#include <algorithm>
#include <string>

namespace tabiji::web {

namespace {
constexpr float kMargin = 8;
float panel_width(float display_width, float ratio) {
    return std::min(display_width * 0.45f, 560 * ratio);
}
} // namespace

float side_panel_width(const AppState& state, float ratio, bool open) {
    if (!open || !state.journey()) return 0;
    return panel_width(ImGui::GetIO().DisplaySize.x, ratio) + kMargin * ratio;
}

void draw_side_panel(AppState& state, float top, float ratio, bool& open) {
    if (!open || !state.journey()) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float margin = kMargin * ratio;
    const float width = panel_width(display.x, ratio);
    ImGui::SetNextWindowPos({display.x - width - margin, top + margin}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({width, std::max(200.0f, display.y - top - 2 * margin)}, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.96f);
    const std::string title = window_title("Analysis", "panel");
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoCollapse)) {
        if (ImGui::BeginTabBar("##views")) {
            struct Tab {
                const char* label;
                const char* id;
                void (*draw)(AppState&);
            };
            static const Tab tabs[] = {{"Variants", "variants", draw_variants_view},
                                       {"Funnel", "funnel", draw_funnel_view},
                                       {"Flow", "flow", draw_flow_view},
                                       {"CX metrics", "cx", draw_cx_view},
                                       {"Catalog", "catalog", draw_catalog_view}};
            for (const Tab& t : tabs) {
                const std::string label = window_title(t.label, t.id);
                const bool bring = state.ui.request_tab == t.id;
                if (bring) state.ui.request_tab.clear();
                if (ImGui::BeginTabItem(label.c_str(), nullptr, bring ? ImGuiTabItemFlags_SetSelected : 0)) {
                    state.ui.panel_tab = t.id;
                    t.draw(state);
                    ImGui::EndTabItem();
                }
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

} // namespace tabiji::web
