// Toolbar and error dialog, in ImGui.
#include "view_toolbar.hpp"

#include "i18n.hpp"
#include "key_presses.hpp"
#include "map_state.hpp"
#include "platform.hpp"
#include "project_files.hpp"
#include "text_format.hpp"

#include "imgui.h"
#include <GLFW/glfw3.h>

namespace tabiji::web {

namespace {
constexpr const char* kErrorTitle = "Could not open the file";
constexpr const char* kDiscardTitle = "Unsaved work";

std::string popup_title(const char* english, const char* id) {
    return window_title(english, id);
}

// The Project menu: project file, exports.
void project_menu(const AppState& state, ToolbarActions& out) {
    if (ImGui::Button(tr("Project"))) ImGui::OpenPopup("##project-menu");
    if (ImGui::BeginPopup("##project-menu")) {
        const bool has = state.journey().has_value();
        out.save_project = ImGui::MenuItem(tr("Save project"), "Ctrl+S", false, has);
        out.open_project = ImGui::MenuItem(tr("Open project…"), "Ctrl+Shift+O", false, has);
        ImGui::Separator();
        out.export_svg = ImGui::MenuItem(tr("Export map as SVG"), nullptr, false, has);
        out.export_png = ImGui::MenuItem(tr("Export map as PNG"), nullptr, false, has);
        if (ImGui::MenuItem(tr("Export variants as CSV"), nullptr, false, has)) out.export_csv = "variants";
        if (ImGui::MenuItem(tr("Export funnel as CSV"), nullptr, false, has)) out.export_csv = "funnel";
        if (ImGui::MenuItem(tr("Export CX metrics as CSV"), nullptr, false, has)) out.export_csv = "metrics";
        ImGui::EndPopup();
    }
}
} // namespace

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
        out.open = ImGui::Button(tr("Open…"));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "%s",
                tr("Open an event log: CSV, JSON Lines, XES or OCEL, gzip too (or drop one on the page)"));
        ImGui::SameLine();
        out.fit = ImGui::Button(tr("Fit"));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Fit the map to the screen (or double-click the map)"));
        ImGui::SameLine();
        project_menu(state, out);
        ImGui::SameLine();
        out.panel = ImGui::Button(tr("Analysis"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Show or hide the analysis panel (P)"));
        ImGui::SameLine();
        out.language = ImGui::Button(ui_language() == Lang::ja ? "English" : "日本語");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Switch language (L)"));
        ImGui::SameLine();
        out.help = ImGui::Button("?");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Keyboard shortcuts (F1)"));
        if (state.analysis.dirty()) {
            ImGui::SameLine();
            ImGui::TextColored({0.75f, 0.35f, 0.05f, 1}, "%s", tr("● unsaved"));
        }
        if (const auto& j = state.journey()) {
            ImGui::SameLine();
            ImGui::TextUnformatted(j->name.c_str());
            ImGui::TextDisabled(
                tr("%s journeys · %s events · %u touchpoints · %zu transitions · %.2f ms/frame"),
                with_thousands(j->dfg.num_cases).c_str(), with_thousands(j->dfg.num_events).c_str(),
                j->dfg.num_activities, j->dfg.edges.size(), state.report.frame_ms);
        }
        if (const auto& j = state.journey()) {
            const ReadReport& r = j->read;
            const uint64_t left_out = r.dropped_missing_values + r.skipped_bad_records;
            ImGui::SameLine();
            if (left_out) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.35f, 0.05f, 1));
                out.report = ImGui::SmallButton((tr("Read report") + std::string(": ") +
                                                 with_thousands(left_out) + " " + tr("rows left out"))
                                                    .c_str());
                ImGui::PopStyleColor();
            } else {
                out.report = ImGui::SmallButton(tr("Read report"));
            }
        }
        if (state.loading()) {
            double p = state.load_progress();
            ImGui::Text(tr("Reading %s…"), state.loading_name().c_str());
            if (p >= 0) {
                ImGui::ProgressBar(static_cast<float>(p), {240 * ratio, 0});
                ImGui::SameLine();
            }
            out.cancel = ImGui::Button(tr("Cancel"));
        }
        if (MapState& ms = map_state(); ms.pending && !state.loading()) {
            // A big map is laid out a slice per frame: the map before stays until it is done.
            ImGui::Text("%s", tr("Laying out the map…"));
            ImGui::SameLine();
            ImGui::ProgressBar(ms.progress, {160 * ratio, 0});
            if (ms.progress > 0 && ms.progress < 1) ++ms.progress_frames;
        }
        if (!state.report.shader_error.empty())
            ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, tr("Shader error: %s"),
                               state.report.shader_error.c_str());
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
    if (ImGui::Begin(window_title("Read report", "report").c_str(), &open,
                     ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("%s", j->name.c_str());
        ImGui::Separator();
        ImGui::Text(tr("Format: %s%s%s"), r.format.c_str(), r.encoding.empty() ? "" : ", ",
                    r.encoding.c_str());
        if (r.separator)
            ImGui::Text(tr("Separator: %s"),
                        r.separator == '\t' ? "TAB" : std::string(1, r.separator).c_str());
        ImGui::Text(tr("Columns: case '%s', activity '%s', timestamp '%s'"), r.case_column.c_str(),
                    r.activity_column.c_str(),
                    r.timestamp_column.empty() ? tr("(none: file order)") : r.timestamp_column.c_str());
        ImGui::Text(tr("Records read: %s   events kept: %s"), with_thousands(r.records).c_str(),
                    with_thousands(r.events).c_str());
        ImGui::Text(tr("Dropped (empty case id, activity or timestamp): %s"),
                    with_thousands(r.dropped_missing_values).c_str());
        ImGui::Text(tr("Skipped (bad rows): %s"), with_thousands(r.skipped_bad_records).c_str());
        if (!r.problem_counts.empty()) {
            ImGui::Separator();
            for (const auto& [kind, n] : r.problem_counts)
                ImGui::BulletText("%s: %s", kind.c_str(), with_thousands(n).c_str());
            ImGui::Spacing();
            ImGui::TextDisabled("%s", tr("First examples:"));
            ImGui::PushTextWrapPos(0);
            for (const auto& p : r.examples)
                ImGui::Text(tr("line %llu, column %llu: %s%s%s%s"), static_cast<unsigned long long>(p.line),
                            static_cast<unsigned long long>(p.column), p.message.c_str(),
                            p.text.empty() ? "" : " (found '", p.text.c_str(), p.text.empty() ? "" : "')");
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
}

void draw_error_dialog(AppState& state) {
    if (state.error_popup_pending()) {
        ImGui::OpenPopup(popup_title(kErrorTitle, "error").c_str());
        state.error_popup_shown();
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({320, 0}, {ImGui::GetIO().DisplaySize.x * 0.8f, FLT_MAX});
    if (ImGui::BeginPopupModal(popup_title(kErrorTitle, "error").c_str(), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 50);
        ImGui::TextUnformatted(state.error().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tr("The map shows the previous journey."));
        // A new load clears the error: the dialog goes with it.
        if (ImGui::Button(tr("OK")) || key_pressed(GLFW_KEY_ESCAPE) || state.error().empty())
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void draw_discard_dialog(AppState& state) {
    const std::string title = popup_title(kDiscardTitle, "discard");
    if (state.ui.confirm_discard) {
        ImGui::OpenPopup(title.c_str());
        state.ui.confirm_discard = false;
    }
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    state.ui.discard_shown =
        ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
    if (!state.ui.discard_shown) return;
    ImGui::TextUnformatted(tr("Opening another file discards the unsaved work on this journey."));
    ImGui::TextUnformatted(tr("Save the project first?"));
    ImGui::Spacing();
    enum { none, save, discard, cancel } answer = none;
    if (ImGui::Button(tr("Save project, then open"))) answer = save;
    ImGui::SameLine();
    if (ImGui::Button(tr("Discard and open"))) answer = discard;
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel")) || key_pressed(GLFW_KEY_ESCAPE)) answer = cancel;
    if (!state.ui.discard_answer.empty()) {
        answer = state.ui.discard_answer == "save"      ? save
                 : state.ui.discard_answer == "discard" ? discard
                                                        : cancel;
        state.ui.discard_answer.clear();
    }
    if (answer != none) {
        if (answer == save) save_project_download(state);
        if (answer == save || answer == discard) {
            state.analysis.mark_saved();
            if (state.ui.pending_drop) platform_open_pending_file();
            if (state.ui.pending_pick) platform_pick_file();
        } else if (state.ui.pending_drop) {
            platform_drop_pending_file();
        }
        state.ui.pending_drop = state.ui.pending_pick = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace tabiji::web
