// Turning a directly-follows graph and core's layered layout into boxes and curves with sizes, colours
// and ports. Pure geometry: no GL, no ImGui.
#include "journey_map.hpp"

#include "tabiji/layout.hpp"

#include "text_format.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji::web {

namespace {

constexpr float kPadX = 14; // label padding inside a box
constexpr float kMinWidth = 96;
constexpr float kMaxLabelWidth = 260; // longer names are shortened with "…" (full name in the tooltip)
constexpr float kVolumeHeight = 22;   // extra height of the busiest touchpoint
constexpr float kVolumeWidth = 24;    // extra width of the busiest touchpoint
constexpr float kMarkerRadius = 13;
constexpr float kColumnGap = 64;   // between the widest boxes of neighbouring layers
constexpr float kEmptyColumn = 24; // a layer without boxes (only long edges cross it)
constexpr float kMarkerGap = 64;   // start/end markers from the outermost boxes

Rgba mix(Rgba a, Rgba b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a + (b.a - a.a) * t};
}

constexpr Rgba rgb(uint32_t hex, float alpha = 1) {
    return {((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, alpha};
}

float volume(uint64_t count, uint64_t max) {
    return max == 0 ? 0.0f : std::sqrt(static_cast<float>(count) / static_cast<float>(max));
}

// The longest prefix of `text` (whole UTF-8 characters) that fits with an ellipsis.
std::string shorten(std::string_view text, const MapStyle& style) {
    if (style.text_width(text) <= kMaxLabelWidth) return std::string(text);
    size_t n = text.size();
    while (n > 0) {
        do --n;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80);
        std::string s = std::string(text.substr(0, n)) + "…";
        if (style.text_width(s) <= kMaxLabelWidth) return s;
    }
    return "…";
}

// Spreads the ends of the edges meeting one side of a node, ordered by where the other end lies.
struct Port {
    uint32_t edge;
    bool at_end; // the edge's p[3] (else p[0])
    float other_y;
};

void spread_ports(std::vector<Port>& ports, JourneyMap& map, const MapNode& node) {
    if (ports.empty()) return;
    std::sort(ports.begin(), ports.end(), [](const Port& a, const Port& b) { return a.other_y < b.other_y; });
    float span = node.half.y * 1.1f;
    float step = ports.size() > 1 ? std::min(12.0f, span / static_cast<float>(ports.size() - 1)) : 0.0f;
    float first = -step * static_cast<float>(ports.size() - 1) / 2;
    for (size_t i = 0; i < ports.size(); ++i) {
        MapEdge& e = map.edges[ports[i].edge];
        float dy = first + step * static_cast<float>(i);
        if (ports[i].at_end) {
            e.p[3].y += dy;
            e.p[2].y += dy;
        } else {
            e.p[0].y += dy;
            e.p[1].y += dy;
        }
    }
}

} // namespace

Vec2 edge_point(const MapEdge& e, float t) {
    float s = 1 - t;
    float a = s * s * s, b = 3 * s * s * t, c = 3 * s * t * t, d = t * t * t;
    return {a * e.p[0].x + b * e.p[1].x + c * e.p[2].x + d * e.p[3].x,
            a * e.p[0].y + b * e.p[1].y + c * e.p[2].y + d * e.p[3].y};
}

