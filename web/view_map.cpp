// Interaction and labels of the journey map.
#include "view_map.hpp"

#include "imgui.h"

#include "text_format.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace tabiji::web {

namespace {

constexpr float kMinLabelPixels = 7;    // below this (CSS px at the zoom), labels go under the boxes instead
constexpr float kReadablePixels = 11;   // smaller labels are enlarged towards this size (CSS px) ...
constexpr float kMaxLabelGrowth = 1.3f; // ... by at most this factor
constexpr float kMinScale = 0.02f, kMaxScale = 6.0f;
constexpr size_t kMaxEdgeLabels = 400;
constexpr size_t kMaxOverviewLabels = 300;

ImU32 to_u32(Rgba c) {
    return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a});
}

float segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    float dx = b.x - a.x, dy = b.y - a.y;
    float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

} // namespace

ViewTransform MapView::transform(int width, int height) const {
    return {scale_, offset_, width, height};
}

void MapView::fit(const JourneyMap& map, float width, float height, float top_margin, float ratio) {
    const float margin = 28 * ratio;
    float avail_w = std::max(1.0f, width - 2 * margin);
    float avail_h = std::max(1.0f, height - top_margin - 2 * margin);
    float bw = std::max(1.0f, map.max.x - map.min.x), bh = std::max(1.0f, map.max.y - map.min.y);
    scale_ = std::clamp(std::min(avail_w / bw, avail_h / bh), kMinScale, 1.6f * ratio);
    float cx = (map.min.x + map.max.x) / 2, cy = (map.min.y + map.max.y) / 2;
    offset_ = {width / 2 - cx * scale_, top_margin + margin + avail_h / 2 - cy * scale_};
}

Highlight MapView::hit_test(const JourneyMap& map, Vec2 mouse) const {
    Highlight h;
    Vec2 w{(mouse.x - offset_.x) / scale_, (mouse.y - offset_.y) / scale_};
    const float slack = 2 / scale_;
    for (size_t i = map.nodes.size(); i-- > 0;) {
        const MapNode& n = map.nodes[i];
        if (std::abs(w.x - n.centre.x) <= n.half.x + slack &&
            std::abs(w.y - n.centre.y) <= n.half.y + slack) {
            h.node = static_cast<int>(i);
            return h;
        }
    }
    float best = FLT_MAX;
    for (size_t i = 0; i < map.edges.size(); ++i) {
        const MapEdge& e = map.edges[i];
        float reach = std::max(e.width * scale_, 1.0f) / 2 + 4;
        // Cheap reject with the control points' bounding box.
        float min_x = std::min({e.p[0].x, e.p[1].x, e.p[2].x, e.p[3].x}) * scale_ + offset_.x - reach;
        float max_x = std::max({e.p[0].x, e.p[1].x, e.p[2].x, e.p[3].x}) * scale_ + offset_.x + reach;
        float min_y = std::min({e.p[0].y, e.p[1].y, e.p[2].y, e.p[3].y}) * scale_ + offset_.y - reach;
        float max_y = std::max({e.p[0].y, e.p[1].y, e.p[2].y, e.p[3].y}) * scale_ + offset_.y + reach;
        if (mouse.x < min_x || mouse.x > max_x || mouse.y < min_y || mouse.y > max_y) continue;
        Vec2 prev = edge_point(e, 0);
        for (int s = 1; s <= 24; ++s) {
            Vec2 next = edge_point(e, static_cast<float>(s) / 24);
            float d = segment_distance(mouse, {prev.x * scale_ + offset_.x, prev.y * scale_ + offset_.y},
                                       {next.x * scale_ + offset_.x, next.y * scale_ + offset_.y});
            if (d <= reach && d < best) {
                best = d;
                h.edge = static_cast<int>(i);
            }
            prev = next;
        }
    }
    return h;
}

