// Interaction, labels, tooltips and the map panel of the journey map.
#include "view_map.hpp"

#include "imgui.h"

#include "tabiji/curve_crossings.hpp"
#include "tabiji/dot_map.hpp"

#include "i18n.hpp"
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
constexpr float kMinScale = 0.005f, kMaxScale = 6.0f;
constexpr size_t kMaxEdgeLabels = 400;
constexpr size_t kMaxOverviewLabels = 300;
constexpr float kClickSlop = 4; // pixels a click may move and still be a click

ImU32 to_u32(uint32_t rgb, float alpha = 1) {
    const Rgba c = to_rgba(rgb, alpha);
    return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a});
}

float segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    float dx = b.x - a.x, dy = b.y - a.y;
    float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
    float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return std::sqrt(ex * ex + ey * ey);
}

std::string percent(uint64_t part, uint64_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole ? 100.0 * double(part) / double(whole) : 0.0);
    return buf;
}

void time_lines(const DurationStats& s, const char* what) {
    if (s.count == 0) return;
    ImGui::Text("%s  median %s · mean %s · p90 %s", what, short_duration(s.median).c_str(),
                short_duration(s.mean).c_str(), short_duration(s.p90).c_str());
}

} // namespace

ViewTransform MapView::transform(int width, int height) const {
    return {scale_, offset_, width, height};
}

void MapView::fit(const JourneyMap& map, float width, float height, float top_margin, float ratio) {
    const float margin = 28 * ratio;
    float avail_w = std::max(1.0f, width - 2 * margin);
    float avail_h = std::max(1.0f, height - top_margin - 2 * margin);
    float bw = std::max(1.0f, float(map.max.x - map.min.x)),
          bh = std::max(1.0f, float(map.max.y - map.min.y));
    scale_ = std::clamp(std::min(avail_w / bw, avail_h / bh), kMinScale, 1.6f * ratio);
    float cx = float(map.min.x + map.max.x) / 2, cy = float(map.min.y + map.max.y) / 2;
    offset_ = {width / 2 - cx * scale_, top_margin + margin + avail_h / 2 - cy * scale_};
}

void MapView::zoom_by(float factor, Vec2 m, float ratio) {
    const float next = std::clamp(scale_ * factor, kMinScale, kMaxScale * ratio);
    offset_ = {m.x - (m.x - offset_.x) * next / scale_, m.y - (m.y - offset_.y) * next / scale_};
    scale_ = next;
    touched_ = true;
}

void MapView::map_changed(const JourneyMap& map) {
    cached_ = &map;
    edge_box_.clear();
    for (const MapCurve& e : map.edges) {
        float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
        for (const MapPoint& p : e.c) {
            x0 = std::min(x0, float(p.x)), y0 = std::min(y0, float(p.y));
            x1 = std::max(x1, float(p.x)), y1 = std::max(y1, float(p.y));
        }
        edge_box_.insert(edge_box_.end(), {x0, y0, x1, y1});
    }
    label_order_.clear();
    for (uint32_t i = 0; i < map.touchpoints; ++i) label_order_.push_back(i); // display order: busiest first
}

Highlight MapView::hit_test(const JourneyMap& map, Vec2 mouse) const {
    Highlight h;
    const Vec2 w{(mouse.x - offset_.x) / scale_, (mouse.y - offset_.y) / scale_};
    const float slack = 2 / scale_;
    for (size_t i = map.nodes.size(); i-- > 0;) {
        const MapBox& n = map.nodes[i];
        if (std::abs(w.x - float(n.centre.x)) <= float(n.half.x) + slack &&
            std::abs(w.y - float(n.centre.y)) <= float(n.half.y) + slack) {
            h.node = static_cast<int>(i);
            return h;
        }
    }
    float best = FLT_MAX;
    for (size_t i = 0; i < map.edges.size(); ++i) {
        const MapCurve& e = map.edges[i];
        const float reach_px = std::max(float(e.width) * scale_, 1.0f) / 2 + 4;
        const float reach = reach_px / scale_;
        const float* b = &edge_box_[i * 4];
        if (w.x < b[0] - reach || w.x > b[2] + reach || w.y < b[1] - reach || w.y > b[3] + reach) continue;
        const std::vector<MapPoint> line = sample_bezier_chain(e.c, 16);
        for (size_t s = 1; s < line.size(); ++s) {
            const float d = segment_distance(w, {float(line[s - 1].x), float(line[s - 1].y)},
                                             {float(line[s].x), float(line[s].y)});
            if (d <= reach && d < best) {
                best = d;
                h.edge = static_cast<int>(i);
            }
        }
    }
    return h;
}

