// The replay of one journey: pick a variant or a (pseudonymised) customer, play / pause / step / speed,
// and the side panel of the current step.
#include "view_training.hpp"

#include "text_format.hpp"

#include "tabiji/timestamp.hpp"

#include "imgui.h"

#include <cstdio>

namespace tabiji::web {

namespace {

std::string variant_text(const TrainingSession& t, uint32_t v) {
    const Variant& var = t.variants()[v];
    std::string s = "#" + std::to_string(v + 1) + " (" + with_thousands(var.count) + ") ";
    for (size_t i = 0; i < var.activities.size(); ++i) {
        if (i) s += " → ";
        s += t.log().activities.view(var.activities[i]);
        if (s.size() > 90) {
            s += " …";
            break;
        }
    }
    return s;
}

// A picker for the journey: variants by frequency, or customers by pseudonym (long lists clipped).
bool pick_journey(const TrainingSession& t, const char* id, JourneyChoice& choice) {
    bool changed = false;
    int kind = choice.variant ? 0 : 1;
    ImGui::PushID(id);
    if (ImGui::RadioButton("Variant", kind == 0)) kind = 0;
    ImGui::SameLine();
    if (ImGui::RadioButton("Customer", kind == 1)) kind = 1;
    if ((kind == 0) != choice.variant) {
        choice.variant = kind == 0;
        choice.index = choice.variant ? 0 : (t.customers().empty() ? 0 : t.customers()[0]);
        changed = true;
    }
    const std::string current =
        choice.variant ? (choice.index < t.variants().size() ? variant_text(t, choice.index) : "")
                       : t.journey_label(choice);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##journey", current.c_str())) {
        const int n = int(choice.variant ? t.variants().size() : t.customers().size());
        ImGuiListClipper clipper;
        clipper.Begin(n);
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const uint32_t index = choice.variant ? uint32_t(i) : t.customers()[size_t(i)];
                const std::string label = choice.variant ? variant_text(t, index) : t.customer_label(index);
                ImGui::PushID(i);
                if (ImGui::Selectable(label.c_str(), index == choice.index)) {
                    choice.index = index;
                    changed = true;
                }
                ImGui::PopID();
            }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    return changed;
}

void labelled(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", value.c_str());
}

} // namespace

void draw_step_panel(const TrainingSession& t, const std::vector<ReplayStep>& steps, size_t step,
                     uint32_t case_index) {
    if (step >= steps.size()) return;
    const ReplayStep& s = steps[step];
    const TouchpointMap& m = t.map();
    const bool mapped = s.touchpoint < m.size();
    ImGui::Text("Step %zu of %zu", step + 1, steps.size());
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.12f, 0.37f, 0.66f, 1));
    ImGui::TextWrapped("%s", mapped ? m.names[s.touchpoint].c_str()
                                    : std::string(t.log().activities.view(s.activity)).c_str());
    ImGui::PopStyleColor();
    if (mapped) {
        labelled("Channel", std::string(channel_kind_label(m.channel[s.touchpoint], t.lang())));
        const int32_t st = m.stage[s.touchpoint];
        if (st >= 0)
            labelled("Stage", t.lang() == Lang::ja && !m.stage_labels_ja[size_t(st)].empty()
                                  ? m.stage_labels_ja[size_t(st)]
                                  : m.stage_names[size_t(st)]);
    }
    if (s.seconds_since_previous >= 0)
        labelled(case_index == TouchpointMap::kNone ? "Median time since previous" : "Since previous step",
                 duration_text(s.seconds_since_previous));
    else if (step == 0)
        labelled("Since previous step", "(first step)");
    if (s.time != kNoTime) labelled("When", format_timestamp(s.time));
    if (case_index != TouchpointMap::kNone) {
        const auto attrs = t.shown_attributes(case_index, s.event);
        if (!attrs.empty()) {
            ImGui::Spacing();
            ImGui::TextDisabled("Attributes");
            for (const auto& [name, value] : attrs) ImGui::BulletText("%s: %s", name.c_str(), value.c_str());
        }
    }
    if (const Annotation* a = mapped ? t.annotation(s.touchpoint) : nullptr) {
        ImGui::Spacing();
        ImGui::TextDisabled("Consultant's notes for this touchpoint");
        labelled("What the customer sees", a->customer_sees);
        labelled("Typical feelings", a->feelings);
        labelled("Pain points", a->pain_point);
        labelled("Note", a->note);
        if (a->emotion != 0) labelled("Emotion", (a->emotion > 0 ? "+" : "") + std::to_string(a->emotion));
    }
}

void draw_replay_tab(TrainingSession& t, float ratio) {
    ReplayState& r = t.replay;
    if (!t.presenter) {
        JourneyChoice choice = r.choice;
        if (pick_journey(t, "replay", choice)) t.replay_select(choice);
    } else {
        ImGui::TextDisabled("%s", t.journey_label(r.choice).c_str());
    }
    if (r.steps.empty()) {
        ImGui::TextUnformatted("No journey to replay (every journey is followed by fewer than k customers).");
        return;
    }
    const float button = 36 * ratio;
    if (ImGui::Button("|<", {button, 0})) t.replay_seek(0);
    ImGui::SameLine();
    if (ImGui::Button("<", {button, 0})) t.replay_step(-1);
    ImGui::SameLine();
    if (ImGui::Button(r.playing ? "Pause" : "Play", {2 * button, 0})) t.replay_play(!r.playing);
    ImGui::SameLine();
    if (ImGui::Button(">", {button, 0})) t.replay_step(1);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderFloat("##speed", &r.speed, 0.25f, 4.0f, "%.2g steps/s");
    int step = int(r.step);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##step", &step, 0, int(r.steps.size()) - 1, "step %d")) t.replay_seek(size_t(step));
    ImGui::Separator();
    draw_step_panel(t, r.steps, r.step, r.choice.variant ? TouchpointMap::kNone : r.choice.index);
}

} // namespace tabiji::web
