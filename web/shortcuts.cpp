// Keys through the queued presses (key_presses.hpp: no tap is lost between frames), text through ImGui's
// character queue ('?').
#include "shortcuts.hpp"

#include "i18n.hpp"
#include "key_presses.hpp"

#include "imgui.h"
#include <GLFW/glfw3.h>

namespace tabiji::web {

namespace {
constexpr ShortcutInfo kShortcuts[] = {
    {Shortcut::help, "F1 / ?", "Show or hide this help"},
    {Shortcut::open, "Ctrl+O", "Open an event log"},
    {Shortcut::save_project, "Ctrl+S", "Save the project (download)"},
    {Shortcut::open_project, "Ctrl+Shift+O", "Open a project file"},
    {Shortcut::language, "L", "Switch language (English / 日本語)"},
    {Shortcut::panel, "P", "Show or hide the analysis panel"},
    {Shortcut::fit, "F", "Fit the map to the screen"},
    {Shortcut::clear_variant, "Esc", "Clear the variant selection"},
    {Shortcut::remove_last_filter, "Backspace", "Remove the last filter"},
    {Shortcut::tab_1, "1 … 5", "Variants, funnel, flow, CX metrics, catalog"},
};
} // namespace

const ShortcutInfo* shortcut_table(size_t& count) {
    count = sizeof kShortcuts / sizeof kShortcuts[0];
    return kShortcuts;
}

ShortcutActions read_shortcuts() {
    ShortcutActions a;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return a;
    a.help = key_pressed(GLFW_KEY_F1);
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i)
        if (io.InputQueueCharacters[i] == '?') a.help = true;
    constexpr int kCommand = GLFW_MOD_CONTROL | GLFW_MOD_SUPER;
    int mods = 0;
    if (key_pressed(GLFW_KEY_O, &mods) && (mods & kCommand)) {
        a.open_project = (mods & GLFW_MOD_SHIFT) != 0;
        a.open = !a.open_project;
    }
    if (key_pressed(GLFW_KEY_S, &mods) && (mods & kCommand)) a.save_project = true;
    if (io.KeyCtrl || io.KeySuper) return a;
    if (io.WantCaptureKeyboard && ImGui::IsAnyItemActive()) return a;
    // Plain keys: a press made with Ctrl or Cmd held is a command, not these.
    auto plain = [&](int key) {
        int m = 0;
        return key_pressed(key, &m) && !(m & kCommand);
    };
    a.language = plain(GLFW_KEY_L);
    a.panel = plain(GLFW_KEY_P);
    a.fit = plain(GLFW_KEY_F);
    a.clear_variant = plain(GLFW_KEY_ESCAPE);
    a.remove_last_filter = plain(GLFW_KEY_BACKSPACE);
    for (int k = 0; k < 5; ++k)
        if (plain(GLFW_KEY_1 + k)) a.tab = k;
    return a;
}

void draw_help_window(AppState& state) {
    if (!state.ui.show_help) return;
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
    const std::string title = window_title("Help: keyboard and mouse", "help");
    if (ImGui::Begin(title.c_str(), &state.ui.show_help,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            size_t n = 0;
            const ShortcutInfo* table = shortcut_table(n);
            for (size_t i = 0; i < n; ++i) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(table[i].keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(tr(table[i].description));
            }
            ImGui::EndTable();
        }
        ImGui::Separator();
        ImGui::TextUnformatted(
            tr("Mouse: drag to pan, wheel to zoom, double-click to fit, hover for figures."));
        ImGui::TextUnformatted(tr("Drop a log file on the page to open it."));
    }
    ImGui::End();
}

} // namespace tabiji::web