void MapView::draw_panel(const JourneyMapData& data, MapState& state, float ratio, float top) {
    // Top left, under the filter chips: the right side is the analysis panel's.
    ImGui::SetNextWindowPos({8 * ratio, top + 8 * ratio}, ImGuiCond_Always, {0, 0});
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin(window_title("Map", "map").c_str(), nullptr, flags)) {
        MapSettings& s = state.settings;
        ImGui::PushItemWidth(170 * ratio);
        ImGui::SliderFloat(tr("Touchpoints"), &s.activities, 0, 100, "%.0f %%");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share of touchpoints shown, busiest first");
        ImGui::SliderFloat(tr("Paths"), &s.paths, 0, 100, "%.0f %%");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Share of steps shown, most frequent first (steps that keep the map connected "
                              "stay)");
        ImGui::PopItemWidth();
        int mode = s.performance ? 1 : 0;
        ImGui::RadioButton(tr("Frequency"), &mode, 0);
        ImGui::SameLine();
        if (!data.has_time) ImGui::BeginDisabled();
        ImGui::RadioButton(tr("Performance"), &mode, 1);
        if (!data.has_time) ImGui::EndDisabled();
        s.performance = mode == 1;
        if (!data.has_catalog) ImGui::BeginDisabled();
        ImGui::Checkbox(tr("Stages"), &s.stages);
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("The catalog's journey stages as columns, left to right");
        ImGui::SameLine();
        ImGui::Checkbox(tr("Channel colours"), &s.channels);
        if (!data.has_catalog) ImGui::EndDisabled();
        ImGui::TextDisabled("%u of %u touchpoints · %u steps", state.shown_nodes,
                            data.journey.dfg.num_activities, state.shown_edges);
        if (s.performance) ImGui::TextDisabled("Colour: median time, green fast → red slow");
    }
    ImGui::End();
}

