// The selected touchpoint's details, computed once per selection (one pass over its cases).
#include "view_details.hpp"

#include "imgui.h"

#include "tabiji/dot_map.hpp"

#include "text_format.hpp"

#include <algorithm>
#include <cfloat>

namespace tabiji::web {

namespace {
constexpr size_t kTopLinks = 6;
constexpr size_t kSampleCases = 12;

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}
} // namespace

void DetailsPanel::compute(const JourneyMapData& data, uint32_t a) {
    const Journey& j = data.journey;
    const Dfg& dfg = j.dfg;
    previous_.clear();
    next_.clear();
    for (const DfgEdge& e : dfg.edges) {
        if (e.to == a) previous_.push_back({std::string(j.log.activities.view(e.from)), e.count});
        if (e.from == a) next_.push_back({std::string(j.log.activities.view(e.to)), e.count});
    }
    if (dfg.starts[a]) previous_.push_back({"(journey starts)", dfg.starts[a]});
    if (dfg.ends[a]) next_.push_back({"(journey ends)", dfg.ends[a]});
    for (auto* list : {&previous_, &next_}) {
        std::stable_sort(list->begin(), list->end(),
                         [](const Link& x, const Link& y) { return x.count > y.count; });
        if (list->size() > kTopLinks) list->resize(kTopLinks);
    }

    const std::vector<double>& edges = default_duration_bin_edges();
    histogram_.assign(edges.size(), 0);
    bin_labels_.clear();
    for (size_t k = 0; k < edges.size(); ++k)
        bin_labels_.push_back(k + 1 < edges.size()
                                  ? short_duration(edges[k]) + "–" + short_duration(edges[k + 1])
                                  : ">= " + short_duration(edges[k]));
    sample_cases_.clear();
    const EventLog& log = j.log;
    for (uint32_t c = 0; c < log.num_cases(); ++c) {
        bool through = false;
        for (uint64_t e = log.case_begin(c); e < log.case_end(c); ++e) {
            if (log.activity[e] != a) continue;
            through = true;
            if (!log.has_time || e + 1 >= log.case_end(c)) continue;
            const double seconds = double(log.time[e + 1] - log.time[e]) / 1e6;
            size_t bin = std::upper_bound(edges.begin(), edges.end(), seconds) - edges.begin();
            histogram_[bin > 0 ? bin - 1 : 0] += 1;
        }
        if (through && sample_cases_.size() < kSampleCases) sample_cases_.emplace_back(log.cases.view(c));
    }
}

void DetailsPanel::draw(const JourneyMapData& data, uint64_t generation, MapState& state, float ratio) {
    const Dfg& dfg = data.journey.dfg;
    if (state.selected < 0 || static_cast<uint32_t>(state.selected) >= dfg.num_activities) return;
    const auto a = static_cast<uint32_t>(state.selected);
    if (generation != generation_ || state.selected != activity_) {
        compute(data, a);
        generation_ = generation;
        activity_ = state.selected;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({8 * ratio, io.DisplaySize.y - 8 * ratio}, ImGuiCond_Appearing, {0, 1});
    ImGui::SetNextWindowSize({380 * ratio, 0}, ImGuiCond_Appearing);
    bool open = true;
    const std::string title = std::string(data.journey.log.activities.view(a)) + "###details";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("%s events · %s journeys (%.1f%% of all)", with_thousands(dfg.events[a]).c_str(),
                    with_thousands(dfg.cases[a]).c_str(),
                    dfg.num_cases ? 100.0 * double(dfg.cases[a]) / dfg.num_cases : 0.0);
        const DurationStats& t = data.node_time[a];
        if (t.count)
            ImGui::Text("To next step: median %s · mean %s · p90 %s", short_duration(t.median).c_str(),
                        short_duration(t.mean).c_str(), short_duration(t.p90).c_str());
        auto links = [&](const char* id, const char* title, const std::vector<Link>& list) {
            heading(title);
            if (ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) {
                for (const Link& l : list) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(l.name.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(with_thousands(l.count).c_str());
                }
                ImGui::EndTable();
            }
        };
        links("##prev", "Comes from", previous_);
        links("##next", "Goes to", next_);
        if (data.journey.log.has_time) {
            heading("Time to the next step");
            ImGui::PlotHistogram("##hist", histogram_.data(), static_cast<int>(histogram_.size()), 0, nullptr,
                                 0, FLT_MAX, {ImGui::GetContentRegionAvail().x, 80 * ratio});
            if (ImGui::IsItemHovered()) {
                const float x = (io.MousePos.x - ImGui::GetItemRectMin().x) / ImGui::GetItemRectSize().x;
                const auto bin = std::min(histogram_.size() - 1,
                                          static_cast<size_t>(std::max(0.0f, x) * histogram_.size()));
                ImGui::SetTooltip("%s: %.0f", bin_labels_[bin].c_str(), histogram_[bin]);
            }
            ImGui::TextDisabled("%s … %s", bin_labels_.front().c_str(), bin_labels_.back().c_str());
        }
        heading("Journeys through it");
        std::string cases;
        for (const std::string& c : sample_cases_) cases += (cases.empty() ? "" : ", ") + c;
        if (dfg.cases[a] > sample_cases_.size()) cases += ", …";
        ImGui::TextWrapped("%s", cases.c_str());
    }
    ImGui::End();
    if (!open) state.selected = -1;
}

} // namespace tabiji::web
