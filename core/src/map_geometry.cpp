// The one map-geometry builder (see map_geometry.hpp): boxes, markers, layout, routes, ports, curves.
#include "tabiji/map_geometry.hpp"

#include "tabiji/display_order.hpp"
#include "tabiji/layout.hpp"
#include "tabiji/svg_map.hpp"

#include <algorithm>
#include <cmath>

namespace tabiji {

namespace {

constexpr double kPadX = 14;           // label padding inside a box
constexpr double kMinWidth = 96;       // narrowest box
constexpr double kMaxLabelWidth = 260; // longer names are shortened with "…" (full name in tooltips)
constexpr double kVolumeHeight = 22;   // extra height of the busiest touchpoint
constexpr double kVolumeWidth = 24;    // extra width of the busiest touchpoint
constexpr double kMarkerRadius = 13;
constexpr double kColumnGap = 64;   // between the widest boxes of neighbouring layers
constexpr double kEmptyColumn = 24; // a layer without boxes (only long edges cross it)
constexpr double kNodeGap = 30;     // between boxes of a layer
constexpr double kEdgeGap = 14;     // next to a long edge crossing a layer
constexpr double kPortStep = 10;    // between the ends of edges meeting one side of a box

double volume(uint64_t count, uint64_t max) {
    return max == 0 ? 0.0 : std::sqrt(double(count) / double(max));
}

// The longest prefix of `text` (whole UTF-8 characters) that fits with an ellipsis.
template <class Width>
std::string shorten(std::string_view text, const Width& width) {
    if (width(text) <= kMaxLabelWidth) return std::string(text);
    size_t n = text.size();
    while (n > 0) {
        do --n;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80);
        std::string s = std::string(text.substr(0, n)) + "…";
        if (width(s) <= kMaxLabelWidth) return s;
    }
    return "…";
}

double luminance(uint32_t rgb) {
    return (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
}

// Rank of each known value among the known ones, 0..1 (unknown: -1): robust against outliers.
std::vector<double> ranks01(const std::vector<double>& v, const std::vector<uint32_t>& ids) {
    std::vector<std::pair<double, uint32_t>> known;
    for (uint32_t i : ids)
        if (i < v.size() && v[i] >= 0) known.push_back({v[i], i});
    std::sort(known.begin(), known.end());
    std::vector<double> r(v.size(), -1);
    for (size_t i = 0; i < known.size(); ++i)
        r[known[i].second] = known.size() > 1 ? double(i) / double(known.size() - 1) : 0.5;
    return r;
}

// A chain of cubic segments through the points, horizontal at each of them (so the curve between two
// points stays between their x: it bends only inside the gap between two columns).
std::vector<MapPoint> chain_curve(const std::vector<MapPoint>& pts) {
    std::vector<MapPoint> c{pts[0]};
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        const double dx = (pts[i + 1].x - pts[i].x) * 0.5;
        c.push_back({pts[i].x + dx, pts[i].y});
        c.push_back({pts[i + 1].x - dx, pts[i + 1].y});
        c.push_back(pts[i + 1]);
    }
    return c;
}

struct Port {
    uint32_t edge;
    bool at_end;    // the route's last point (else its first)
    double other_y; // where the route goes next
};

} // namespace

std::string with_thousands(uint64_t n) {
    std::string s = std::to_string(n), out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(s[i]);
    }
    return out;
}

std::vector<int32_t> activity_stages(const TouchpointMap& map, uint32_t n) {
    std::vector<int32_t> out(n, -1);
    for (uint32_t a = 0; a < n && a < map.by_activity.size(); ++a)
        if (map.by_activity[a] != TouchpointMap::kNone) out[a] = map.stage[map.by_activity[a]];
    return out;
}

std::vector<int32_t> activity_channels(const TouchpointMap& map, uint32_t n) {
    std::vector<int32_t> out(n, -1);
    for (uint32_t a = 0; a < n && a < map.by_activity.size(); ++a)
        if (map.by_activity[a] != TouchpointMap::kNone) out[a] = int32_t(map.channel[map.by_activity[a]]);
    return out;
}

uint32_t mix_rgb(uint32_t a, uint32_t b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    uint32_t out = 0;
    for (int shift : {16, 8, 0}) {
        const double x = (a >> shift) & 0xff, y = (b >> shift) & 0xff;
        out |= uint32_t(std::lround(x + (y - x) * t)) << shift;
    }
    return out;
}

uint32_t time_rgb(double t) {
    return t < 0.5 ? mix_rgb(0x2e9e5b, 0xe8a33d, t * 2) : mix_rgb(0xe8a33d, 0xc0392b, t * 2 - 1);
}