JourneyMap build_journey_map(const EventLog& log, const Dfg& dfg, const MapStyle& style) {
    JourneyMap map;
    const uint32_t n = dfg.num_activities;
    map.touchpoints = n;
    uint64_t max_events = 0, max_starts = 0, max_edge = 1;
    for (uint32_t a = 0; a < n; ++a) max_events = std::max(max_events, dfg.events[a]);
    for (uint32_t a = 0; a < n; ++a) max_starts = std::max(max_starts, dfg.starts[a]);
    for (const auto& e : dfg.edges) max_edge = std::max(max_edge, e.count);

    // [SECTION] Boxes: width from the label, both dimensions grow with the volume.
    const Rgba light = rgb(0xe4eefa), dark = rgb(0x1f5fa8);
    float max_w = kMinWidth, max_h = 0;
    for (uint32_t a = 0; a < n; ++a) {
        MapNode node;
        node.activity = a;
        node.label = shorten(log.activities.view(a), style);
        node.count = dfg.events[a];
        float v = volume(node.count, max_events);
        float text_w =
            std::max(style.text_width(node.label), style.text_width(with_thousands(node.count)) * 0.8f);
        float w = std::max(kMinWidth, text_w + 2 * kPadX) + kVolumeWidth * v;
        float h = style.label_size * 2.7f + kVolumeHeight * v;
        node.half = {w / 2, h / 2};
        node.fill = mix(light, dark, v);
        node.text = v > 0.55f ? rgb(0xffffff) : rgb(0x1a2433);
        max_w = std::max(max_w, w);
        max_h = std::max(max_h, h);
        map.nodes.push_back(std::move(node));
    }

    // [SECTION] Placement by core's layered layout.
    LayoutInput in;
    in.num_nodes = n;
    in.layer_gap = max_w + kColumnGap; // x is recomputed below; y keeps the layout's spacing
    in.node_gap = max_h + 30;
    for (const auto& e : dfg.edges)
        if (e.from != e.to) in.edges.push_back({e.from, e.to, static_cast<double>(e.count)});
    for (uint32_t a = 0; a < n; ++a) in.node_weight.push_back(static_cast<double>(dfg.events[a]));
    for (uint32_t a = 0; a < n; ++a)
        if (dfg.starts[a] > 0 && dfg.starts[a] * 10 >= max_starts * 3) in.sources.push_back(a);
    LayoutResult lay = layout_layered(in);
    auto layer_of = [&](uint32_t a) { return a < lay.layer.size() ? lay.layer[a] : 0u; };
    // Columns as wide as their widest box, and layers that only long edges pass through kept thin: the
    // overview then fits the screen at a scale where labels can still be read.
    uint32_t num_layers = 0;
    for (uint32_t a = 0; a < n; ++a) num_layers = std::max(num_layers, layer_of(a) + 1);
    std::vector<float> column_width(num_layers, 0), column_x(num_layers, 0);
    for (uint32_t a = 0; a < n; ++a)
        column_width[layer_of(a)] = std::max(column_width[layer_of(a)], 2 * map.nodes[a].half.x);
    float x = 0;
    for (uint32_t l = 0; l < num_layers; ++l) {
        const float w = column_width[l] > 0 ? column_width[l] : kEmptyColumn;
        column_x[l] = x + w / 2;
        x += w + kColumnGap;
    }
    for (uint32_t a = 0; a < n; ++a) {
        const float y = a < lay.y.size() ? static_cast<float>(lay.y[a]) : 0.0f;
        map.nodes[a].centre = {column_x[layer_of(a)], y};
    }

    // [SECTION] Start and end markers, beside the touchpoints that begin and end journeys.
    float min_x = 0, max_x = 0, start_y = 0, end_y = 0;
    double start_w = 0, end_w = 0;
    for (uint32_t a = 0; a < n; ++a) {
        const MapNode& node = map.nodes[a];
        min_x = a == 0 ? node.centre.x - node.half.x : std::min(min_x, node.centre.x - node.half.x);
        max_x = a == 0 ? node.centre.x + node.half.x : std::max(max_x, node.centre.x + node.half.x);
        start_y += static_cast<float>(dfg.starts[a]) * node.centre.y;
        start_w += static_cast<double>(dfg.starts[a]);
        end_y += static_cast<float>(dfg.ends[a]) * node.centre.y;
        end_w += static_cast<double>(dfg.ends[a]);
    }
    auto marker = [&](NodeKind kind, const char* label, float x, float y, uint64_t cases, Rgba fill) {
        MapNode m;
        m.kind = kind;
        m.label = label;
        m.count = cases;
        m.centre = {x, y};
        m.half = {kMarkerRadius, kMarkerRadius};
        m.corner = kMarkerRadius;
        m.fill = fill;
        m.text = rgb(0x1a2433);
        map.nodes.push_back(std::move(m));
        return static_cast<uint32_t>(map.nodes.size() - 1);
    };
    const uint32_t start =
        marker(NodeKind::start, "Start", min_x - kMarkerGap,
               start_w > 0 ? start_y / static_cast<float>(start_w) : 0, dfg.num_cases, rgb(0x2e9e5b));
    const uint32_t end =
        marker(NodeKind::end, "End", max_x + kMarkerGap, end_w > 0 ? end_y / static_cast<float>(end_w) : 0,
               dfg.num_cases, rgb(0xc0392b));

    // [SECTION] Edges: forward edges leave right and enter left; edges within a layer bow out to the right;
    // back edges arc over the top; self-loops sit on the box.
    const Rgba edge_light = rgb(0xa9b6c6), edge_dark = rgb(0x34465e);
    const Rgba back_light = rgb(0xe0b48a), back_dark = rgb(0xb5621f);
    std::vector<std::vector<Port>> out_ports(map.nodes.size()), in_ports(map.nodes.size());
    auto add_forward = [&](MapEdge e) {
        const MapNode &a = map.nodes[e.from], &b = map.nodes[e.to];
        e.p[0] = {a.centre.x + a.half.x, a.centre.y};
        e.p[3] = {b.centre.x - b.half.x, b.centre.y};
        float dx = std::max(30.0f, (e.p[3].x - e.p[0].x) * 0.5f);
        e.p[1] = {e.p[0].x + dx, e.p[0].y};
        e.p[2] = {e.p[3].x - dx, e.p[3].y};
        auto id = static_cast<uint32_t>(map.edges.size());
        out_ports[e.from].push_back({id, false, b.centre.y});
        in_ports[e.to].push_back({id, true, a.centre.y});
        map.edges.push_back(e);
    };
    for (const auto& d : dfg.edges) {
        MapEdge e;
        e.from = d.from;
        e.to = d.to;
        e.count = d.count;
        e.cases = d.cases;
        float v = volume(d.count, max_edge);
        e.width = 1.5f + 10.0f * v;
        const MapNode &a = map.nodes[d.from], &b = map.nodes[d.to];
        if (d.from == d.to) {
            e.p[0] = {a.centre.x + a.half.x * 0.4f, a.centre.y - a.half.y};
            e.p[3] = {a.centre.x - a.half.x * 0.4f, a.centre.y - a.half.y};
            e.p[1] = {e.p[0].x + 22, e.p[0].y - 52};
            e.p[2] = {e.p[3].x - 22, e.p[3].y - 52};
            e.back = true;
        } else if (layer_of(d.to) > layer_of(d.from)) {
            e.color = mix(edge_light, edge_dark, v);
            add_forward(e);
            continue;
        } else if (layer_of(d.to) == layer_of(d.from)) {
            float bow = 40 + std::abs(b.centre.y - a.centre.y) * 0.3f;
            e.p[0] = {a.centre.x + a.half.x, a.centre.y};
            e.p[3] = {b.centre.x + b.half.x, b.centre.y};
            e.p[1] = {e.p[0].x + bow, e.p[0].y};
            e.p[2] = {e.p[3].x + bow, e.p[3].y};
        } else {
            float lift = 45 + std::abs(a.centre.x - b.centre.x) * 0.18f;
            e.p[0] = {a.centre.x - a.half.x * 0.3f, a.centre.y - a.half.y};
            e.p[3] = {b.centre.x + b.half.x * 0.3f, b.centre.y - b.half.y};
            e.p[1] = {e.p[0].x, e.p[0].y - lift};
            e.p[2] = {e.p[3].x, e.p[3].y - lift};
            e.back = true;
        }
        e.color = e.back ? mix(back_light, back_dark, v) : mix(edge_light, edge_dark, v);
        map.edges.push_back(e);
    }
    map.dfg_edges = static_cast<uint32_t>(map.edges.size());
    const Rgba marker_edge = rgb(0xb3bcc8);
    for (uint32_t a = 0; a < n; ++a) {
        if (dfg.starts[a] > 0) {
            MapEdge e;
            e.from = start;
            e.to = a;
            e.marker = true;
            e.count = dfg.starts[a];
            e.width = 1.2f + 6.0f * volume(e.count, std::max<uint64_t>(dfg.num_cases, 1));
            e.color = marker_edge;
            add_forward(e);
        }
        if (dfg.ends[a] > 0) {
            MapEdge e;
            e.from = a;
            e.to = end;
            e.marker = true;
            e.count = dfg.ends[a];
            e.width = 1.2f + 6.0f * volume(e.count, std::max<uint64_t>(dfg.num_cases, 1));
            e.color = marker_edge;
            add_forward(e);
        }
    }
    for (size_t i = 0; i < map.nodes.size(); ++i) {
        spread_ports(out_ports[i], map, map.nodes[i]);
        spread_ports(in_ports[i], map, map.nodes[i]);
    }

    // [SECTION] Bounding box: the boxes, and the curves (inside their control points' hull).
    bool first = true;
    auto grow = [&](Vec2 p) {
        if (first) map.min = map.max = p;
        first = false;
        map.min = {std::min(map.min.x, p.x), std::min(map.min.y, p.y)};
        map.max = {std::max(map.max.x, p.x), std::max(map.max.y, p.y)};
    };
    for (const auto& node : map.nodes) {
        grow({node.centre.x - node.half.x, node.centre.y - node.half.y});
        grow({node.centre.x + node.half.x, node.centre.y + node.half.y + style.label_size * 1.4f});
    }
    for (const auto& e : map.edges)
        for (const auto& p : e.p) grow(p);
    return map;
}

} // namespace tabiji::web