void MapView::update(const JourneyMapData& data, const JourneyMap& map, const Fonts& fonts, float ratio,
                     float top_margin, MapState& state) {
    if (cached_ != &map || edge_box_.size() != map.edges.size() * 4) map_changed(map);
    ImGuiIO& io = ImGui::GetIO();
    if (io.DisplaySize.x != display_.x || io.DisplaySize.y != display_.y) {
        display_ = {io.DisplaySize.x, io.DisplaySize.y};
        refit_if_untouched();
    }
    if (state.fit_request) {
        state.fit_request = false;
        request_fit();
    }
    if (fit_pending_) {
        fit(map, io.DisplaySize.x, io.DisplaySize.y, top_margin, ratio);
        fit_pending_ = false;
    }
    if (state.zoom_request != 1) {
        const Vec2 at = state.zoom_at_x < 0 ? Vec2{io.DisplaySize.x / 2, io.DisplaySize.y / 2}
                                            : Vec2{state.zoom_at_x, state.zoom_at_y};
        zoom_by(state.zoom_request, at, ratio);
        state.zoom_request = 1;
    }
    const bool over_ui = io.WantCaptureMouse && !dragging_;
    if (!over_ui) {
        if (io.MouseWheel != 0)
            zoom_by(std::pow(1.15f, io.MouseWheel), {io.MousePos.x, io.MousePos.y}, ratio);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            dragging_ = true;
            press_ = {io.MousePos.x, io.MousePos.y};
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            fit(map, io.DisplaySize.x, io.DisplaySize.y, top_margin, ratio);
            touched_ = false;
        }
    }
    if (!io.WantCaptureKeyboard && !io.WantTextInput) {
        const Vec2 centre{io.DisplaySize.x / 2, io.DisplaySize.y / 2};
        for (ImWchar c : io.InputQueueCharacters) {
            if (c == '+' || c == '=') zoom_by(1.25f, centre, ratio);
            if (c == '-' || c == '_') zoom_by(0.8f, centre, ratio);
            if (c == '0')
                zoom_by(ratio / scale_, centre, ratio); // one world unit per CSS pixel (F fits: shortcuts)
        }
    }
    bool clicked = false;
    if (dragging_) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            offset_.x += io.MouseDelta.x;
            offset_.y += io.MouseDelta.y;
            if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) touched_ = true;
        } else {
            dragging_ = false;
            clicked = std::abs(io.MousePos.x - press_.x) <= kClickSlop * ratio &&
                      std::abs(io.MousePos.y - press_.y) <= kClickSlop * ratio;
        }
    }
    const bool mouse_ok = !over_ui && ImGui::IsMousePosValid();
    Highlight h = mouse_ok ? hit_test(map, {io.MousePos.x, io.MousePos.y}) : Highlight{};
    if (clicked) {
        const bool touchpoint = h.node >= 0 && static_cast<uint32_t>(h.node) < map.touchpoints;
        state.selected = touchpoint ? static_cast<int>(map.nodes[h.node].activity) : -1;
    }
    state.hovered = h.node >= 0 && static_cast<uint32_t>(h.node) < map.touchpoints
                        ? static_cast<int>(map.nodes[h.node].activity)
                        : -1;
    h.selected = state.selected >= 0 && static_cast<size_t>(state.selected) < map.node_of_activity.size() &&
                         map.node_of_activity[state.selected] != UINT32_MAX
                     ? static_cast<int>(map.node_of_activity[state.selected])
                     : -1;
    highlight_ = h;
    state.scale = scale_;
    state.offset_x = offset_.x;
    state.offset_y = offset_.y;
    state.screen_boxes.clear();
    if (map.touchpoints <= MapState::kScreenBoxes)
        for (uint32_t i = 0; i < map.touchpoints; ++i) {
            const MapBox& n = map.nodes[i];
            state.screen_boxes.insert(state.screen_boxes.end(),
                                      {float(n.activity), (float(n.centre.x) * scale_ + offset_.x) / ratio,
                                       (float(n.centre.y) * scale_ + offset_.y) / ratio,
                                       float(n.half.x) * scale_ / ratio, float(n.half.y) * scale_ / ratio});
        }
    draw_labels(data, map, fonts, ratio, state.settings.performance);
    if (!dragging_) draw_tooltip(data, map);
}

