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
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "Open an event log: CSV, JSON Lines, XES or OCEL, gzip too (or drop one on the page)");
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
        if (const auto& j = state.journey()) {
            const ReadReport& r = j->read;
            const uint64_t left_out = r.dropped_missing_values + r.skipped_bad_records;
            ImGui::SameLine();
            if (left_out) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.35f, 0.05f, 1));
                out.report = ImGui::SmallButton(("Read report: " + with_thousands(left_out) +
                                                 (left_out == 1 ? " row" : " rows") + " left out")
                                                    .c_str());
                ImGui::PopStyleColor();
            } else {
                out.report = ImGui::SmallButton("Read report");
            }
        }
        if (state.loading()) {
            double p = state.load_progress();
            ImGui::Text("Reading %s…", state.loading_name().c_str());
            if (p >= 0) {
                ImGui::ProgressBar(static_cast<float>(p), {240 * ratio, 0});
                ImGui::SameLine();
            }
            out.cancel = ImGui::Button("Cancel");
        }
        if (!state.report.shader_error.empty())
            ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "Shader error: %s", state.report.shader_error.c_str());
        out.bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    }
    ImGui::End();
    return out;
}

void draw_read_report(const AppState& state, bool& open) {
    const auto& j = state.journey();
    if (!open || !j) return;
    const ReadReport& r = j->read;
    ImGui::SetNextWindowSize({560, 0}, ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Read report", &open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("%s", j->name.c_str());
        ImGui::Separator();
        ImGui::Text("Format: %s%s%s", r.format.c_str(), r.encoding.empty() ? "" : ", ", r.encoding.c_str());
        if (r.separator)
            ImGui::Text("Separator: %s", r.separator == '\t' ? "TAB" : std::string(1, r.separator).c_str());
        ImGui::Text("Columns: case '%s', activity '%s', timestamp '%s'", r.case_column.c_str(),
                    r.activity_column.c_str(),
                    r.timestamp_column.empty() ? "(none: file order)" : r.timestamp_column.c_str());
        ImGui::Text("Records read: %s   events kept: %s", with_thousands(r.records).c_str(),
                    with_thousands(r.events).c_str());
        ImGui::Text("Dropped (empty case id, activity or timestamp): %s",
                    with_thousands(r.dropped_missing_values).c_str());
        ImGui::Text("Skipped (bad rows): %s", with_thousands(r.skipped_bad_records).c_str());
        if (!r.problem_counts.empty()) {
            ImGui::Separator();
            for (const auto& [kind, n] : r.problem_counts)
                ImGui::BulletText("%s: %s", kind.c_str(), with_thousands(n).c_str());
            ImGui::Spacing();
            ImGui::TextDisabled("First examples:");
            ImGui::PushTextWrapPos(0);
            for (const auto& p : r.examples)
                ImGui::Text("line %llu, column %llu: %s%s%s%s", static_cast<unsigned long long>(p.line),
                            static_cast<unsigned long long>(p.column), p.message.c_str(),
                            p.text.empty() ? "" : " (found '", p.text.c_str(), p.text.empty() ? "" : "')");
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
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