void MapView::update(const Journey& journey, const JourneyMap& map, const Fonts& fonts, float ratio,
                     float top_margin) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.DisplaySize.x != display_.x || io.DisplaySize.y != display_.y) {
        display_ = {io.DisplaySize.x, io.DisplaySize.y};
        refit_if_untouched();
    }
    if (fit_pending_) {
        fit(map, io.DisplaySize.x, io.DisplaySize.y, top_margin, ratio);
        fit_pending_ = false;
    }
    const bool over_ui = io.WantCaptureMouse && !dragging_;
    if (!over_ui) {
        if (io.MouseWheel != 0) {
            float factor = std::pow(1.15f, io.MouseWheel);
            float next = std::clamp(scale_ * factor, kMinScale, kMaxScale * ratio);
            Vec2 m{io.MousePos.x, io.MousePos.y};
            offset_ = {m.x - (m.x - offset_.x) * next / scale_, m.y - (m.y - offset_.y) * next / scale_};
            scale_ = next;
            touched_ = true;
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging_ = true;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            fit(map, io.DisplaySize.x, io.DisplaySize.y, top_margin, ratio);
            touched_ = false;
        }
    }
    if (dragging_) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            offset_.x += io.MouseDelta.x;
            offset_.y += io.MouseDelta.y;
            if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) touched_ = true;
        } else {
            dragging_ = false;
        }
    }
    highlight_ =
        over_ui || !ImGui::IsMousePosValid() ? Highlight{} : hit_test(map, {io.MousePos.x, io.MousePos.y});
    draw_labels(map, fonts, ratio);
    if (!dragging_) draw_tooltip(journey, map);
}

void MapView::draw_labels(const JourneyMap& map, const Fonts& fonts, float ratio) const {
    const float world_px = kLabelSize * scale_;
    // Small labels are drawn a little larger than the zoom says (boxes have padding to absorb it).
    const float px = std::clamp(kReadablePixels * ratio, world_px, world_px * kMaxLabelGrowth);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ImFont* font = fonts.map();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    auto visible = [&](float x, float y, float hw, float hh) {
        return x + hw >= 0 && x - hw <= display.x && y + hh >= 0 && y - hh <= display.y;
    };
    if (world_px < kMinLabelPixels * ratio) {
        draw_overview_labels(map, font, ratio);
        return;
    }
    auto text = [&](const std::string& s, float size, float cx, float top, ImU32 col) {
        ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, 0, s.c_str());
        dl->AddText(font, size, {std::round(cx - sz.x / 2), std::round(top)}, col, s.c_str());
    };

    // Counts on the edges, at the middle of each curve, on a small pill so they read over lines.
    const float count_px = px * 0.78f;
    if (count_px >= 8 * ratio && map.dfg_edges <= kMaxEdgeLabels) {
        for (uint32_t i = 0; i < map.dfg_edges; ++i) {
            const MapEdge& e = map.edges[i];
            Vec2 m = edge_point(e, 0.5f);
            float x = m.x * scale_ + offset_.x, y = m.y * scale_ + offset_.y;
            if (!visible(x, y, 40, 20)) continue;
            std::string s = with_thousands(e.count);
            ImVec2 sz = font->CalcTextSizeA(count_px, FLT_MAX, 0, s.c_str());
            float pad = 3 * ratio;
            dl->AddRectFilled({x - sz.x / 2 - pad, y - sz.y / 2 - pad / 2},
                              {x + sz.x / 2 + pad, y + sz.y / 2 + pad / 2}, IM_COL32(255, 255, 255, 225),
                              sz.y / 2);
            text(s, count_px, x, y - sz.y / 2, IM_COL32(60, 72, 90, 255));
        }
    }

    for (const MapNode& n : map.nodes) {
        float x = n.centre.x * scale_ + offset_.x, y = n.centre.y * scale_ + offset_.y;
        float hw = n.half.x * scale_, hh = n.half.y * scale_;
        if (!visible(x, y, hw + 60, hh + px * 2)) continue;
        if (n.kind == NodeKind::touchpoint) {
            // An enlarged label still stays inside its box.
            const float room = 2 * hw - 6 * ratio;
            const float natural = font->CalcTextSizeA(world_px, FLT_MAX, 0, n.label.c_str()).x;
            const float size = natural * px / world_px > room && natural > 0
                                   ? std::max(world_px, world_px * room / natural)
                                   : px;
            float line = size * 1.15f;
            float total = line + size * 0.8f * 1.1f;
            float top = y - total / 2;
            text(n.label, size, x, top, to_u32(n.text));
            Rgba sub = n.text;
            sub.a = 0.78f;
            text(with_thousands(n.count), size * 0.8f, x, top + line, to_u32(sub));
        } else {
            text(n.label, px * 0.85f, x, y + hh + 2 * ratio, IM_COL32(70, 80, 95, 255));
        }
    }
}