void MapView::draw_labels(const JourneyMapData& data, const JourneyMap& map, const Fonts& fonts, float ratio,
                          bool performance) const {
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

    // Counts (or median times) on the steps, at the middle of each curve, on a small pill.
    const float count_px = px * 0.78f;
    if (count_px >= 8 * ratio && map.steps <= kMaxEdgeLabels) {
        for (uint32_t i = 0; i < map.steps; ++i) {
            const MapCurve& e = map.edges[i];
            const float x = float(e.label_at.x) * scale_ + offset_.x,
                        y = float(e.label_at.y) * scale_ + offset_.y;
            if (!visible(x, y, 40, 20)) continue;
            std::string s;
            if (performance) {
                const DurationStats& t = data.edge_time[e.dfg_edge];
                if (t.count == 0) continue;
                s = short_duration(t.median);
            } else {
                s = with_thousands(e.count);
            }
            ImVec2 sz = font->CalcTextSizeA(count_px, FLT_MAX, 0, s.c_str());
            float pad = 3 * ratio;
            dl->AddRectFilled({x - sz.x / 2 - pad, y - sz.y / 2 - pad / 2},
                              {x + sz.x / 2 + pad, y + sz.y / 2 + pad / 2}, IM_COL32(255, 255, 255, 225),
                              sz.y / 2);
            text(s, count_px, x, y - sz.y / 2, IM_COL32(60, 72, 90, 255));
        }
    }

    for (const MapBox& n : map.nodes) {
        float x = float(n.centre.x) * scale_ + offset_.x, y = float(n.centre.y) * scale_ + offset_.y;
        float hw = float(n.half.x) * scale_, hh = float(n.half.y) * scale_;
        if (!visible(x, y, hw + 60, hh + px * 2)) continue;
        if (n.kind == MapNodeKind::touchpoint) {
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
            std::string sub = with_thousands(n.count);
            if (performance) {
                const DurationStats& t = data.node_time[n.activity];
                sub = t.count ? short_duration(t.median) : "–";
            }
            text(sub, size * 0.8f, x, top + line, to_u32(n.text, 0.78f));
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
    std::vector<ImVec4> placed; // x0, y0, x1, y1
    for (uint32_t i : label_order_) {
        if (placed.size() >= kMaxOverviewLabels) break;
        const MapBox& n = map.nodes[i];
        const float x = float(n.centre.x) * scale_ + offset_.x;
        const float top = float(n.centre.y + n.half.y) * scale_ + offset_.y + 2 * ratio;
        if (x < -400 * ratio || x > display.x + 400 * ratio || top < -40 || top > display.y) continue;
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

void MapView::draw_tooltip(const JourneyMapData& data, const JourneyMap& map) const {
    const Journey& journey = data.journey;
    const Dfg& dfg = journey.dfg;
    auto name = [&](uint32_t node) -> std::string {
        const MapBox& n = map.nodes[node];
        return n.kind == MapNodeKind::touchpoint ? std::string(journey.log.activities.view(n.activity))
                                                 : n.label;
    };
    if (highlight_.node >= 0) {
        const MapBox& n = map.nodes[highlight_.node];
        ImGui::BeginTooltip();
        if (n.kind == MapNodeKind::touchpoint) {
            const uint32_t a = n.activity;
            ImGui::TextUnformatted(name(highlight_.node).c_str());
            ImGui::Separator();
            ImGui::Text("Events       %s", with_thousands(dfg.events[a]).c_str());
            ImGui::Text("Journeys     %s (%s of all)", with_thousands(dfg.cases[a]).c_str(),
                        percent(dfg.cases[a], dfg.num_cases).c_str());
            ImGui::Text("Starts here  %s", with_thousands(dfg.starts[a]).c_str());
            ImGui::Text("Ends here    %s", with_thousands(dfg.ends[a]).c_str());
            time_lines(data.node_time[a], "To next step");
            ImGui::TextDisabled("Click for details");
        } else {
            ImGui::Text("%s: %s journeys", n.label.c_str(), with_thousands(n.count).c_str());
        }
        ImGui::EndTooltip();
    } else if (highlight_.edge >= 0) {
        const MapCurve& e = map.edges[highlight_.edge];
        ImGui::BeginTooltip();
        ImGui::Text("%s → %s", name(e.from).c_str(), name(e.to).c_str());
        ImGui::Separator();
        if (e.marker) {
            ImGui::Text("Journeys     %s (%s of all)", with_thousands(e.count).c_str(),
                        percent(e.count, dfg.num_cases).c_str());
        } else {
            ImGui::Text("Transitions  %s", with_thousands(e.count).c_str());
            ImGui::Text("Journeys     %s (%s of all)", with_thousands(e.cases).c_str(),
                        percent(e.cases, dfg.num_cases).c_str());
            time_lines(data.edge_time[e.dfg_edge], "Time");
        }
        ImGui::EndTooltip();
    }
}

} // namespace tabiji::web
