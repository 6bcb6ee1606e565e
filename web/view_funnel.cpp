// [SECTION] Computing the funnel (cached on the analysis generation and the steps)
// [SECTION] Drawing: steps editor, bars, table
#include "view_funnel.hpp"

#include "i18n.hpp"
#include "text_format.hpp"

#include "tabiji/dot_map.hpp" // short_duration

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <exception>

namespace tabiji::web {

namespace {

constexpr const char* kFunnelName = "Funnel";

struct Cache {
    uint64_t generation = ~0ull;
    std::vector<std::string> steps;
    double gap = -1;
    std::optional<Funnel> funnel;
    std::string error;
};
Cache& cache() {
    static Cache c;
    return c;
}

} // namespace

SavedFunnel current_funnel_spec(const AppState& state) {
    for (const SavedFunnel& f : state.analysis.funnels())
        if (f.name == kFunnelName) return f;
    return {kFunnelName, {}, 0};
}

const std::string& funnel_error() {
    return cache().error;
}

const Funnel* current_funnel(AppState& state) {
    const auto& journey = state.journey();
    if (!journey) return nullptr;
    const SavedFunnel spec = current_funnel_spec(state);
    Cache& c = cache();
    if (c.generation != state.analysis.generation() || c.steps != spec.steps ||
        c.gap != spec.max_gap_seconds) {
        c.generation = state.analysis.generation();
        c.steps = spec.steps;
        c.gap = spec.max_gap_seconds;
        c.funnel.reset();
        c.error.clear();
        if (!spec.steps.empty()) {
            try {
                const auto& map = state.analysis.touchpoints();
                auto steps = resolve_funnel_steps(spec.steps, map, tr("funnel"));
                c.funnel = mine_funnel(journey->log, state.analysis.view(), map, steps,
                                       spec.max_gap_seconds > 0 ? spec.max_gap_seconds
                                                                : std::numeric_limits<double>::infinity());
            } catch (const std::exception& e) {
                c.error = e.what();
            }
        }
    }
    return c.funnel ? &*c.funnel : nullptr;
}

void draw_funnel_view(AppState& state) {
    const auto& journey = state.journey();
    if (!journey) return;
    Analysis& an = state.analysis;
    const TouchpointMap& map = an.touchpoints();
    SavedFunnel spec = current_funnel_spec(state);
    bool changed = false;

    // [SECTION] Steps editor
    ImGui::TextDisabled("%s", tr("Steps (touchpoints or stages, in order):"));
    int remove = -1;
    for (size_t i = 0; i < spec.steps.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Text("%zu.", i + 1);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(260);
        if (ImGui::BeginCombo("##step", spec.steps[i].c_str())) {
            for (const std::string& stage : map.stage_names)
                if (ImGui::Selectable((std::string(tr("stage")) + ": " + stage).c_str())) {
                    spec.steps[i] = stage;
                    changed = true;
                }
            for (const std::string& name : map.names)
                if (ImGui::Selectable(name.c_str(), name == spec.steps[i])) {
                    spec.steps[i] = name;
                    changed = true;
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("×")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    if (remove >= 0) {
        spec.steps.erase(spec.steps.begin() + remove);
        changed = true;
    }
    if (ImGui::SmallButton(tr("+ Add step")) && map.size() > 0) {
        // A new step starts as the first touchpoint not in the funnel yet.
        auto unused = std::find_if(map.names.begin(), map.names.end(), [&](const std::string& n) {
            return std::find(spec.steps.begin(), spec.steps.end(), n) == spec.steps.end();
        });
        spec.steps.push_back(unused != map.names.end() ? *unused : map.names[0]);
        changed = true;
    }
    ImGui::SameLine();
    static char gap[16] = "";
    if (!ImGui::IsAnyItemActive() && spec.max_gap_seconds > 0)
        std::snprintf(gap, sizeof gap, "%gh", spec.max_gap_seconds / 3600);
    ImGui::SetNextItemWidth(90);
    if (ImGui::InputTextWithHint(tr("Max gap"), "7d", gap, sizeof gap,
                                 ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit()) {
        const auto seconds = gap[0] ? parse_duration_seconds(gap) : std::optional<double>(0);
        if (seconds && *seconds != spec.max_gap_seconds) {
            spec.max_gap_seconds = *seconds;
            changed = true;
        }
    }
    if (changed) an.set_funnel(spec);

    // [SECTION] Result
    const Funnel* funnel = current_funnel(state);
    if (!funnel_error().empty()) ImGui::TextColored({0.75f, 0.1f, 0.1f, 1}, "%s", funnel_error().c_str());
    if (!funnel) {
        if (spec.steps.empty())
            ImGui::TextDisabled("%s", tr("Add steps to see how many journeys reach each."));
        return;
    }
    ImGui::Separator();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float full = ImGui::GetContentRegionAvail().x;
    const float bar_h = ImGui::GetTextLineHeight() * 1.4f;
    const double first = funnel->steps.empty() ? 0 : static_cast<double>(funnel->steps[0].cases);
    for (size_t i = 0; i < funnel->steps.size(); ++i) {
        const FunnelStepResult& s = funnel->steps[i];
        const float share = first > 0 ? static_cast<float>(static_cast<double>(s.cases) / first) : 0;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = std::max(2.0f, full * share);
        dl->AddRectFilled(p, {p.x + w, p.y + bar_h}, IM_COL32(31, 95, 168, 200), 3);
        char text[256];
        std::snprintf(text, sizeof text, "%s  %s (%.1f %%)", spec.steps[i].c_str(),
                      with_thousands(s.cases).c_str(), 100.0 * s.conversion_from_first);
        const ImU32 ink = share > 0.5f ? IM_COL32(255, 255, 255, 255) : IM_COL32(26, 36, 51, 255);
        dl->AddText({p.x + 6, p.y + (bar_h - ImGui::GetTextLineHeight()) / 2}, ink, text);
        ImGui::Dummy({full, bar_h + 2});
    }
    ImGui::Spacing();
    if (ImGui::BeginTable("##funnel", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                              ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(tr("Step"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr("Journeys"));
        ImGui::TableSetupColumn(tr("From previous"));
        ImGui::TableSetupColumn(tr("From first"));
        ImGui::TableSetupColumn(tr("Dropped"));
        ImGui::TableSetupColumn(tr("Median time"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < funnel->steps.size(); ++i) {
            const FunnelStepResult& s = funnel->steps[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(spec.steps[i].c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(s.cases).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.1f %%", 100.0 * s.conversion_from_previous);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f %%", 100.0 * s.conversion_from_first);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(s.dropped).c_str());
            if (ImGui::IsItemHovered() && !s.dropped_next.empty()) {
                ImGui::BeginTooltip();
                ImGui::TextDisabled("%s", tr("Where the dropped journeys went next:"));
                for (size_t k = 0; k < s.dropped_next.size() && k < 8; ++k) {
                    const auto& [tp, n] = s.dropped_next[k];
                    ImGui::Text("%s: %s",
                                tp == TouchpointMap::kNone ? tr("(journey ended)") : map.names[tp].c_str(),
                                with_thousands(n).c_str());
                }
                ImGui::EndTooltip();
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(i == 0 || s.time_from_previous.count == 0
                                       ? "–"
                                       : short_duration(s.time_from_previous.median).c_str());
        }
        ImGui::EndTable();
    }
}

} // namespace tabiji::web
