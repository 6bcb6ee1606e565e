// Variants table (ImGui table with clipping, so 100 000 variants scroll smoothly) and a "keep these
// variants" shortcut that adds a variant filter.
#include "view_variants.hpp"

#include "i18n.hpp"
#include "text_format.hpp"

#include "imgui.h"

#include <algorithm>
#include <string>
#include <utility>

namespace tabiji::web {

std::string variant_text(const EventLog& log, const Variant& v, size_t max_steps) {
    std::string out;
    for (size_t i = 0; i < v.activities.size() && i < max_steps; ++i) {
        if (i) out += " → ";
        out += log.activities.view(v.activities[i]);
    }
    if (v.activities.size() > max_steps)
        out += " … (+" + std::to_string(v.activities.size() - max_steps) + ")";
    return out;
}

void draw_variants_view(AppState& state) {
    auto& journey = state.journey();
    if (!journey) return;
    Analysis& an = state.analysis;
    const auto& variants = an.variants();
    const uint64_t cases = an.size().cases;
    ImGui::Text(tr("%s variants of %s journeys"), with_thousands(variants.size()).c_str(),
                with_thousands(cases).c_str());
    if (an.selected_variant() >= 0) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Clear selection"))) an.select_variant(-1);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Keep up to this variant")))
            an.add_filter(*journey, VariantFilter{static_cast<uint64_t>(an.selected_variant()) + 1, 0});
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##variants", 6, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn(tr("Journeys"));
    ImGui::TableSetupColumn(tr("Coverage"));
    ImGui::TableSetupColumn(tr("Cumulative"));
    ImGui::TableSetupColumn(tr("Steps"));
    ImGui::TableSetupColumn(tr("Path"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    // Cumulative counts once per recomputation.
    static uint64_t cum_generation = ~0ull;
    static std::vector<uint64_t> cumulative;
    if (cum_generation != an.generation()) {
        cum_generation = an.generation();
        cumulative.assign(variants.size(), 0);
        uint64_t sum = 0;
        for (size_t i = 0; i < variants.size(); ++i) cumulative[i] = sum += variants[i].count;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(variants.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Variant& v = variants[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            char id[32];
            std::snprintf(id, sizeof id, "%d##v", i + 1);
            if (ImGui::Selectable(id, an.selected_variant() == i,
                                  ImGuiSelectableFlags_SpanAllColumns |
                                      ImGuiSelectableFlags_AllowItemOverlap))
                an.select_variant(an.selected_variant() == i ? -1 : i);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(with_thousands(v.count).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.1f %%",
                        cases ? 100.0 * static_cast<double>(v.count) / static_cast<double>(cases) : 0.0);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f %%", cases ? 100.0 * static_cast<double>(cumulative[static_cast<size_t>(i)]) /
                                               static_cast<double>(cases)
                                         : 0.0);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", v.activities.size());
            ImGui::TableNextColumn();
            const std::string text = variant_text(journey->log, v, 12);
            ImGui::TextUnformatted(text.c_str());
            if (ImGui::IsItemHovered() && v.activities.size() > 12)
                ImGui::SetTooltip("%s", variant_text(journey->log, v).c_str());
        }
    }
    ImGui::EndTable();
}

void add_variant_path(const JourneyMap& map, const Analysis& an, Highlight& h) {
    if (an.selected_variant() < 0) return;
    const auto acts = an.selected_activities();
    const auto steps = an.selected_steps();
    auto touchpoint = [&](uint32_t node, uint32_t& activity) {
        if (map.nodes[node].kind != NodeKind::touchpoint) return false;
        activity = map.nodes[node].activity;
        return true;
    };
    for (uint32_t i = 0; i < map.nodes.size(); ++i) {
        uint32_t act = 0;
        if (touchpoint(i, act) && std::binary_search(acts.begin(), acts.end(), act))
            h.path_nodes.push_back(i);
    }
    for (uint32_t i = 0; i < map.edges.size(); ++i) {
        uint32_t from = 0, to = 0;
        const MapEdge& e = map.edges[i];
        if (touchpoint(e.from, from) && touchpoint(e.to, to) &&
            std::binary_search(steps.begin(), steps.end(), std::make_pair(from, to)))
            h.path_edges.push_back(i);
    }
}

} // namespace tabiji::web