void MapView::draw_overview_labels(const JourneyMap& map, ImFont* font, float ratio) const {
    // Too far out for labels inside the boxes: readable labels under the boxes, busiest touchpoints
    // first, leaving out any that would overlap one already placed.
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float size = kReadablePixels * ratio, pad = 3 * ratio;
    std::vector<uint32_t> order;
    for (uint32_t i = 0; i < map.touchpoints; ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return map.nodes[a].count > map.nodes[b].count; });
    std::vector<ImVec4> placed; // x0, y0, x1, y1
    for (uint32_t i : order) {
        if (placed.size() >= kMaxOverviewLabels) break;
        const MapNode& n = map.nodes[i];
        const float x = n.centre.x * scale_ + offset_.x;
        const float top = (n.centre.y + n.half.y) * scale_ + offset_.y + 2 * ratio;
        const ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, 0, n.label.c_str());
        const ImVec4 r{x - sz.x / 2 - pad, top, x + sz.x / 2 + pad, top + sz.y + pad};
        if (r.z < 0 || r.x > display.x || r.w < 0 || r.y > display.y) continue;
        bool overlaps = false;
        for (const ImVec4& p : placed)
            overlaps = overlaps || (r.x < p.z && p.x < r.z && r.y < p.w && p.y < r.w);
        if (overlaps) continue;
        placed.push_back(r);
        dl->AddRectFilled({r.x, r.y}, {r.z, r.w}, IM_COL32(255, 255, 255, 215), 3 * ratio);
        dl->AddText(font, size, {std::round(x - sz.x / 2), std::round(top + pad / 2)},
                    IM_COL32(30, 40, 55, 255), n.label.c_str());
    }
}

void MapView::draw_tooltip(const Journey& journey, const JourneyMap& map) const {
    const Dfg& dfg = journey.dfg;
    auto name = [&](uint32_t node) -> std::string {
        const MapNode& n = map.nodes[node];
        return n.kind == NodeKind::touchpoint ? std::string(journey.log.activities.view(n.activity))
                                              : n.label;
    };
    if (highlight_.node >= 0) {
        const MapNode& n = map.nodes[highlight_.node];
        ImGui::BeginTooltip();
        if (n.kind == NodeKind::touchpoint) {
            ImGui::TextUnformatted(name(highlight_.node).c_str());
            ImGui::Separator();
            ImGui::Text("Events       %s", with_thousands(dfg.events[n.activity]).c_str());
            ImGui::Text("Journeys     %s", with_thousands(dfg.cases[n.activity]).c_str());
            ImGui::Text("Starts here  %s", with_thousands(dfg.starts[n.activity]).c_str());
            ImGui::Text("Ends here    %s", with_thousands(dfg.ends[n.activity]).c_str());
        } else {
            ImGui::Text("%s: %s journeys", n.label.c_str(), with_thousands(n.count).c_str());
        }
        ImGui::EndTooltip();
    } else if (highlight_.edge >= 0) {
        const MapEdge& e = map.edges[highlight_.edge];
        ImGui::BeginTooltip();
        ImGui::Text("%s → %s", name(e.from).c_str(), name(e.to).c_str());
        ImGui::Separator();
        if (e.marker) {
            ImGui::Text("Journeys     %s", with_thousands(e.count).c_str());
        } else {
            ImGui::Text("Transitions  %s", with_thousands(e.count).c_str());
            ImGui::Text("Journeys     %s", with_thousands(e.cases).c_str());
        }
        ImGui::EndTooltip();
    }
}

} // namespace tabiji::web
