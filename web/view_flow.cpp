// [SECTION] The flows of the filtered view (core mine_flow), cut to what a column can show
// [SECTION] Drawing columns and bands
#include "view_flow.hpp"

#include "i18n.hpp"
#include "text_format.hpp"

#include "tabiji/flow.hpp"

#include "imgui.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace tabiji::web {

namespace {

constexpr uint32_t kEnded = kFlowEnded;  // the journey ended before this step
constexpr uint32_t kOther = 0xfffffffeu; // touchpoints beyond the busiest ones of a column
constexpr size_t kPerColumn = 7;

// Core's flow (flow.hpp) with each column cut to its busiest touchpoints, the rest merged into "other".
struct ShownFlow {
    uint64_t journeys = 0;
    std::vector<std::vector<std::pair<uint32_t, uint64_t>>> columns;
    std::vector<std::map<std::pair<uint32_t, uint32_t>, uint64_t>> bands; // step k -> k+1
};

ShownFlow count_flow(const EventLog& log, const LogView& view, uint32_t start, int steps) {
    const Flow f = mine_flow(log, view, start, static_cast<uint32_t>(steps));
    ShownFlow out;
    out.journeys = f.journeys;
    std::vector<std::map<uint32_t, uint32_t>> shown(f.columns.size()); // activity -> what is drawn
    for (size_t k = 0; k < f.columns.size(); ++k) {
        auto col = f.columns[k];
        if (col.size() > kPerColumn) {
            uint64_t rest = 0;
            for (size_t i = kPerColumn - 1; i < col.size(); ++i) rest += col[i].second;
            col.resize(kPerColumn - 1);
            col.emplace_back(kOther, rest);
        }
        for (const auto& [a, n] : f.columns[k]) shown[k][a] = kOther;
        for (const auto& [a, n] : col) shown[k][a] = a;
        out.columns.push_back(std::move(col));
    }
    out.bands.resize(f.links.size());
    for (size_t k = 0; k < f.links.size(); ++k)
        for (const FlowLink& l : f.links[k])
            out.bands[k][{shown[k][l.from], shown[k + 1][l.to]}] += l.journeys;
    return out;
}

std::string name_of(const EventLog& log, uint32_t a) {
    if (a == kEnded) return tr("(journey ended)");
    if (a == kOther) return tr("(other)");
    return std::string(log.activities.view(a));
}

} // namespace

void draw_flow_view(AppState& state) {
    const auto& journey = state.journey();
    if (!journey) return;
    const EventLog& log = journey->log;
    const Analysis& an = state.analysis;
    static int start = -1, steps = 3;
    static uint64_t generation = ~0ull;
    static int counted_start = -2, counted_steps = 0;
    static ShownFlow flow;
    if (start < 0 || start >= static_cast<int>(log.num_activities())) {
        // The touchpoint most journeys start with.
        start = 0;
        for (uint32_t a = 0; a < journey->dfg.num_activities; ++a)
            if (journey->dfg.starts[a] > journey->dfg.starts[static_cast<uint32_t>(start)])
                start = static_cast<int>(a);
    }
    ImGui::SetNextItemWidth(240);
    const std::string current = name_of(log, static_cast<uint32_t>(start));
    if (ImGui::BeginCombo(tr("From"), current.c_str())) {
        for (uint32_t a = 0; a < log.num_activities(); ++a)
            if (ImGui::Selectable(name_of(log, a).c_str(), static_cast<int>(a) == start))
                start = static_cast<int>(a);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::SliderInt(tr("Steps"), &steps, 1, 6);
    if (generation != an.generation() || counted_start != start || counted_steps != steps) {
        flow = count_flow(log, an.view(), static_cast<uint32_t>(start), steps);
        generation = an.generation();
        counted_start = start;
        counted_steps = steps;
    }
    ImGui::TextDisabled(tr("%s journeys visit %s"), with_thousands(flow.journeys).c_str(), current.c_str());
    if (flow.journeys == 0) return;

    // [SECTION] Drawing
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float height = std::max(200.0f, avail.y - 4), width = std::max(200.0f, avail.x);
    const size_t cols = flow.columns.size();
    const float box_w = 10, gap = 6, label_h = ImGui::GetTextLineHeight();
    const float col_step = (width - box_w) / static_cast<float>(std::max<size_t>(1, cols - 1));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Box positions: per column, stacked top to bottom, height proportional to journeys.
    struct Box {
        float y0, y1, out_y, in_y; // out_y / in_y: where the next band leaves / enters
    };
    std::vector<std::map<uint32_t, Box>> boxes(cols);
    const float scale = (height - gap * static_cast<float>(kPerColumn)) / static_cast<float>(flow.journeys);
    for (size_t k = 0; k < cols; ++k) {
        float y = origin.y;
        const float x = origin.x + col_step * static_cast<float>(k);
        for (const auto& [a, n] : flow.columns[k]) {
            const float h = std::max(2.0f, static_cast<float>(n) * scale);
            boxes[k][a] = {y, y + h, y, y};
            const ImU32 fill = a == kEnded ? IM_COL32(160, 168, 180, 255) : IM_COL32(31, 95, 168, 255);
            dl->AddRectFilled({x, y}, {x + box_w, y + h}, fill, 2);
            y += h + gap;
        }
    }
    // Bands, in the order of the boxes so they do not cross inside a box.
    for (size_t k = 0; k + 1 < cols; ++k) {
        const float x0 = origin.x + col_step * static_cast<float>(k) + box_w;
        const float x1 = origin.x + col_step * static_cast<float>(k + 1);
        for (const auto& [from, n_from] : flow.columns[k]) {
            for (const auto& [to, n_to] : flow.columns[k + 1]) {
                auto it = flow.bands[k].find({from, to});
                if (it == flow.bands[k].end()) continue;
                Box& a = boxes[k][from];
                Box& b = boxes[k + 1][to];
                const float t = static_cast<float>(it->second) * scale;
                const float ya = a.out_y + t / 2, yb = b.in_y + t / 2;
                a.out_y += t;
                b.in_y += t;
                const float mid = (x0 + x1) / 2;
                const ImU32 col = to == kEnded ? IM_COL32(160, 168, 180, 90) : IM_COL32(31, 95, 168, 70);
                dl->AddBezierCubic({x0, ya}, {mid, ya}, {mid, yb}, {x1, yb}, col, std::max(1.0f, t));
            }
        }
    }
    // Labels on top, beside their boxes.
    for (size_t k = 0; k < cols; ++k) {
        const float x = origin.x + col_step * static_cast<float>(k) + box_w + 3;
        for (const auto& [a, n] : flow.columns[k]) {
            const Box& b = boxes[k].at(a);
            if (b.y1 - b.y0 < label_h * 0.8f && a != kEnded) continue;
            const std::string text = name_of(log, a) + " " + with_thousands(n);
            const float tx = k + 1 == cols ? x - box_w - 6 - ImGui::CalcTextSize(text.c_str()).x : x;
            dl->AddText({tx, (b.y0 + b.y1 - label_h) / 2}, IM_COL32(26, 36, 51, 255), text.c_str());
        }
    }
    ImGui::Dummy({width, height});
}

} // namespace tabiji::web