uint32_t channel_rgb(int32_t group) {
    static constexpr uint32_t kPalette[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1, 0xe15759,
                                            0x76b7b2, 0xedc948, 0xff9da7, 0x9c755f, 0xbab0ac};
    if (group < 0) return 0xd5dbe3;
    return kPalette[size_t(group) % (sizeof kPalette / sizeof kPalette[0])];
}

MapPoint curve_point(const MapCurve& e, size_t segment, double t) {
    const MapPoint* q = &e.c[segment * 3];
    const double s = 1 - t, a = s * s * s, b = 3 * s * s * t, c = 3 * s * t * t, d = t * t * t;
    return {a * q[0].x + b * q[1].x + c * q[2].x + d * q[3].x,
            a * q[0].y + b * q[1].y + c * q[2].y + d * q[3].y};
}

Steps build_map_geometry_steps(const EventLog& log, const Dfg& dfg, const MapGeometryOptions& opt,
                               MapGeometry& map) {
    map = {};
    SliceClock clock; // pauses here besides the layout's: between the boxes, the layout and the curves
    const double L = opt.label_size;
    auto text_width = [&](std::string_view s) {
        return opt.text_width ? opt.text_width(s) : estimated_text_width(s, L);
    };
    auto kept = [](const std::vector<uint8_t>& v, uint32_t i) { return v.empty() || (i < v.size() && v[i]); };

    // [SECTION] Boxes, in display order.
    std::vector<uint32_t> order;
    for (uint32_t a : touchpoint_display_order(log, dfg.events))
        if (kept(opt.node_kept, a)) order.push_back(a);
    map.node_of_activity.assign(dfg.num_activities, UINT32_MAX);
    uint64_t max_events = 0, max_edge = 1;
    for (uint32_t a : order) max_events = std::max(max_events, dfg.events[a]);
    if (clock.due()) co_yield 0.0;
    std::vector<uint32_t> edges; // dfg edge indices drawn, display order
    for (uint32_t k : edge_display_order(log, dfg)) {
        const DfgEdge& e = dfg.edges[k];
        if (kept(opt.node_kept, e.from) && kept(opt.node_kept, e.to) && kept(opt.edge_kept, k) &&
            dfg.events[e.from] > 0 && dfg.events[e.to] > 0)
            edges.push_back(k);
    }
    for (uint32_t k : edges) max_edge = std::max(max_edge, dfg.edges[k].count);
    if (clock.due()) co_yield 0.01;
    const std::vector<double> node_rank =
        opt.node_coloring == NodeColoring::time ? ranks01(opt.node_seconds, order) : std::vector<double>{};
    const std::vector<double> edge_rank =
        opt.edge_coloring == EdgeColoring::time ? ranks01(opt.edge_seconds, edges) : std::vector<double>{};
    for (uint32_t a : order) {
        if (map.nodes.size() % 256 == 0 && clock.due())
            co_yield 0.01 + 0.03 * map.nodes.size() / order.size();
        MapBox b;
        b.activity = a;
        b.label = shorten(log.activities.view(a), text_width);
        b.count = dfg.events[a];
        b.volume = volume(b.count, max_events);
        const double tw = std::max(text_width(b.label), text_width(with_thousands(b.count)) * 0.8);
        const double w = std::max(kMinWidth, tw + 2 * kPadX) + kVolumeWidth * b.volume;
        const double h = L * 2.7 + kVolumeHeight * b.volume;
        b.half = {w / 2, h / 2};
        switch (opt.node_coloring) {
        case NodeColoring::volume:
            b.fill = mix_rgb(0xe4eefa, 0x1f5fa8, b.volume);
            break;
        case NodeColoring::channel:
            b.fill = channel_rgb(a < opt.node_group.size() ? opt.node_group[a] : -1);
            break;
        case NodeColoring::time:
            b.fill = node_rank[a] < 0 ? 0xd5dbe3 : time_rgb(node_rank[a]);
            break;
        }
        b.text = luminance(b.fill) > 0.6 ? 0x1a2433 : 0xffffff;
        map.node_of_activity[a] = uint32_t(map.nodes.size());
        map.nodes.push_back(std::move(b));
    }
    map.touchpoints = uint32_t(map.nodes.size());
    const uint32_t T = map.touchpoints;
    const bool markers = T > 0;
    if (markers) {
        for (auto [kind, label, fill] : {std::tuple{MapNodeKind::start, &opt.start_label, 0x2e9e5bu},
                                         std::tuple{MapNodeKind::end, &opt.end_label, 0xc0392bu}}) {
            MapBox m;
            m.kind = kind;
            m.label = *label;
            m.count = dfg.num_cases;
            m.half = {kMarkerRadius, kMarkerRadius};
            m.corner = kMarkerRadius;
            m.fill = fill;
            m.text = 0x1a2433;
            map.nodes.push_back(std::move(m));
        }
    }
    const uint32_t start = T, end = T + 1;

    // [SECTION] Layout: touchpoints, Start (first layer) and End (last layer); steps and marker edges.
    LayoutInput in;
    in.num_nodes = uint32_t(map.nodes.size());
    in.layer_gap = kColumnGap;
    in.node_gap = kNodeGap;
    in.edge_gap = kEdgeGap;
    in.empty_layer_width = kEmptyColumn;
    for (const MapBox& b : map.nodes) {
        in.node_width.push_back(2 * b.half.x);
        // A marker's label hangs below it: reserve room for it.
        in.node_height.push_back(2 * b.half.y + (b.kind == MapNodeKind::touchpoint ? 0 : 2 * L));
        in.node_weight.push_back(double(b.count));
    }
    if (markers) {
        in.sources = {start};
        in.sinks = {end};
    }
    if (!opt.node_stage.empty()) {
        in.stage.assign(in.num_nodes, -1);
        for (uint32_t i = 0; i < T; ++i)
            if (map.nodes[i].activity < opt.node_stage.size())
                in.stage[i] = opt.node_stage[map.nodes[i].activity];
    }
    if (!opt.previous_y.empty()) {
        in.previous_y.assign(in.num_nodes, std::nan(""));
        for (uint32_t i = 0; i < T; ++i)
            if (map.nodes[i].activity < opt.previous_y.size())
                in.previous_y[i] = opt.previous_y[map.nodes[i].activity];
    }
    std::vector<uint32_t> layout_edge_of; // per curve: its layout edge, or UINT32_MAX (self-loop)
    for (uint32_t k : edges) {
        const DfgEdge& d = dfg.edges[k];
        MapCurve e;
        e.from = map.node_of_activity[d.from];
        e.to = map.node_of_activity[d.to];
        e.dfg_edge = k;
        e.count = d.count;
        e.cases = d.cases;
        e.volume = volume(d.count, max_edge);
        e.width = 1.5 + 10.0 * e.volume;
        e.self_loop = d.from == d.to;
        layout_edge_of.push_back(e.self_loop ? UINT32_MAX : uint32_t(in.edges.size()));
        if (!e.self_loop) in.edges.push_back({e.from, e.to, double(d.count)});
        map.edges.push_back(std::move(e));
    }
    map.steps = uint32_t(map.edges.size());
    const uint64_t all_cases = std::max<uint64_t>(dfg.num_cases, 1);
    for (uint32_t i = 0; i < T; ++i) {
        const uint32_t a = map.nodes[i].activity;
        for (bool is_start : {true, false}) {
            const uint64_t n = is_start ? dfg.starts[a] : dfg.ends[a];
            if (n == 0) continue;
            MapCurve e;
            e.from = is_start ? start : i;
            e.to = is_start ? i : end;
            e.marker = true;
            e.count = e.cases = n;
            e.volume = volume(n, all_cases);
            e.width = 1.2 + 6.0 * e.volume;
            e.color = 0xb3bcc8;
            layout_edge_of.push_back(uint32_t(in.edges.size()));
            in.edges.push_back({e.from, e.to, double(n)});
            map.edges.push_back(std::move(e));
        }
    }
    if (clock.due()) co_yield 0.05;
    // The layout is nearly all of the work: progress 5 % to 95 %.
    LayoutResult lay;
    for (Steps s = layout_layered_steps(in, lay); !s.done();) {
        s.step();
        if (!s.done()) co_yield 0.05 + 0.9 * s.progress();
    }
    map.layers = lay.num_layers;
    map.layout_crossings = lay.crossings;
    for (uint32_t i = 0; i < map.nodes.size(); ++i) map.nodes[i].centre = {lay.x[i], lay.y[i]};

    // [SECTION] Routes: box side, a run across every inner column at the edge's slot, box side.
    std::vector<std::vector<MapPoint>> routes(map.edges.size());
    std::vector<std::vector<Port>> left(map.nodes.size()), right(map.nodes.size());
    for (uint32_t i = 0; i < map.edges.size(); ++i) {
        if (i % 1024 == 0 && clock.due()) co_yield 0.95 + 0.02 * i / map.edges.size();
        MapCurve& e = map.edges[i];
        const MapBox &a = map.nodes[e.from], &b = map.nodes[e.to];
        if (e.self_loop) continue;
        const uint32_t k = layout_edge_of[i];
        const auto& pts = lay.edge_points[k];
        const uint32_t la = lay.layer[e.from], lb = lay.layer[e.to];
        auto& route = routes[i];
        if (la == lb) { // not produced by the layering; kept safe: a bow out to the right
            route = {{a.centre.x + a.half.x, a.centre.y}, {b.centre.x + b.half.x, b.centre.y}};
            continue;
        }
        const double dir = lb > la ? 1 : -1; // +1: left to right
        e.back = dir < 0;
        route.push_back({a.centre.x + dir * a.half.x, a.centre.y});
        for (size_t j = 1; j + 1 < pts.size(); ++j) {
            const uint32_t layer = la + uint32_t(int(dir) * int(j));
            const double hw = lay.layer_width[layer] / 2;
            route.push_back({pts[j].x - dir * hw, pts[j].y});
            route.push_back({pts[j].x + dir * hw, pts[j].y});
        }
        route.push_back({b.centre.x - dir * b.half.x, b.centre.y});
        (dir > 0 ? right : left)[e.from].push_back({i, false, route[1].y});
        (dir > 0 ? left : right)[e.to].push_back({i, true, route[route.size() - 2].y});
    }
    // Ports: the ends meeting one side of a box are spread over it, ordered by where they go.
    for (auto* sides : {&left, &right}) {
        for (uint32_t v = 0; v < map.nodes.size(); ++v) {
            auto& ports = (*sides)[v];
            if (ports.size() < 2) continue;
            std::stable_sort(ports.begin(), ports.end(),
                             [](const Port& p, const Port& q) { return p.other_y < q.other_y; });
            const double span = map.nodes[v].half.y * 1.6;
            const double step = std::min(kPortStep, span / double(ports.size() - 1));
            const double first = -step * double(ports.size() - 1) / 2;
            for (size_t j = 0; j < ports.size(); ++j) {
                auto& route = routes[ports[j].edge];
                (ports[j].at_end ? route.back() : route.front()).y += first + step * double(j);
            }
        }
    }

    // [SECTION] Curves and colours.
    for (uint32_t i = 0; i < map.edges.size(); ++i) {
        if (i % 1024 == 0 && clock.due()) co_yield 0.97 + 0.03 * i / map.edges.size();
        MapCurve& e = map.edges[i];
        const MapBox& a = map.nodes[e.from];
        if (e.self_loop) {
            const MapPoint p0{a.centre.x + a.half.x * 0.4, a.centre.y - a.half.y},
                p3{a.centre.x - a.half.x * 0.4, a.centre.y - a.half.y};
            e.c = {p0, {p0.x + 22, p0.y - 52}, {p3.x - 22, p3.y - 52}, p3};
            e.back = true;
        } else if (lay.layer[e.from] == lay.layer[e.to]) {
            const MapPoint p0 = routes[i].front(), p3 = routes[i].back();
            const double bow = 40 + std::fabs(p3.y - p0.y) * 0.3;
            e.c = {p0, {p0.x + bow, p0.y}, {p3.x + bow, p3.y}, p3};
        } else {
            e.c = chain_curve(routes[i]);
        }
        if (!e.marker) {
            if (opt.edge_coloring == EdgeColoring::time)
                e.color = edge_rank[e.dfg_edge] < 0 ? 0xb3bcc8 : time_rgb(edge_rank[e.dfg_edge]);
            else
                e.color =
                    e.back ? mix_rgb(0xe0b48a, 0xb5621f, e.volume) : mix_rgb(0xa9b6c6, 0x34465e, e.volume);
        }
        const size_t segments = (e.c.size() - 1) / 3;
        e.label_at = segments % 2 ? curve_point(e, segments / 2, 0.5) : e.c[segments / 2 * 3];
    }

    // The routes are many small blocks: freed a slice at a time rather than all at the end of the last one.
    for (size_t i = 0; i < routes.size(); ++i) {
        if (i % 1024 == 0 && clock.due()) co_yield 1.0;
        std::vector<MapPoint>().swap(routes[i]);
        if (i < lay.edge_points.size()) std::vector<LayoutPoint>().swap(lay.edge_points[i]);
    }
    if (clock.due()) co_yield 1.0;
    // [SECTION] Bounding box: boxes (with the markers' labels), curves (inside their control points' hull).
    bool first = true;
    auto grow = [&](MapPoint p) {
        if (first) map.min = map.max = p;
        first = false;
        map.min = {std::min(map.min.x, p.x), std::min(map.min.y, p.y)};
        map.max = {std::max(map.max.x, p.x), std::max(map.max.y, p.y)};
    };
    for (const MapBox& b : map.nodes) {
        const double below = b.kind == MapNodeKind::touchpoint ? 0 : 1.6 * L;
        const double wide = b.kind == MapNodeKind::touchpoint ? 0 : text_width(b.label) / 2;
        grow({b.centre.x - std::max(b.half.x, wide), b.centre.y - b.half.y});
        grow({b.centre.x + std::max(b.half.x, wide), b.centre.y + b.half.y + below});
    }
    for (const MapCurve& e : map.edges)
        for (const MapPoint& p : e.c) grow(p);
}

MapGeometry build_map_geometry(const EventLog& log, const Dfg& dfg, const MapGeometryOptions& options) {
    MapGeometry map;
    build_map_geometry_steps(log, dfg, options, map).run();
    return map;
}

} // namespace tabiji
