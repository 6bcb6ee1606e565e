// Training mode's window and its tabs (see view_training.hpp).
#include "view_training.hpp"

#include "text_format.hpp"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tabiji::web {

std::string duration_text(double seconds) {
    char buf[48];
    const double s = std::max(0.0, seconds);
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%.0f s", s);
    else if (s < 3600)
        std::snprintf(buf, sizeof buf, "%.0f min", std::floor(s / 60));
    else if (s < 86400)
        std::snprintf(buf, sizeof buf, "%.0f h %.0f min", std::floor(s / 3600),
                      std::floor(std::fmod(s, 3600) / 60));
    else
        std::snprintf(buf, sizeof buf, "%.0f d %.0f h", std::floor(s / 86400),
                      std::floor(std::fmod(s, 86400) / 3600));
    return buf;
}

std::string training_text(const TrainingSession& t) {
    std::string text = "→…·✓✗";
    for (const Annotation& a : t.project().annotations)
        text += a.note + a.pain_point + a.customer_sees + a.feelings;
    for (int k = 0; k < kNumChannelKinds; ++k) text += channel_kind_label(ChannelKind(k), t.lang());
    for (const Stage& s : t.project().catalog.stages) text += s.name + s.label_ja;
    for (const std::string& n : t.map().names) text += n;
    const EventLog& log = t.log();
    for (const auto* columns : {&log.event_attributes, &log.case_attributes})
        for (const AttributeColumn& c : *columns) {
            text += c.name;
            if (c.type == AttrType::string)
                for (uint32_t id = 1; id < c.strings.size() && id < 2000; ++id) text += c.strings.view(id);
        }
    return text;
}

float training_panel_width(const TrainingSession& t, float ratio) {
    if (t.mode == TrainingMode::off) return 0;
    const float scale = t.presenter ? 1.2f * 1.35f : 1.0f;
    return std::min(ImGui::GetIO().DisplaySize.x * 0.45f, 400 * ratio * scale) + 16 * ratio;
}

void draw_training_window(TrainingSession& t, float ratio, float top) {
    const ImGuiIO& io = ImGui::GetIO();
    if (t.mode == TrainingMode::off) { // only the way in
        ImGui::SetNextWindowPos({io.DisplaySize.x - 8 * ratio, top + 8 * ratio}, ImGuiCond_Always, {1, 0});
        ImGui::SetNextWindowBgAlpha(0.92f);
        const ImGuiWindowFlags f = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
        if (ImGui::Begin("##training_entry", nullptr, f)) {
            if (ImGui::Button("Training mode")) t.mode = TrainingMode::replay;
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Replay journeys, quiz trainees, animate the population (privacy-safe: "
                                  "pseudonyms, journeys of at least k customers)");
        }
        ImGui::End();
        return;
    }
    const float scale = t.presenter ? 1.2f : 1.0f; // on top of the presenter's global font scale
    const float margin = 8 * ratio;
    const float width = training_panel_width(t, ratio) - 2 * margin;
    ImGui::SetNextWindowPos({io.DisplaySize.x - width - margin, top + margin}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({width, 0}, ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints({width, 0}, {width, io.DisplaySize.y - top - 2 * margin});
    ImGui::SetNextWindowBgAlpha(0.95f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse;
    if (!ImGui::Begin("Training##training", nullptr, flags)) {
        ImGui::End();
        return;
    }
    ImGui::SetWindowFontScale(scale);
    if (!t.ready()) {
        ImGui::TextUnformatted("Open a training pack (.tjpack) or a log.");
        ImGui::End();
        return;
    }
    if (!t.presenter) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s · k = %u · %s customers shown, %s hidden (journeys of fewer than k)",
                           t.from_pack() ? "training pack" : "log guarded here", t.k(),
                           with_thousands(t.customers().size()).c_str(),
                           with_thousands(t.hidden_cases()).c_str());
        ImGui::PopStyleColor();
    }
    if (!t.presenter && !t.from_pack() && ImGui::CollapsingHeader("Privacy of this log")) {
        // A pack's guard was settled when it was made; a plain log's is set here, for this session.
        int k = static_cast<int>(t.k());
        ImGui::SetNextItemWidth(110 * ratio);
        if (ImGui::InputInt("k (min. customers per journey)", &k))
            t.set_k(static_cast<uint32_t>(std::clamp(k, 1, 100000)));
        ImGui::TextDisabled("Attributes shown to trainees:");
        const auto& ids = t.id_attributes();
        for (const auto* columns : {&t.log().event_attributes, &t.log().case_attributes})
            for (const AttributeColumn& col : *columns) {
                const bool holds_ids = std::find(ids.begin(), ids.end(), col.name) != ids.end();
                bool shown = t.attribute_shown(col.name);
                ImGui::BeginDisabled(holds_ids);
                if (ImGui::Checkbox(col.name.c_str(), &shown)) t.show_attribute(col.name, shown);
                ImGui::EndDisabled();
                if (holds_ids) {
                    ImGui::SameLine();
                    ImGui::TextDisabled("(holds customer ids: never shown)");
                }
            }
        ImGui::Separator();
    }
    // Mode buttons bound to t.mode (the page may set it too, see training_exports.cpp).
    const TrainingMode modes[3] = {TrainingMode::replay, TrainingMode::quiz, TrainingMode::population};
    const char* labels[3] = {"Replay", "Quiz", "Population"};
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        if (ImGui::RadioButton(labels[i], t.mode == modes[i])) t.mode = modes[i];
    }
    ImGui::Separator();
    if (t.mode == TrainingMode::replay) draw_replay_tab(t, ratio);
    if (t.mode == TrainingMode::quiz) draw_quiz_tab(t, ratio);
    if (t.mode == TrainingMode::population) draw_population_tab(t, ratio);
    ImGui::Separator();
    bool presenter = t.presenter;
    if (ImGui::Checkbox("Presenter view", &presenter)) set_presenter(t, presenter);
    if (!t.presenter) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Close training")) t.mode = TrainingMode::off;
    }
    ImGui::End();
}

} // namespace tabiji::web
