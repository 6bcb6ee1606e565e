// Toolbar and error dialog, in ImGui.
#include "view_toolbar.hpp"

#include "text_format.hpp"

#include "imgui.h"

namespace tabiji::web {

namespace {
constexpr const char* kErrorTitle = "Could not open the file";
}

ToolbarActions draw_toolbar(const AppState& state, float ratio) {
    ToolbarActions out;
    const float margin = 8 * ratio;
    ImGui::SetNextWindowPos({margin, margin});
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##toolbar", nullptr, flags)) {
        ImGui::TextUnformatted("旅路 Tabiji");
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        out.open = ImGui::Button("Open…");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a CSV event log (or drop one on the page)");
        ImGui::SameLine();
        out.fit = ImGui::Button("Fit");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Fit the map to the screen (or double-click the map)");
        if (const auto& j = state.journey()) {
            ImGui::SameLine();
            ImGui::TextUnformatted(j->name.c_str());
            ImGui::TextDisabled("%s journeys · %s events · %u touchpoints · %zu transitions · %.2f ms/frame",
                                with_thousands(j->dfg.num_cases).c_str(),
                                with_thousands(j->dfg.num_events).c_str(), j->dfg.num_activities,
                                j->dfg.edges.size(), state.report.frame_ms);
        }
        if (state.loading()) {
            double p = state.load_progress();
            ImGui::Text("Reading %s…", state.loading_name().c_str());
            if (p >= 0) ImGui::ProgressBar(static_cast<float>(p), {240 * ratio, 0});
        }
        if (!state.report.shader_error.empty())
            ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "Shader error: %s", state.report.shader_error.c_str());
        out.bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    }
    ImGui::End();
    return out;
}

void draw_error_dialog(AppState& state) {
    if (state.error_popup_pending()) {
        ImGui::OpenPopup(kErrorTitle);
        state.error_popup_shown();
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({320, 0}, {ImGui::GetIO().DisplaySize.x * 0.8f, FLT_MAX});
    if (ImGui::BeginPopupModal(kErrorTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 50);
        ImGui::TextUnformatted(state.error().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::TextDisabled("The map shows the previous journey.");
        // A new load clears the error: the dialog goes with it.
        if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
            state.error().empty())
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace tabiji::web
