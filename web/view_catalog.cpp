// [SECTION] Text fields over std::string
// [SECTION] Touchpoints table, stages, unmapped activities
#include "view_catalog.hpp"

#include "i18n.hpp"
#include "text_format.hpp"

#include "imgui.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace tabiji::web {

namespace {

// An InputText over a std::string; true when an edit was committed (Enter or leaving the field).
bool input_string(const char* label, std::string& value) {
    char buf[256];
    std::strncpy(buf, value.c_str(), sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    ImGui::InputText(label, buf, sizeof buf);
    if (ImGui::IsItemDeactivatedAfterEdit() && value != buf) {
        value = buf;
        return true;
    }
    return false;
}

// Per catalog touchpoint: the customer's emotion there (-2 .. +2), a pain point and a note, kept in the
// project's annotations (only touchpoints with something set are kept).
void draw_annotations(Analysis& an, const Catalog& catalog) {
    std::vector<Annotation>& notes = an.annotations();
    for (size_t i = 0; i < catalog.touchpoints.size(); ++i) {
        const std::string& name = catalog.touchpoints[i].name;
        auto it = std::find_if(notes.begin(), notes.end(),
                               [&](const Annotation& a) { return a.touchpoint == name; });
        Annotation a;
        if (it != notes.end())
            a = *it;
        else
            a.touchpoint = name;
        bool changed = false;
        ImGui::PushID(static_cast<int>(3000 + i));
        ImGui::TextUnformatted(name.c_str());
        ImGui::SameLine(170);
        ImGui::SetNextItemWidth(90);
        changed |= ImGui::SliderInt("##emotion", &a.emotion, -2, 2, "%+d");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(130);
        changed |= input_string("##pain", a.pain_point);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Pain point"));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        changed |= input_string("##note", a.note);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Note"));
        ImGui::PopID();
        if (!changed) continue;
        const bool empty = a.emotion == 0 && a.pain_point.empty() && a.note.empty() &&
                           a.customer_sees.empty() && a.feelings.empty();
        if (it != notes.end() && empty)
            notes.erase(it);
        else if (it != notes.end())
            *it = a;
        else if (!empty)
            notes.push_back(a);
        an.mark_dirty();
    }
}

} // namespace

void draw_catalog_view(AppState& state) {
    auto& journey = state.journey();
    if (!journey) return;
    Analysis& an = state.analysis;
    Catalog catalog = an.catalog(); // edited as a copy, handed back when something changed
    bool changed = false;
    const Lang lang = ui_language();
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                               ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;

    ImGui::TextDisabled(tr("%zu touchpoints · %zu stages · saved in the project"), catalog.touchpoints.size(),
                        catalog.stages.size());
    const float table_h = ImGui::GetContentRegionAvail().y * 0.6f;
    if (ImGui::BeginTable("##touchpoints", 5, tf, {0, table_h})) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Touchpoint"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Channel"));
        ImGui::TableSetupColumn(tr("Stage"));
        ImGui::TableSetupColumn(tr("Department"));
        ImGui::TableSetupColumn(tr("Cost"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < catalog.touchpoints.size(); ++i) {
            Touchpoint& t = catalog.touchpoints[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.name.c_str());
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(110);
            if (ImGui::BeginCombo("##channel", std::string(channel_kind_label(t.channel, lang)).c_str())) {
                for (int k = 0; k < kNumChannelKinds; ++k) {
                    const auto kind = static_cast<ChannelKind>(k);
                    if (ImGui::Selectable(std::string(channel_kind_label(kind, lang)).c_str(),
                                          kind == t.channel)) {
                        t.channel = kind;
                        t.mode = default_mode(kind);
                        changed = true;
                    }
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(100);
            auto stage_text = [&](const std::string& name) {
                const int s = catalog.find_stage(name);
                if (s < 0) return std::string("–");
                const Stage& st = catalog.stages[static_cast<size_t>(s)];
                return lang == Lang::ja && !st.label_ja.empty() ? st.label_ja : st.name;
            };
            if (ImGui::BeginCombo("##stage", stage_text(t.stage).c_str())) {
                if (ImGui::Selectable("–", t.stage.empty())) {
                    t.stage.clear();
                    changed = true;
                }
                for (const Stage& s : catalog.stages)
                    if (ImGui::Selectable(stage_text(s.name).c_str(), s.name == t.stage)) {
                        t.stage = s.name;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(120);
            changed |= input_string("##department", t.department);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(70);
            float cost = static_cast<float>(t.cost_per_contact);
            ImGui::InputFloat("##cost", &cost, 0, 0, "%.0f");
            if (ImGui::IsItemDeactivatedAfterEdit() && cost >= 0) {
                t.cost_per_contact = cost;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader(tr("Stages"))) {
        for (size_t i = 0; i < catalog.stages.size(); ++i) {
            ImGui::PushID(static_cast<int>(1000 + i));
            ImGui::Text("%zu. %s", i + 1, catalog.stages[i].name.c_str());
            ImGui::SameLine(160);
            ImGui::SetNextItemWidth(160);
            changed |= input_string(tr("Japanese label"), catalog.stages[i].label_ja);
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader(tr("Annotations (emotion, pain point, note)"))) draw_annotations(an, catalog);
    const TouchpointMap& map = an.touchpoints();
    if (!map.unmapped.empty() &&
        ImGui::CollapsingHeader(tr("Activities not in the catalog"), ImGuiTreeNodeFlags_DefaultOpen)) {
        for (size_t i = 0; i < map.unmapped.size() && i < 200; ++i) {
            const auto& u = map.unmapped[i];
            ImGui::PushID(static_cast<int>(2000 + i));
            if (ImGui::SmallButton(tr("Add"))) {
                Touchpoint t;
                t.name = u.activity;
                t.mode = default_mode(t.channel);
                catalog.touchpoints.push_back(std::move(t));
                changed = true;
            }
            ImGui::SameLine();
            ImGui::Text("%s (%s)", u.activity.c_str(), with_thousands(u.events).c_str());
            ImGui::PopID();
        }
    }
    if (changed && !an.set_catalog(*journey, std::move(catalog))) state.show_error(an.error());
}

} // namespace tabiji::web
